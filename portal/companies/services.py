"""Writes of company accounts: registration, verification, invitations, members.

Every function runs in one transaction, checks the rules of
`portal.companies.permissions` before it saves, and appends to the audit log. Rule
violations raise `ValidationError` (with a message for the user) or
`PermissionDenied` (the actor may not touch that object at all).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from portal.companies import permissions
from portal.companies.audit import AuditAction, audit_record
from portal.companies.credit_code import validate_registration_number
from portal.companies.models import (
    Company,
    CompanyRole,
    CompanySite,
    CompanySiteUserObjectPermission,
    CompanyStatus,
    Invitation,
    InvitationStatus,
    Membership,
    MemberTier,
    Team,
)
from portal.companies.permissions import PortalPermission as P

INVITATION_SALT = "portal.companies.invitation"
INVITATION_MAX_AGE = timedelta(days=7)


# --- Sessions ----------------------------------------------------------------


def user_sessions_end(*, user, keep_session_key: str | None = None) -> int:
    """End the user's sessions (all but `keep_session_key`); returns how many."""
    from allauth.usersessions.adapter import get_adapter
    from allauth.usersessions.models import UserSession

    sessions = list(
        UserSession.objects.filter(user_id=user.pk).exclude(
            session_key=keep_session_key or ""
        )
    )
    get_adapter().end_sessions(sessions)
    return len(sessions)


def _current_session_key(request) -> str | None:
    session = getattr(request, "session", None)
    return session.session_key if session is not None else None


# --- Companies ---------------------------------------------------------------


@dataclass(frozen=True)
class CompanyDetails:
    """What a customer declares about their company when registering or editing."""

    legal_name: str
    registration_number: str
    country: str
    segment: object
    industry: object | None
    size_band: str
    region: object | None
    billing_address: str


def _check_registration_number(*, details: CompanyDetails, exclude_pk=None) -> str:
    number = details.registration_number.strip().upper()
    validate_registration_number(country=details.country, number=number)
    clash = Company.objects.filter(
        country=details.country.upper(), registration_number=number
    ).exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError(
            {
                "registration_number": _(
                    "A company with this registration number is already registered. "
                    "Ask its administrator to invite you."
                )
            }
        )
    return number


@transaction.atomic
def company_register(*, user, details: CompanyDetails, request=None) -> Company:
    """Register a pending company with `user` as its first administrator."""
    if Membership.objects.filter(user=user).exists():
        raise ValidationError(
            _("You already belong to a company. Ask its administrator for access.")
        )
    number = _check_registration_number(details=details)
    company = Company.objects.create(
        legal_name=details.legal_name.strip(),
        registration_number=number,
        country=details.country.upper(),
        segment=details.segment,
        industry=details.industry,
        size_band=details.size_band,
        region=details.region,
        billing_address=details.billing_address,
        status=CompanyStatus.PENDING,
    )
    company.group = Group.objects.create(name=f"Company #{company.pk}")
    company.save(update_fields=["group"])
    Membership.objects.create(company=company, user=user, tier=MemberTier.ADMIN)
    user.groups.add(company.group)
    permissions.forget_cached_permissions(user)
    audit_record(
        action=AuditAction.COMPANY_REGISTERED,
        actor=user,
        company=company,
        target=company,
        request=request,
    )
    return company


_DECLARED_FIELDS = ("legal_name", "industry", "size_band", "region", "billing_address")


def _apply_details(company: Company, details: CompanyDetails, fields) -> dict:
    """Copy `fields` of `details` onto `company`; returns what changed, as text."""
    changed = {}
    for field in fields:
        value = getattr(details, field)
        if isinstance(value, str):
            value = value.strip()
        if getattr(company, field) != value:
            changed[field] = str(value)
            setattr(company, field, value)
    return changed


