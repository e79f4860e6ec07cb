"""Wagtail admin: the search query report (top queries and content gaps)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_views


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [
        path(
            "reports/search-queries/",
            admin_views.query_report,
            name="search_query_report",
        )
    ]


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return QueryReportMenuItem(
        _("Search queries"),
        reverse("search_query_report"),
        icon_name="search",
        order=900,
    )
