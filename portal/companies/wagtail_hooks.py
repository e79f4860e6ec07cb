"""Wagtail hooks of company accounts: who may read restricted pages."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from wagtail import hooks

from portal.companies.permissions import page_access


# Runs before Wagtail's own view-restriction hook so that a signed-in outsider gets
# a 404 (the page's existence is not revealed) rather than a sign-in form.
@hooks.register("before_serve_page", order=-10)
def enforce_page_audience(page, request, serve_args, serve_kwargs):
    from django.conf import settings

    access = page_access(request.user, page, request=request)
    if access == "login":
        return redirect_to_login(
            request.get_full_path(), settings.WAGTAIL_FRONTEND_LOGIN_URL
        )
    if access == "denied":
        raise Http404
    # "password" is left to Wagtail, which shows its password form.
    return None