@transaction.atomic
def company_update(*, actor, company: Company, details: CompanyDetails, request=None):
    """Change a company's declared details; the segment stays as staff set it."""
    if not permissions.has_permission(actor, P.MANAGE_COMPANY, company=company):
        raise PermissionDenied
    number = _check_registration_number(details=details, exclude_pk=company.pk)
    if company.is_verified and (
        number != company.registration_number
        or details.legal_name.strip() != company.legal_name
    ):
        raise ValidationError(
            _(
                "A verified company's legal name and registration number can only be "
                "changed by your account manager. Please contact them."
            )
        )
    changed = _apply_details(company, details, _DECLARED_FIELDS)
    company.registration_number = number
    company.save()
    audit_record(
        action=AuditAction.COMPANY_UPDATED,
        actor=actor,
        company=company,
        target=company,
        request=request,
        data={"changed": changed},
    )
    return company


@transaction.atomic
def company_resubmit(*, actor, details: CompanyDetails, request=None) -> Company:
    """Correct a rejected company's details and send it back to staff as pending.

    Its administrators may change everything they declared, the segment included;
    the staff's reason is kept in the audit entry.
    """
    company = permissions.rejected_company_for(actor)
    if company is None:
        raise PermissionDenied
    company = Company.objects.select_for_update().get(pk=company.pk)
    if company.status != CompanyStatus.REJECTED:
        raise ValidationError(_("Only a rejected registration can be resubmitted."))
    number = _check_registration_number(details=details, exclude_pk=company.pk)
    changed = _apply_details(company, details, (*_DECLARED_FIELDS, "segment"))
    if number != company.registration_number:
        changed["registration_number"] = number
    company.registration_number = number
    reason = company.rejection_reason
    company.status = CompanyStatus.PENDING
    company.rejection_reason = ""
    company.save()
    audit_record(
        action=AuditAction.COMPANY_RESUBMITTED,
        actor=actor,
        company=company,
        target=company,
        request=request,
        data={"changed": changed, "rejection_reason": reason},
    )
    return company


def _require_staff_for(actor, company: Company) -> None:
    if not permissions.can_manage_companies(actor) or not permissions.can_see_company(
        actor, company=company
    ):
        raise PermissionDenied


@transaction.atomic
def company_verify(*, actor, company: Company, request=None) -> Company:
    """Operator staff confirm a pending (or previously rejected) company."""
    _require_staff_for(actor, company)
    company = Company.objects.select_for_update().get(pk=company.pk)
    if company.status == CompanyStatus.VERIFIED:
        raise ValidationError(_("This company is already verified."))
    company.status = CompanyStatus.VERIFIED
    company.verified_at = timezone.now()
    company.rejection_reason = ""
    company.save(update_fields=["status", "verified_at", "rejection_reason"])
    audit_record(
        action=AuditAction.COMPANY_VERIFIED,
        actor=actor,
        company=company,
        target=company,
        request=request,
    )
    return company


@transaction.atomic
def company_reject(*, actor, company: Company, reason: str, request=None) -> Company:
    """Operator staff reject a company, giving the customer a reason."""
    _require_staff_for(actor, company)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Give the customer a reason so they can correct it.")}
        )
    company = Company.objects.select_for_update().get(pk=company.pk)
    company.status = CompanyStatus.REJECTED
    company.rejection_reason = reason
    company.verified_at = None
    company.save(update_fields=["status", "rejection_reason", "verified_at"])
    audit_record(
        action=AuditAction.COMPANY_REJECTED,
        actor=actor,
        company=company,
        target=company,
        request=request,
        data={"reason": reason},
    )
    return company


@transaction.atomic
def company_reclassify(*, actor, company: Company, segment, request=None) -> Company:
    """Operator staff move a company to another segment."""
    _require_staff_for(actor, company)
    if company.segment_id == segment.pk:
        return company
    before = company.segment_id
    company.segment = segment
    company.save(update_fields=["segment"])
    audit_record(
        action=AuditAction.COMPANY_RECLASSIFIED,
        actor=actor,
        company=company,
        target=company,
        request=request,
        data={"from": before, "to": segment.pk},
    )
    return company


