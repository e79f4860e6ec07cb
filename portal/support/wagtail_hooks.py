"""Wagtail admin of service requests: request types, SLA set-up, availability, report."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.companies.permissions import is_operator_admin, is_team_lead
from portal.support.models import (
    AccountManagerAbsence,
    AccountManagerAvailability,
    BusinessCalendar,
    RequestType,
    SlaPolicy,
)
from portal.support.reports import report_build


class RequestTypeViewSet(SnippetViewSet):
    model = RequestType
    icon = "form"
    list_display = [
        "name",
        "name_zh_hans",
        "handling",
        "base_priority",
        "sla_policy",
        "is_active",
    ]
    list_filter = ["handling", "is_active"]


class SlaPolicyViewSet(SnippetViewSet):
    model = SlaPolicy
    icon = "time"
    list_display = [
        "name",
        "first_response_minutes",
        "resolution_minutes",
        "turnover_minutes",
    ]


class BusinessCalendarViewSet(SnippetViewSet):
    model = BusinessCalendar
    icon = "date"
    list_display = ["name", "region", "time_zone", "day_start", "day_end"]


class AvailabilityViewSet(SnippetViewSet):
    model = AccountManagerAvailability
    icon = "user"
    list_display = ["user", "max_open_requests"]


class AbsenceViewSet(SnippetViewSet):
    model = AccountManagerAbsence
    icon = "calendar"
    list_display = ["user", "starts_on", "ends_on", "note"]


class SupportViewSetGroup(SnippetViewSetGroup):
    items = (
        RequestTypeViewSet,
        SlaPolicyViewSet,
        BusinessCalendarViewSet,
        AvailabilityViewSet,
        AbsenceViewSet,
    )
    menu_icon = "help"
    menu_label = _("Service requests")
    menu_name = "service-requests"


register_snippet(SupportViewSetGroup)


def report_view(request):
    """The operator report: self-service ratio, SLA compliance, median times, CSAT."""
    if not (is_operator_admin(request.user) or is_team_lead(request.user)):
        raise PermissionDenied
    return render(request, "support/admin/report.html", {"report": report_build()})


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("support/report/", report_view, name="support_report")]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    class ReportItem(MenuItem):
        def is_shown(self, request):
            return is_operator_admin(request.user) or is_team_lead(request.user)

    return ReportItem(
        _("Service requests"), reverse("support_report"), icon_name="help", order=700
    )
