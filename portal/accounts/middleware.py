"""Staff must use two-factor authentication before they use the admin; the "your
sessions" list learns of each session's activity without a write per request."""

from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from portal.companies.permissions import is_staff_member

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class StaffMFARequiredMiddleware:
    """Redirect staff without an authenticator from the admin to the MFA setup."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(ADMIN_PREFIXES)
            and user is not None
            and user.is_authenticated
            and (user.is_staff or is_staff_member(user))
            and not _has_mfa(user)
        ):
            messages.warning(
                request,
                _(
                    "Staff accounts must use two-factor authentication. Set up an "
                    "authenticator app to continue to the admin."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def _has_mfa(user) -> bool:
    from allauth.mfa.utils import is_mfa_enabled

    return is_mfa_enabled(user)


#: How often a session's "last seen", IP address and browser are written.
SESSION_ACTIVITY_SECONDS = 60


class UserSessionActivityMiddleware:
    """allauth's session activity tracking, written at most once a minute a session.

    allauth's own middleware writes the session's row on every signed-in request: a
    write transaction per page view, which queues every signed-in page behind the
    others on SQLite and costs a transaction on PostgreSQL.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if (
            session is not None
            and session.session_key
            and user is not None
            and user.is_authenticated
            and cache.add(
                f"usersession-seen:{session.session_key}", 1, SESSION_ACTIVITY_SECONDS
            )
        ):
            from allauth.usersessions.models import UserSession

            UserSession.objects.create_from_request(request)
        return self.get_response(request)
