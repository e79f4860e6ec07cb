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


def _site_grants() -> QuerySet[CompanySiteUserObjectPermission]:
    """Grants of access to a company site (guardian's direct foreign-key table)."""
    return CompanySiteUserObjectPermission.objects.filter(
        permission__codename=permissions.SITE_ACCESS_CODENAME
    )


def member_list(*, user) -> QuerySet[Membership]:
    """Members of the user's company with user and role, by e-mail (one query).

    Pages of it get their members' site names with `with_site_names`.
    """
    return permissions.scope_queryset(
        user,
        Membership.objects.select_related("user", "role").order_by("user__email"),
        perm=P.MANAGE_MEMBERS,
    )


def member_rows(*, user) -> QuerySet[Membership]:
    """`member_list` with only the columns the members table shows (whole user
    rows cost a page of 25 members a quarter of a millisecond)."""
    return member_list(user=user).only(
        "company_id",
        "tier",
        "is_scoped",
        "is_active",
        "user__email",
        "role__name",
    )


def with_site_names(memberships) -> list[Membership]:
    """The memberships, each with `site_names`: the names of its granted sites.

    One query for all of them, reading names only: a page of scoped members can
    hold hundreds of grants, and building a grant and a site object for each cost
    more than the rest of the page.
    """
    memberships = list(memberships)
    names: dict[int, list[str]] = {m.user_id: [] for m in memberships}
    grants = (
        _site_grants()
        .filter(user_id__in=names)
        .order_by("content_object__name")
        .values_list("user_id", "content_object__name")
    )
    for user_id, name in grants:
        names[user_id].append(name)
    for membership in memberships:
        membership.site_names = names[membership.user_id]
    return memberships


def member_get(*, user, pk: int) -> Membership:
    """One member of the user's company with its site grants (`user.site_grants`),
    or Membership.DoesNotExist."""
    grants = _site_grants().select_related("content_object")
    return (
        member_list(user=user)
        .prefetch_related(
            Prefetch(
                "user__companysiteuserobjectpermission_set",
                queryset=grants,
                to_attr="site_grants",
            )
        )
        .get(pk=pk)
    )


def invitation_list(*, user, pending_only: bool = True) -> QuerySet[Invitation]:
    """The invitations of the user's company (their own columns only: the members
    page lists address, tier and date, and joining role, inviter and sites cost
    it half a millisecond even with no invitation open)."""
    invitations = permissions.scope_queryset(
        user, Invitation.objects.all(), perm=P.MANAGE_MEMBERS
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


def staff_member_list(*, user, company: Company) -> QuerySet[Membership]:
    """Members of a company with tier, role and site scope, for staff (read-only).

    Empty unless the staff user may see the company; three queries in all.
    """
    if permissions.membership_for(user) is not None or not permissions.can_see_company(
        user, company=company
    ):
        return Membership.objects.none()
    grants = (
        _site_grants()
        .filter(content_object__company=company)
        .select_related("content_object")
    )
    return (
        Membership.objects.filter(company=company)
        .select_related("user", "role")
        .order_by("-is_active", "user__email")
        .prefetch_related(
            Prefetch(
                "user__companysiteuserobjectpermission_set",
                queryset=grants,
                to_attr="site_grants",
            )
        )
    )


def staff_in_group(*, group: str):
    """Active staff users of one staff group (choices of team and assignment forms)."""
    from portal.accounts.models import User

    return User.objects.filter(
        is_staff=True, is_active=True, groups__name=group
    ).distinct()


def staff_company_list(*, user) -> QuerySet[Company]:
    """Companies in the admin: those the staff user may see."""
    return permissions.staff_companies(user).select_related(
        "segment", "account_manager", "region"
    )
