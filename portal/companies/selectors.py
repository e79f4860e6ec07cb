"""Reads of company accounts for the customer pages and the admin.

Every function takes the viewing user and narrows through
`portal.companies.permissions` first, so callers cannot forget to.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from portal.companies import permissions
from portal.companies.models import (
    AuditEvent,
    Company,
    CompanyRole,
    CompanySite,
    CompanySiteUserObjectPermission,
    Invitation,
    InvitationStatus,
    Membership,
)
from portal.companies.permissions import PortalPermission as P


def company_for_member(*, user) -> Company | None:
    """The company the user acts for (pending or verified), or None."""
    membership = permissions.membership_for(user)
    return membership.company if membership is not None else None


def member_list(*, user) -> QuerySet[Membership]:
    """Members of the user's company with their sites, for the members page.

    Three queries whatever the number of members: members, site grants, sites.
    """
    grants = CompanySiteUserObjectPermission.objects.filter(
        permission__codename=permissions.SITE_ACCESS_CODENAME
    ).select_related("content_object")
    return permissions.scope_queryset(
        user,
        Membership.objects.select_related("user", "role", "invited_by"),
        perm=P.MANAGE_MEMBERS,
    ).prefetch_related(
        Prefetch(
            "user__companysiteuserobjectpermission_set",
            queryset=grants,
            to_attr="site_grants",
        )
    )


def member_get(*, user, pk: int) -> Membership:
    """One member of the user's company, or Membership.DoesNotExist."""
    return member_list(user=user).get(pk=pk)


def invitation_list(*, user, pending_only: bool = True) -> QuerySet[Invitation]:
    """The invitations of the user's company."""
    invitations = permissions.scope_queryset(
        user,
        Invitation.objects.select_related("role", "invited_by").prefetch_related(
            "sites"
        ),
        perm=P.MANAGE_MEMBERS,
    )
    if pending_only:
        invitations = invitations.filter(status=InvitationStatus.PENDING)
    return invitations


def role_list(*, user) -> QuerySet[CompanyRole]:
    """The custom roles of the user's company (for members and administrators)."""
    return permissions.scope_queryset(
        user, CompanyRole.objects.all(), perm=P.MANAGE_MEMBERS
    )


def site_list(*, user) -> QuerySet[CompanySite]:
    """The sites the user may act at in their company."""
    membership = permissions.membership_for(user)
    if membership is None:
        return CompanySite.objects.none()
    return permissions.sites_for(user).select_related("region")


def audit_list(*, user, company: Company | None = None) -> QuerySet[AuditEvent]:
    """Audit entries the user may read: their company's, or all for operator admins."""
    events = AuditEvent.objects.select_related("actor", "company")
    if permissions.is_operator_admin(user):
        return events.filter(company=company) if company is not None else events
    return permissions.scope_queryset(user, events, perm=P.VIEW_AUDIT_LOG)


def staff_company_list(*, user) -> QuerySet[Company]:
    """Companies in the admin: those the staff user may see."""
    return permissions.staff_companies(user).select_related(
        "segment", "account_manager", "region"
    )