@transaction.atomic
def company_assign(
    *, actor, company: Company, account_manager, request=None
) -> Company:
    """Operator admins and team leads assign a company's account manager."""
    if not permissions.can_assign_account_manager(actor):
        raise PermissionDenied
    _require_staff_for(actor, company)
    if account_manager is not None and not permissions.is_account_manager(
        account_manager
    ):
        raise ValidationError(
            {"account_manager": _("Choose a member of the account managers group.")}
        )
    if (
        account_manager is not None
        and not permissions.is_operator_admin(actor)
        and not account_manager.teams.filter(lead=actor).exists()
    ):
        raise ValidationError(
            {"account_manager": _("Choose an account manager of your own team.")}
        )
    before = company.account_manager_id
    company.account_manager = account_manager
    company.save(update_fields=["account_manager"])
    audit_record(
        action=AuditAction.COMPANY_ASSIGNED,
        actor=actor,
        company=company,
        target=company,
        request=request,
        data={
            "from": before,
            "to": account_manager.pk if account_manager is not None else None,
        },
    )
    return company


# --- Staff teams -------------------------------------------------------------


def _team_state(team: Team) -> dict:
    return {
        "name": team.name,
        "segment": team.segment_id,
        "region": team.region_id,
        "lead": team.lead_id,
        "members": sorted(team.members.values_list("pk", flat=True)),
    }


@transaction.atomic
def team_save(*, actor, team: Team, members: Iterable, request=None) -> Team:
    """Create or change a staff team: name, segment, region, lead and its members.

    Operator admins only. The lead must be a team lead and the members account
    managers; the change is audited because it moves which companies the lead sees.
    """
    if not permissions.can_manage_teams(actor):
        raise PermissionDenied
    members = list(members)
    if team.lead is not None and not permissions.is_team_lead(team.lead):
        raise ValidationError({"lead": _("Choose a member of the team leads group.")})
    if not all(permissions.is_account_manager(user) for user in members):
        raise ValidationError(
            {"members": _("Choose members of the account managers group only.")}
        )
    before = _team_state(Team.objects.get(pk=team.pk)) if team.pk else None
    team.name = team.name.strip()
    team.save()
    team.members.set(members)
    after = _team_state(team)
    if after != before:
        audit_record(
            action=AuditAction.TEAM_SAVED,
            actor=actor,
            target=team,
            request=request,
            data={"from": before, "to": after},
        )
    return team


@transaction.atomic
def team_delete(*, actor, team: Team, request=None) -> None:
    """Dissolve a staff team; its lead stops seeing its members' companies."""
    if not permissions.can_manage_teams(actor):
        raise PermissionDenied
    audit_record(
        action=AuditAction.TEAM_DELETED,
        actor=actor,
        target=team,
        request=request,
        data={"from": _team_state(team)},
    )
    team.delete()


# --- Sites and roles ---------------------------------------------------------


@transaction.atomic
def site_save(
    *,
    actor,
    company: Company,
    name: str,
    address: str = "",
    region=None,
    site: CompanySite | None = None,
    request=None,
) -> CompanySite:
    """Create or rename a company site (company administrators)."""
    if not permissions.has_permission(actor, P.MANAGE_COMPANY, company=company):
        raise PermissionDenied
    if site is not None and site.company_id != company.pk:
        raise PermissionDenied
    site = site or CompanySite(company=company)
    site.name, site.address, site.region = name.strip(), address, region
    site.save()
    audit_record(
        action=AuditAction.SITE_SAVED,
        actor=actor,
        company=company,
        target=site,
        request=request,
    )
    return site


def _clean_role_permissions(codes: Iterable[str]) -> list[str]:
    unknown = set(codes) - set(P.values)
    if unknown:
        raise ValidationError(
            {"permissions": _("Choose permissions from the list only.")}
        )
    return sorted(set(codes))


