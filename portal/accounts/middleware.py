"""Staff must use two-factor authentication before they use the admin."""

from django.contrib import messages
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
