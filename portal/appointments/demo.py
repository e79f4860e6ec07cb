"""Demo appointments: a few for the demo companies of the first account manager.

Idempotent: `manage.py seed_demo` calls `seed_appointments()` on every run; each
appointment has a fixed UID and is created once, in a slot proposed at that time.
Rows are written directly, so seeding sends no e-mail.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from portal.appointments import selectors
from portal.appointments.models import (
    DURATIONS,
    Appointment,
    AppointmentKind,
    AppointmentStatus,
)
from portal.companies.models import Company, CompanySite

K, S = AppointmentKind, AppointmentStatus

# (uid, company name starts with, kind, status, site name or None, notes)
DEMO = [
    (
        "demo-jade-survey",
        "Jade Bank",
        K.SITE_SURVEY,
        S.BOOKED,
        "Hangzhou West Lake branch",
        "Check the cabling and power for the new teller counters.",
    ),
    (
        "demo-harbour-workshop",
        "Harbour Tea",
        K.SOLUTION_WORKSHOP,
        S.BOOKED,
        None,
        "Guest Wi-Fi and card payments for the garden seating.",
    ),
    (
        "demo-harbour-demo",
        "Harbour Tea",
        K.LIVE_DEMO,
        S.COMPLETED,
        None,
        "Show the nightly backup of the tills.",
    ),
]


def _past_start(zone: str, days_ago: int) -> datetime:
    day = timezone.now().astimezone(ZoneInfo(zone)).date() - timedelta(days=days_ago)
    return datetime.combine(day, time(10, 0), tzinfo=ZoneInfo(zone))


def seed_appointments() -> None:
    """Create the demo appointments that do not exist yet."""
    from cms.models import ProductPage

    product = (
        ProductPage.objects.live()
        .filter(locale__language_code="en")
        .order_by("title")
        .first()
    )
    for key, company_name, kind, status, site_name, notes in DEMO:
        uid = f"{key}@appointments.portal"
        if Appointment.objects.filter(uid=uid).exists():
            continue
        company = (
            Company.objects.filter(legal_name__startswith=company_name)
            .select_related("account_manager")
            .first()
        )
        admin = company and company.memberships.filter(tier="admin").first()
        if company is None or company.account_manager_id is None or admin is None:
            continue
        site = (
            CompanySite.objects.filter(company=company, name=site_name).first()
            if site_name
            else None
        )
        slots, zone = selectors.proposed_slots(
            company=company, manager_id=company.account_manager_id, kind=kind
        )
        if status == S.COMPLETED:
            starts_at = _past_start(zone, days_ago=7)
        elif slots:
            starts_at = slots[min(2, len(slots) - 1)].starts_at
        else:
            continue
        Appointment.objects.create(
            uid=uid,
            company=company,
            requester=admin.user,
            account_manager_id=company.account_manager_id,
            kind=kind,
            product=product if kind == K.LIVE_DEMO else None,
            site=site,
            starts_at=starts_at,
            ends_at=starts_at + DURATIONS[kind],
            time_zone=zone,
            status=status,
            location=site.name if site else "",
            notes=notes,
        )