@transaction.atomic
def role_save(
    *,
    actor,
    company: Company,
    name: str,
    permission_codes: Iterable[str],
    role: CompanyRole | None = None,
    request=None,
) -> CompanyRole:
    """Create or change a custom role; members holding it are affected at once."""
    if not permissions.has_permission(actor, P.MANAGE_COMPANY, company=company):
        raise PermissionDenied
    if role is not None and role.company_id != company.pk:
        raise PermissionDenied
    codes = _clean_role_permissions(permission_codes)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the role a name.")})
    clash = CompanyRole.objects.filter(company=company, name__iexact=name)
    if role is not None:
        clash = clash.exclude(pk=role.pk)
    if clash.exists():
        raise ValidationError(
            {"name": _("Your company already has a role with this name.")}
        )
    before = set(role.permissions) if role is not None else set()
    role = role or CompanyRole(company=company)
    role.name, role.permissions = name, codes
    role.save()
    if before - set(codes):
        # Fewer rights take effect at once: holders' other sessions end.
        for membership in role.memberships.select_related("user"):
            user_sessions_end(
                user=membership.user,
                keep_session_key=(
                    _current_session_key(request)
                    if membership.user_id == actor.pk
                    else None
                ),
            )
    audit_record(
        action=AuditAction.ROLE_SAVED,
        actor=actor,
        company=company,
        target=role,
        request=request,
        data={"permissions": codes},
    )
    return role


@transaction.atomic
def role_delete(*, actor, role: CompanyRole, request=None) -> None:
    """Delete a custom role that no member holds any more."""
    if not permissions.has_permission(actor, P.MANAGE_COMPANY, company=role.company):
        raise PermissionDenied
    if role.memberships.exists():
        raise ValidationError(
            _("Members still hold this role. Give them another tier or role first.")
        )
    audit_record(
        action=AuditAction.ROLE_DELETED,
        actor=actor,
        company=role.company,
        target=role,
        request=request,
    )
    role.delete()


# --- Member rules ------------------------------------------------------------


def _active_admin_count(company_id: int) -> int:
    return Membership.objects.filter(
        company_id=company_id, tier=MemberTier.ADMIN, is_active=True
    ).count()


def _check_grant(
    *, actor, company: Company, tier: str, role: CompanyRole | None, sites, scoped
) -> None:
    """Raise unless `actor` may hand out this tier, role and scope."""
    if role is not None and role.company_id != company.pk:
        raise PermissionDenied
    if tier == MemberTier.ADMIN and (role is not None or scoped):
        raise ValidationError(
            _(
                "Company administrators hold every permission across all sites; "
                "remove the custom role and the site limit, or choose another tier."
            )
        )
    role_permissions = (
        frozenset(P(code) for code in role.permissions) if role is not None else None
    )
    if not permissions.can_grant(actor, tier=tier, role_permissions=role_permissions):
        raise ValidationError(
            _(
                "You cannot give rights you do not hold yourself. Ask a company "
                "administrator to make this change."
            )
        )
    if any(site.company_id != company.pk for site in sites):
        raise PermissionDenied
    own_sites = permissions.scoped_site_ids(actor)
    if own_sites is not None and (
        not scoped or not {site.pk for site in sites} <= own_sites
    ):
        raise ValidationError(
            _("You can only give access to the sites you have access to yourself.")
        )
    if scoped and not sites:
        raise ValidationError(
            {"sites": _("Choose at least one site, or remove the site limit.")}
        )


def _set_scope(*, membership: Membership, scoped: bool, sites) -> tuple[set, set]:
    """Replace the member's site grants; returns (added, removed) site ids."""
    user = membership.user
    current = set(
        CompanySiteUserObjectPermission.objects.filter(
            user=user,
            permission__codename=permissions.SITE_ACCESS_CODENAME,
            content_object__company_id=membership.company_id,
        ).values_list("content_object_id", flat=True)
    )
    wanted = {site.pk for site in sites} if scoped else set()
    by_id = {site.pk: site for site in sites}
    for site_id in wanted - current:
        assign_perm(permissions.SITE_ACCESS_PERMISSION, user, by_id[site_id])
    for site in CompanySite.objects.filter(pk__in=current - wanted):
        remove_perm(permissions.SITE_ACCESS_PERMISSION, user, site)
    membership.is_scoped = scoped
    return wanted - current, current - wanted


