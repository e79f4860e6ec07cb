"""Audit log entries for sign-ins, passwords and MFA, from Django and allauth signals.

Connected in AccountsConfig.ready(); each receiver only records, the rules live in
the services and allauth.
"""

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals

from portal.companies.audit import AuditAction, audit_record


def _company_of(user):
    from portal.companies.permissions import membership_for

    membership = membership_for(user)
    return membership.company if membership is not None else None


def on_logged_in(sender, request, user, **kwargs):
    audit_record(
        action=AuditAction.SIGNED_IN,
        actor=user,
        company=_company_of(user),
        request=request,
    )


def on_login_failed(sender, credentials, request=None, **kwargs):
    email = str(credentials.get("email") or credentials.get("username") or "")
    audit_record(
        action=AuditAction.SIGN_IN_FAILED, actor_email=email[:254], request=request
    )


def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditAction.SIGNED_OUT, actor=user, request=request)


def _recorder(action):
    def receiver(sender, request=None, user=None, **kwargs):
        if user is None and request is not None:
            user = request.user
        authenticator = kwargs.get("authenticator")
        audit_record(
            action=action,
            actor=user,
            company=_company_of(user) if user is not None else None,
            request=request,
            data={"type": authenticator.type} if authenticator is not None else {},
        )

    return receiver


_RECEIVERS = [
    (auth_signals.user_logged_in, on_logged_in),
    (auth_signals.user_login_failed, on_login_failed),
    (auth_signals.user_logged_out, on_logged_out),
    (account_signals.password_changed, _recorder(AuditAction.PASSWORD_CHANGED)),
    (account_signals.password_reset, _recorder(AuditAction.PASSWORD_RESET)),
    (mfa_signals.authenticator_added, _recorder(AuditAction.MFA_ACTIVATED)),
    (mfa_signals.authenticator_removed, _recorder(AuditAction.MFA_DEACTIVATED)),
    (mfa_signals.authenticator_reset, _recorder(AuditAction.MFA_RECOVERY_CODES)),
    (mfa_signals.authenticator_used, _recorder(AuditAction.MFA_USED)),
    (mfa_signals.authentication_failed, _recorder(AuditAction.MFA_FAILED)),
]


def connect() -> None:
    for signal, receiver in _RECEIVERS:
        signal.connect(
            receiver, dispatch_uid=f"portal_audit_{receiver.__name__}_{id(signal)}"
        )
