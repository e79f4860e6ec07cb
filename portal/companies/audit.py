"""The audit log's one writer: `audit_record`, called by every app that audits.

Entries are append-only (the model refuses updates and deletes). Actions are
"<area>.<verb>" strings; company accounts use `AuditAction`, other apps may pass
their own (for instance "trial.started", "request.raised") and name them for the
audit pages with `register_action_labels`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.companies.models import AuditEvent, Company


class AuditAction(models.TextChoices):
    SIGNED_IN = "auth.signed_in", _("Signed in")
    SIGN_IN_FAILED = "auth.sign_in_failed", _("Sign-in failed")
    SIGNED_OUT = "auth.signed_out", _("Signed out")
    PASSWORD_CHANGED = "auth.password_changed", _("Password changed")
    PASSWORD_RESET = "auth.password_reset", _("Password reset")
    MFA_ACTIVATED = "mfa.activated", _("Two-factor authentication turned on")
    MFA_DEACTIVATED = "mfa.deactivated", _("Two-factor authentication turned off")
    MFA_RECOVERY_CODES = "mfa.recovery_codes", _("Recovery codes regenerated")
    MFA_USED = "mfa.authenticated", _("Signed in with a second factor")
    MFA_FAILED = "mfa.failed", _("Wrong second-factor code")
    COMPANY_REGISTERED = "company.registered", _("Company registered")
    COMPANY_UPDATED = "company.updated", _("Company details changed")
    COMPANY_VERIFIED = "company.verified", _("Company verified")
    COMPANY_REJECTED = "company.rejected", _("Company rejected")
    COMPANY_RESUBMITTED = "company.resubmitted", _("Company corrected and resubmitted")
    COMPANY_RECLASSIFIED = "company.reclassified", _("Company segment changed")
    COMPANY_ASSIGNED = "company.assigned", _("Account manager assigned")
    TEAM_SAVED = "team.saved", _("Staff team saved")
    TEAM_DELETED = "team.deleted", _("Staff team deleted")
    INVITATION_SENT = "invitation.sent", _("Invitation sent")
    INVITATION_RESENT = "invitation.resent", _("Invitation resent")
    INVITATION_REVOKED = "invitation.revoked", _("Invitation revoked")
    INVITATION_ACCEPTED = "invitation.accepted", _("Invitation accepted")
    INVITATION_REFUSED = "invitation.refused", _("Invitation link refused")
    MEMBER_TIER_CHANGED = "member.tier_changed", _("Member tier or role changed")
    MEMBER_SCOPE_CHANGED = "member.scope_changed", _("Member sites changed")
    MEMBER_DEACTIVATED = "member.deactivated", _("Member deactivated")
    MEMBER_REACTIVATED = "member.reactivated", _("Member reactivated")
    ROLE_SAVED = "role.saved", _("Custom role saved")
    ROLE_DELETED = "role.deleted", _("Custom role deleted")
    SITE_SAVED = "site.saved", _("Site saved")
    ACCESS_DENIED = "access.denied", _("Access denied")


# Other apps' action labels, registered from their AppConfig.ready().
_OTHER_LABELS: dict[str, str] = {}


def register_action_labels(labels: dict[str, str]) -> None:
    """Name another app's actions for the audit pages, e.g.
    {"trial.requested": _("Trial requested")} (lazy translations)."""
    _OTHER_LABELS.update(labels)


def action_label(code: str) -> str:
    """The action in words for the audit pages; an unknown code is shown as it is."""
    if code in AuditAction.values:
        return AuditAction(code).label
    return _OTHER_LABELS.get(code, code)


def _client_ip(request) -> str | None:
    # Behind the proxy the client is the first X-Forwarded-For hop.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    ip = (
        forwarded.split(",")[0].strip()
        if forwarded
        else request.META.get("REMOTE_ADDR")
    )
    return ip or None


def audit_record(
    *,
    action: str,
    actor=None,
    actor_email: str = "",
    company: Company | None = None,
    target: object = "",
    request=None,
    data: dict | None = None,
) -> AuditEvent:
    """Append one entry: who (`actor` or `actor_email`), what, which company, from where.

    `request` supplies the IP address and user agent (and the actor when omitted).
    """
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        action=str(action),
        actor=actor,
        actor_email=(actor.email if actor is not None else actor_email)[:254],
        company=company,
        target=str(target)[:255],
        ip_address=_client_ip(request) if request is not None else None,
        user_agent=(
            request.META.get("HTTP_USER_AGENT", "")[:255] if request is not None else ""
        ),
        data=data or {},
    )