def _is_reduction(
    *, before: frozenset, after: frozenset, scope_before, scope_after
) -> bool:
    if not before <= after:
        return True
    if scope_after is None:
        return False
    return scope_before is None or not scope_before <= scope_after


@transaction.atomic
def member_update(
    *,
    actor,
    membership: Membership,
    tier: str,
    role: CompanyRole | None = None,
    scoped: bool = False,
    sites: Iterable[CompanySite] = (),
    request=None,
) -> Membership:
    """Change a member's tier, custom role and site scope.

    Rules: only within the actor's own rights (nobody raises themselves), managers
    leave administrators alone, the company keeps an active administrator, and a
    member who loses rights has their other sessions ended.
    """
    sites = list(sites)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    company = membership.company
    if not permissions.can_manage_member(actor, membership=membership):
        raise PermissionDenied
    _check_grant(
        actor=actor, company=company, tier=tier, role=role, sites=sites, scoped=scoped
    )
    before = permissions.membership_permissions(membership)
    scope_before = _scope_of(membership)
    if (
        membership.tier == MemberTier.ADMIN
        and tier != MemberTier.ADMIN
        and membership.is_active
        and _active_admin_count(company.pk) <= 1
    ):
        raise ValidationError(
            _(
                "A company needs at least one administrator. Make another member "
                "administrator first."
            )
        )
    old = {"tier": membership.tier, "role": membership.role_id}
    membership.tier, membership.role = tier, role
    after = permissions.membership_permissions(membership)
    if membership.user_id == actor.pk and not after <= before:
        raise ValidationError(_("You cannot raise your own rights."))
    added, removed = _set_scope(membership=membership, scoped=scoped, sites=sites)
    membership.save()
    scope_after = _scope_of(membership)
    if old != {"tier": membership.tier, "role": membership.role_id}:
        audit_record(
            action=AuditAction.MEMBER_TIER_CHANGED,
            actor=actor,
            company=company,
            target=membership.user.email,
            request=request,
            data={"from": old, "to": {"tier": tier, "role": membership.role_id}},
        )
    if added or removed or scope_before != scope_after:
        audit_record(
            action=AuditAction.MEMBER_SCOPE_CHANGED,
            actor=actor,
            company=company,
            target=membership.user.email,
            request=request,
            data={
                "scoped": scoped,
                "added": sorted(added),
                "removed": sorted(removed),
            },
        )
    if _is_reduction(
        before=before, after=after, scope_before=scope_before, scope_after=scope_after
    ):
        user_sessions_end(
            user=membership.user,
            keep_session_key=(
                _current_session_key(request)
                if membership.user_id == actor.pk
                else None
            ),
        )
    permissions.forget_cached_permissions(membership.user)
    if membership.user_id == actor.pk:
        permissions.forget_cached_permissions(actor)
    return membership


def _scope_of(membership: Membership) -> frozenset[int] | None:
    if not membership.is_scoped:
        return None
    return frozenset(
        CompanySiteUserObjectPermission.objects.filter(
            user_id=membership.user_id,
            permission__codename=permissions.SITE_ACCESS_CODENAME,
            content_object__company_id=membership.company_id,
        ).values_list("content_object_id", flat=True)
    )


