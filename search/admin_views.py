"""The search query report in the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from search import selectors

PERIODS = (7, 30, 90, 365)


def may_view_report(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.has_perm("search.view_searchquerystat")
    )


def query_report(request):
    """Most frequent queries and queries without results, over a chosen period."""
    if not may_view_report(request.user):
        raise PermissionDenied
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    report = selectors.query_report(days=days)
    return render(
        request,
        "search/admin/query_report.html",
        {
            "report": report,
            "periods": PERIODS,
            "page_title": _("Search queries"),
        },
    )
