"""Reads of appointments, always narrowed by `portal.companies.permissions`.

Customers read their company's appointments with the permission that reads
requests (an appointment belongs to the requests side of the portal) and book or
change them with `book_appointments`; site scopes apply to both.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from portal.appointments import slots as slot_rules
from portal.appointments.models import (
    ACTIVE_STATUSES,
    DURATIONS,
    Appointment,
)
from portal.companies import permissions
from portal.companies.models import Company
from portal.companies.permissions import PortalPermission
from portal.support.models import AccountManagerAbsence
from portal.support.timers import calendar_for

#: How many appointments the sidebars and dashboard show.
RECENT = 5


def _base() -> QuerySet[Appointment]:
    return Appointment.objects.select_related(
        "company", "site", "product", "account_manager", "requester"
    )


def appointment_list_for_customer(*, user) -> QuerySet[Appointment]:
    """The appointments of the user's company they may see (site scope applied)."""
    return permissions.scope_queryset(
        user, _base(), perm=PortalPermission.VIEW_REQUESTS, site_field="site"
    ).order_by("-starts_at")


def appointment_for_customer(*, user, pk: int) -> Appointment | None:
    return appointment_list_for_customer(user=user).filter(pk=pk).first()


def appointment_list_for_manager(*, user) -> QuerySet[Appointment]:
    """The appointments a staff member is the account manager of, soonest first."""
    if not (
        permissions.is_account_manager(user)
        or permissions.is_team_lead(user)
        or permissions.is_operator_admin(user)
    ):
        return Appointment.objects.none()
    return _base().filter(account_manager_id=user.pk).order_by("starts_at")


def upcoming_for_manager(*, user, limit: int = RECENT) -> list[Appointment]:
    """The staff member's next active appointments, soonest first, with their
    company's name: the work queue's box, read in one narrow query."""
    if not permissions.can_work_requests(user):
        return []
    return list(
        Appointment.objects.filter(
            account_manager_id=user.pk,
            status__in=ACTIVE_STATUSES,
            ends_at__gt=timezone.now(),
        )
        .select_related("company")
        .only("starts_at", "ends_at", "time_zone", "kind", "company__legal_name")
        .order_by("starts_at")[:limit]
    )


def appointments_to_work(*, user) -> dict:
    """The manager's work list: upcoming appointments, and past ones to complete."""
    now = timezone.now()
    mine = appointment_list_for_manager(user=user).filter(status__in=ACTIVE_STATUSES)
    return {
        "upcoming": mine.filter(ends_at__gt=now)[:100],
        "to_complete": mine.filter(ends_at__lte=now).order_by("-starts_at")[:100],
    }


def appointment_for_staff(*, user, pk: int) -> Appointment | None:
    """One appointment the staff member may complete or cancel, or None."""
    appointment = _base().filter(pk=pk).first()
    if appointment is None or not permissions.can_handle_appointment(
        user,
        company=appointment.company,
        account_manager_id=appointment.account_manager_id,
    ):
        return None
    return appointment


def recent_for_company(*, user, company: Company) -> list[Appointment]:
    """The company's latest appointments for the customer sidebar of staff pages."""
    return list(
        permissions.scope_queryset(
            user,
            _base().filter(company=company),
            perm=PortalPermission.VIEW_REQUESTS,
        ).order_by("-starts_at")[:RECENT]
    )


def dashboard_context(request) -> dict:
    """The member dashboard's appointments section: the next few of the company."""
    upcoming = appointment_list_for_customer(user=request.user).filter(
        status__in=ACTIVE_STATUSES, ends_at__gt=timezone.now()
    )
    return {
        # The section shows kind and time only: no related rows to join.
        "appointments": list(
            upcoming.select_related(None).order_by("starts_at")[:RECENT]
        ),
        "can_book": permissions.has_permission(
            request.user, PortalPermission.BOOK_APPOINTMENTS
        ),
    }


def proposed_slots(
    *,
    company: Company,
    manager_id: int,
    kind: str,
    now: datetime | None = None,
    ignore: Appointment | None = None,
) -> tuple[list[slot_rules.Slot], str]:
    """Free slots of the manager for an appointment of `kind`, and their time zone.

    Working hours and holidays are those of the company's region calendar (the one
    its SLA clock runs on); the manager's appointments and out-of-office days are
    taken out. `ignore` is the appointment being moved, whose slot is free to it.
    """
    now = now or timezone.now()
    calendar = calendar_for(region_id=company.region_id)
    days = slot_rules.working_days_after(calendar, now)
    first, last = days[0], days[-1]
    busy = Appointment.objects.filter(
        account_manager_id=manager_id,
        status__in=ACTIVE_STATUSES,
        ends_at__gt=now,
    )
    if ignore is not None:
        busy = busy.exclude(pk=ignore.pk)
    away = set()
    for absence in AccountManagerAbsence.objects.filter(
        user_id=manager_id, starts_on__lte=last, ends_on__gte=first
    ):
        away.update(day for day in days if absence.covers(day))
    slots = slot_rules.propose_slots(
        calendar=calendar,
        now=now,
        duration=DURATIONS[kind],
        busy=busy.values_list("starts_at", "ends_at"),
        away=away,
    )
    return slots, calendar.time_zone


def demo_products():
    """Live, public product pages of the active language, for live demos."""
    from wagtail.models import Locale

    from cms.models import ProductPage

    return (
        ProductPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .order_by("title")
    )