@transaction.atomic
def member_deactivate(*, actor, membership: Membership, request=None) -> Membership:
    """Switch a member off: they lose access on their next request, sessions end."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not permissions.can_manage_member(actor, membership=membership):
        raise PermissionDenied
    if not membership.is_active:
        return membership
    if (
        membership.tier == MemberTier.ADMIN
        and _active_admin_count(membership.company_id) <= 1
    ):
        raise ValidationError(
            _(
                "A company needs at least one administrator. Make another member "
                "administrator before deactivating this one."
            )
        )
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    if membership.company.group_id:
        membership.user.groups.remove(membership.company.group)
    user_sessions_end(
        user=membership.user,
        keep_session_key=(
            _current_session_key(request) if membership.user_id == actor.pk else None
        ),
    )
    audit_record(
        action=AuditAction.MEMBER_DEACTIVATED,
        actor=actor,
        company=membership.company,
        target=membership.user.email,
        request=request,
    )
    permissions.forget_cached_permissions(membership.user)
    return membership


@transaction.atomic
def member_reactivate(*, actor, membership: Membership, request=None) -> Membership:
    """Switch a deactivated member back on, with the tier they had."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not permissions.can_manage_member(actor, membership=membership):
        raise PermissionDenied
    if membership.is_active:
        return membership
    membership.is_active = True
    membership.save(update_fields=["is_active"])
    if membership.company.group_id:
        membership.user.groups.add(membership.company.group)
    audit_record(
        action=AuditAction.MEMBER_REACTIVATED,
        actor=actor,
        company=membership.company,
        target=membership.user.email,
        request=request,
    )
    permissions.forget_cached_permissions(membership.user)
    return membership


# --- Invitations -------------------------------------------------------------


def invitation_token(invitation: Invitation) -> str:
    """The signed token of the invitation's current link."""
    return signing.dumps(
        {"id": invitation.pk, "n": invitation.nonce, "e": invitation.email.lower()},
        salt=INVITATION_SALT,
        compress=True,
    )


