"""Account views of the portal beyond allauth's own."""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def admin_login_redirect(request, *, default_next: str = "/admin/"):
    """Send the Wagtail and Django admin logins to allauth's rate-limited login."""
    next_url = request.GET.get("next") or default_next
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = default_next
    return HttpResponseRedirect(
        f"{reverse('account_login')}?{urlencode({'next': next_url})}"
    )
