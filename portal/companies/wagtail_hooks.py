"""Wagtail hooks of company accounts: who may read restricted pages, the staff's
company pages and the staff teams in the admin."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from portal.companies import admin_views
from portal.companies.models import Team
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


@hooks.register("register_admin_urls")
def register_company_admin_urls():
    from django.urls import include, path

    urls = [
        path("", admin_views.company_index, name="index"),
        path("<int:pk>/", admin_views.company_detail, name="detail"),
    ]
    return [path("companies/", include((urls, "companies_admin")))]


@hooks.register("register_admin_menu_item")
def register_company_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    from portal.companies.permissions import can_manage_companies

    class CompanyMenuItem(MenuItem):
        def is_shown(self, request):
            return can_manage_companies(request.user)

    return CompanyMenuItem(
        _("Companies"), reverse("companies_admin:index"), icon_name="group", order=250
    )


register_permission_policy(Team, admin_views.TeamPermissionPolicy(Team))


class TeamViewSet(ModelViewSet):
    """Staff teams for operator admins: lead, account managers, segment, region."""

    model = Team
    icon = "group"
    menu_label = _("Staff teams")
    add_to_admin_menu = True
    menu_order = 251
    list_display = ["name", "lead", "segment", "region"]
    copy_view_enabled = False
    add_view_class = admin_views.TeamCreateView
    edit_view_class = admin_views.TeamEditView
    delete_view_class = admin_views.TeamDeleteView

    def get_form_class(self, for_update=False):
        return admin_views.TeamForm


@hooks.register("register_admin_viewset")
def register_team_viewset():
    return TeamViewSet("teams")