def invitation_url(invitation: Invitation) -> str:
    path = reverse("companies:invitation_accept", args=[invitation_token(invitation)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


class InvitationError(ValidationError):
    """An invitation link that cannot be used, with the reason for the person."""


def invitation_from_token(token: str) -> Invitation:
    """The pending invitation a token points to, or InvitationError saying why not."""
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise InvitationError(
            _(
                "This invitation has expired. Ask your company administrator to "
                "send it again."
            ),
            code="expired",
        ) from exc
    except signing.BadSignature as exc:
        raise InvitationError(
            _("This invitation link is not valid. Check that you copied all of it."),
            code="invalid",
        ) from exc
    invitation = (
        Invitation.objects.select_related("company", "role")
        .filter(pk=payload.get("id"))
        .first()
    )
    if (
        invitation is None
        or invitation.nonce != payload.get("n")
        or invitation.email.lower() != payload.get("e")
    ):
        raise InvitationError(
            _(
                "This invitation link has been replaced by a newer one. Use the "
                "latest e-mail you received."
            ),
            code="replaced",
        )
    if invitation.status == InvitationStatus.ACCEPTED:
        raise InvitationError(
            _("This invitation has already been used. Sign in instead."),
            code="used",
        )
    if invitation.status == InvitationStatus.REVOKED:
        raise InvitationError(
            _("This invitation was withdrawn. Ask your company administrator."),
            code="revoked",
        )
    if invitation.company.status == CompanyStatus.REJECTED:
        raise InvitationError(
            _("This company's registration was rejected."), code="rejected"
        )
    return invitation


def _send_invitation(invitation: Invitation) -> None:
    context = {"invitation": invitation, "url": invitation_url(invitation)}
    send_mail(
        subject=render_to_string(
            "companies/email/invitation_subject.txt", context
        ).strip(),
        message=render_to_string("companies/email/invitation_message.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at"])


@transaction.atomic
def invitation_create(
    *,
    actor,
    email: str,
    tier: str,
    role: CompanyRole | None = None,
    scoped: bool = False,
    sites: Iterable[CompanySite] = (),
    request=None,
) -> Invitation:
    """Invite a colleague by e-mail to the actor's company with a tier and scope."""
    membership = permissions.membership_for(actor)
    if membership is None or not permissions.has_permission(actor, P.MANAGE_MEMBERS):
        raise PermissionDenied
    company = membership.company
    sites = list(sites)
    email = email.strip()
    _check_grant(
        actor=actor, company=company, tier=tier, role=role, sites=sites, scoped=scoped
    )
    if Membership.objects.filter(user__email__iexact=email).exists():
        raise ValidationError(
            {
                "email": _(
                    "This person already belongs to a company. They need to leave "
                    "it before they can be invited."
                )
            }
        )
    if Invitation.objects.filter(
        company=company, email__iexact=email, status=InvitationStatus.PENDING
    ).exists():
        raise ValidationError(
            {"email": _("This address already has an open invitation; resend it.")}
        )
    invitation = Invitation.objects.create(
        company=company,
        email=email,
        tier=tier,
        role=role,
        invited_by=actor,
    )
    if scoped:
        invitation.sites.set(sites)
    transaction.on_commit(lambda: _send_invitation(invitation))
    audit_record(
        action=AuditAction.INVITATION_SENT,
        actor=actor,
        company=company,
        target=email,
        request=request,
        data={"tier": tier, "role": role.pk if role else None, "scoped": scoped},
    )
    return invitation


def _invitation_for_manager(actor, invitation: Invitation) -> Invitation:
    if not permissions.has_permission(
        actor, P.MANAGE_MEMBERS, company=invitation.company
    ):
        raise PermissionDenied
    if invitation.status != InvitationStatus.PENDING:
        raise ValidationError(_("Only open invitations can be changed."))
    return invitation


@transaction.atomic
def invitation_resend(*, actor, invitation: Invitation, request=None) -> Invitation:
    """Send a fresh link; the earlier links stop working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _invitation_for_manager(actor, invitation)
    invitation.nonce += 1
    invitation.save(update_fields=["nonce"])
    transaction.on_commit(lambda: _send_invitation(invitation))
    audit_record(
        action=AuditAction.INVITATION_RESENT,
        actor=actor,
        company=invitation.company,
        target=invitation.email,
        request=request,
    )
    return invitation


@transaction.atomic
def invitation_revoke(*, actor, invitation: Invitation, request=None) -> Invitation:
    """Withdraw an open invitation; its links stop working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _invitation_for_manager(actor, invitation)
    invitation.status = InvitationStatus.REVOKED
    invitation.save(update_fields=["status"])
    audit_record(
        action=AuditAction.INVITATION_REVOKED,
        actor=actor,
        company=invitation.company,
        target=invitation.email,
        request=request,
    )
    return invitation


def invitation_accept(*, user, token: str, request=None) -> Membership:
    """Join the company of the invitation; only its addressee, only once.

    Refusals raise InvitationError and are audited (outside the rolled-back work).
    """
    try:
        return _invitation_accept(user=user, token=token, request=request)
    except InvitationError as error:
        audit_record(
            action=AuditAction.INVITATION_REFUSED,
            actor=user,
            request=request,
            data={"reason": error.code},
        )
        raise


@transaction.atomic
def _invitation_accept(*, user, token: str, request=None) -> Membership:
    invitation = invitation_from_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise InvitationError(
            _("This invitation has already been used. Sign in instead."), code="used"
        )
    if user.email.lower() != invitation.email.lower():
        raise InvitationError(
            _(
                "This invitation was sent to another e-mail address. Sign in with "
                "the address it was sent to."
            ),
            code="other_address",
        )
    if Membership.objects.filter(user=user).exists():
        raise InvitationError(
            _("You already belong to a company; one account joins one company."),
            code="member",
        )
    sites = list(invitation.sites.all())
    membership = Membership.objects.create(
        company=invitation.company,
        user=user,
        tier=invitation.tier,
        role=invitation.role,
        invited_by=invitation.invited_by,
    )
    _set_scope(membership=membership, scoped=bool(sites), sites=sites)
    membership.save(update_fields=["is_scoped"])
    if invitation.company.group_id:
        user.groups.add(invitation.company.group)
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["status", "accepted_by", "accepted_at"])
    permissions.forget_cached_permissions(user)
    audit_record(
        action=AuditAction.INVITATION_ACCEPTED,
        actor=user,
        company=invitation.company,
        target=invitation.email,
        request=request,
        data={"tier": invitation.tier},
    )
    return membership
