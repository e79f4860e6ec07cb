"""Booking, moving, cancelling and completing appointments, and what they send."""

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from portal.appointments import selectors, services
from portal.appointments.models import Appointment, AppointmentStatus
from portal.appointments.notifications import appointment_email_send
from portal.companies.models import AuditEvent, MemberTier, StaffGroup
from portal.support.models import AccountManagerAbsence, Notification
from tests.portal.appointments.conftest import first_slot
from tests.portal.companies.factories import SiteFactory, member, staff
from tests.portal.trials.pages import make_product

pytestmark = pytest.mark.django_db


def invitations(to: str) -> list:
    """The parsed .ics attachments e-mailed to `to`, oldest first."""
    found = []
    for message in mail.outbox:
        if to not in message.to:
            continue
        for name, content, mimetype in message.attachments:
            assert name.endswith(".ics")
            assert mimetype.startswith("text/calendar; method=")
            found.append(icalendar.Calendar.from_ical(content))
    return found


def vevent(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


# --- Booking -----------------------------------------------------------------


def test_booking_takes_a_proposed_slot_and_sends_the_invitation(
    book, customer, manager, site, django_capture_on_commit_callbacks
):
    slot = first_slot(customer.membership.company)
    with django_capture_on_commit_callbacks(execute=True):
        appointment = book(customer, notes="Guest Wi-Fi; card payments, please.")
    assert appointment.status == AppointmentStatus.BOOKED
    assert (appointment.starts_at, appointment.ends_at) == (
        slot.starts_at,
        slot.ends_at,
    )
    assert appointment.account_manager == manager
    assert appointment.location == "Bund shop, 1 Bund Road"
    assert appointment.time_zone == "Asia/Shanghai"
    assert AuditEvent.objects.filter(
        action="appointment.booked", company=appointment.company
    ).exists()
    # The manager is told in the portal; the customer acted, so only e-mail.
    assert Notification.objects.filter(user=manager, kind="appointment_booked").exists()
    assert not Notification.objects.filter(user=customer).exists()
    for person in (customer, manager):
        (calendar,) = invitations(person.email)
        event = vevent(calendar)
        assert calendar["METHOD"] == "REQUEST"
        assert str(event["UID"]) == appointment.uid
        assert int(event["SEQUENCE"]) == 0
        assert event.decoded("DTSTART") == slot.starts_at
        assert event["DTSTART"].to_ical().endswith(b"Z")  # written in UTC
        assert str(event["LOCATION"]) == "Bund shop, 1 Bund Road"
        assert "card payments" in str(event["DESCRIPTION"])
    body = next(m.body for m in mail.outbox if customer.email in m.to)
    assert "Solution workshop" in body and "解决方案研讨会" in body


def test_reschedule_keeps_the_uid_and_raises_the_sequence(
    book, customer, manager, django_capture_on_commit_callbacks
):
    appointment = book(customer)
    later = first_slot(customer.membership.company, index=3)
    with django_capture_on_commit_callbacks(execute=True):
        moved = services.appointment_reschedule(
            appointment_id=appointment.pk, user=customer, slot_key=later.key
        )
    assert moved.status == AppointmentStatus.RESCHEDULED
    assert moved.starts_at == later.starts_at and moved.sequence == 1
    (calendar,) = invitations(manager.email)
    event = vevent(calendar)
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]) == appointment.uid
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == later.starts_at
    assert Notification.objects.filter(
        user=manager, kind="appointment_rescheduled"
    ).exists()
    assert AuditEvent.objects.filter(action="appointment.rescheduled").exists()


def test_cancel_sends_method_cancel_and_frees_the_slot(
    book, customer, other_customer, manager, django_capture_on_commit_callbacks
):
    appointment = book(customer)
    with django_capture_on_commit_callbacks(execute=True):
        services.appointment_cancel(
            appointment_id=appointment.pk, user=customer, reason="Shop closed."
        )
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert appointment.cancel_reason == "Shop closed."
    (calendar,) = invitations(manager.email)
    event = vevent(calendar)
    assert calendar["METHOD"] == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == appointment.uid
    assert int(event["SEQUENCE"]) == 1
    assert AuditEvent.objects.filter(action="appointment.cancelled").exists()
    # The slot is free again: another customer of the manager can take it.
    again = services.appointment_book(
        user=other_customer,
        kind="solution_workshop",
        slot_key=first_slot(other_customer.membership.company).key,
    )
    assert again.starts_at == appointment.starts_at


def test_a_superseded_change_is_not_e_mailed(book, customer):
    appointment = book(customer)
    services.appointment_reschedule(
        appointment_id=appointment.pk,
        user=customer,
        slot_key=first_slot(customer.membership.company, index=2).key,
    )
    assert (
        appointment_email_send(
            appointment_id=appointment.pk, event="booked", sequence=0
        )
        == 0
    )
    assert (
        appointment_email_send(
            appointment_id=appointment.pk, event="rescheduled", sequence=1
        )
        == 2
    )


def test_what_each_kind_needs(customer, company, site):
    slot = first_slot(company, "site_survey").key
    with pytest.raises(ValidationError) as error:
        services.appointment_book(user=customer, kind="site_survey", slot_key=slot)
    assert "site" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.appointment_book(
            user=customer,
            kind="live_demo",
            slot_key=first_slot(company, "live_demo").key,
        )
    assert "product" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.appointment_book(user=customer, kind="party", slot_key=slot)
    product = make_product(code="APPT-DEMO", title="Appointment Demo Product")
    demo = services.appointment_book(
        user=customer,
        kind="live_demo",
        slot_key=first_slot(company, "live_demo").key,
        product=product,
    )
    assert demo.product == product
    assert demo.ends_at - demo.starts_at == timedelta(hours=1)


def test_only_proposed_slots_can_be_booked(customer):
    company = customer.membership.company
    slot = first_slot(company)
    for key in (
        "",
        "not-a-time",
        # Saturday 7 March, 10:00 in Shanghai: outside the working week.
        "20260307T020000Z",
        # Tomorrow at 08:30 UTC = 16:30 local: not on the hour grid.
        "20260303T083000Z",
        # Today: slots start the next working day.
        "20260302T060000Z",
    ):
        with pytest.raises(ValidationError) as error:
            services.appointment_book(
                user=customer, kind="solution_workshop", slot_key=key
            )
        assert "slot" in error.value.message_dict, key
    assert services.appointment_book(
        user=customer, kind="solution_workshop", slot_key=slot.key
    )


# --- Double booking ----------------------------------------------------------


def test_a_slot_cannot_be_booked_twice(book, customer, other_customer):
    taken = book(customer)
    # The other customer still has the page with the slot open and submits it.
    with pytest.raises(ValidationError) as error:
        services.appointment_book(
            user=other_customer,
            kind="solution_workshop",
            slot_key=taken.starts_at.strftime("%Y%m%dT%H%M%SZ"),
        )
    assert "no longer free" in str(error.value)
    slots, _zone = selectors.proposed_slots(
        company=other_customer.membership.company,
        manager_id=taken.account_manager_id,
        kind="live_demo",
    )
    assert taken.starts_at not in {slot.starts_at for slot in slots}
    assert (
        Appointment.objects.filter(account_manager=taken.account_manager).count() == 1
    )


def test_the_database_refuses_two_active_appointments_at_one_start(
    book, customer, other_customer
):
    taken = book(customer)
    copy = Appointment(
        company=other_customer.membership.company,
        requester=other_customer,
        account_manager=taken.account_manager,
        kind="live_demo",
        starts_at=taken.starts_at,
        ends_at=taken.starts_at + timedelta(hours=1),
        time_zone="Asia/Shanghai",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()
    copy.status = AppointmentStatus.CANCELLED
    copy.save()  # a cancelled appointment holds no slot


def test_the_slot_check_runs_after_the_managers_row_is_locked(
    book, customer, other_customer, monkeypatch
):
    """A booking that slipped in between reading the slots and inserting loses to
    the unique constraint and is told so, instead of failing with a 500."""
    taken = book(customer)
    real = selectors.proposed_slots

    def stale(**kwargs):
        kwargs.pop("ignore", None)
        slots, zone = real(**kwargs)
        # Pretend the page was read before `taken` was booked.
        from portal.appointments.slots import Slot

        return [Slot(taken.starts_at, taken.ends_at), *slots], zone

    monkeypatch.setattr(selectors, "proposed_slots", stale)
    with pytest.raises(ValidationError) as error:
        services.appointment_book(
            user=other_customer,
            kind="solution_workshop",
            slot_key=taken.starts_at.strftime("%Y%m%dT%H%M%SZ"),
        )
    assert "just booked" in str(error.value)


# --- Diary: out of office and holidays ----------------------------------------


def test_out_of_office_days_have_no_slots(company, manager):
    AccountManagerAbsence.objects.create(
        user=manager, starts_on=date(2026, 3, 3), ends_on=date(2026, 3, 4)
    )
    slots, zone = selectors.proposed_slots(
        company=company, manager_id=manager.pk, kind="live_demo"
    )
    days = {slot.starts_at.astimezone(zone_info(zone)).date() for slot in slots}
    assert date(2026, 3, 3) not in days and date(2026, 3, 4) not in days
    assert date(2026, 3, 5) in days


def zone_info(name):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def test_public_holidays_of_the_regions_calendar_have_no_slots(company, manager):
    # The demo calendar: National Day 1-7 October 2026, Saturday 10 October worked.
    with time_machine.travel(datetime(2026, 9, 30, 2, tzinfo=UTC), tick=False):
        slots, zone = selectors.proposed_slots(
            company=company, manager_id=manager.pk, kind="live_demo"
        )
    days = sorted({slot.starts_at.astimezone(zone_info(zone)).date() for slot in slots})
    assert not [d for d in days if date(2026, 10, 1) <= d <= date(2026, 10, 7)]
    assert date(2026, 10, 10) in days
    assert days[0] == date(2026, 10, 8)


# --- Permissions ---------------------------------------------------------------


def test_viewers_cannot_book_or_change_appointments(book, customer, viewer):
    with pytest.raises(PermissionDenied):
        book(viewer)
    appointment = book(customer)
    assert selectors.appointment_for_customer(user=viewer, pk=appointment.pk)
    with pytest.raises(PermissionDenied):
        services.appointment_cancel(
            appointment_id=appointment.pk, user=viewer, reason="No."
        )
    with pytest.raises(PermissionDenied):
        services.appointment_reschedule(
            appointment_id=appointment.pk,
            user=viewer,
            slot_key=first_slot(appointment.company, index=4).key,
        )


def test_other_companies_cannot_touch_an_appointment(book, customer, other_customer):
    appointment = book(customer)
    assert (
        selectors.appointment_for_customer(user=other_customer, pk=appointment.pk)
        is None
    )
    with pytest.raises(PermissionDenied):
        services.appointment_cancel(
            appointment_id=appointment.pk, user=other_customer, reason="Mine now."
        )
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED


def test_scoped_members_book_at_their_sites_and_see_only_those(company, site, book):
    other_site = SiteFactory(company=company, name="Airport kiosk")
    scoped = member(company, MemberTier.MANAGER, sites=[site])
    with pytest.raises(ValidationError):
        book(scoped, site=None)
    with pytest.raises(PermissionDenied):
        book(scoped, site=other_site)
    mine = book(scoped, site=site)
    admin = member(company, MemberTier.ADMIN)
    elsewhere = book(admin, site=other_site, index=2)
    visible = set(selectors.appointment_list_for_customer(user=scoped))
    assert mine in visible and elsewhere not in visible


def test_staff_complete_and_cancel_only_their_appointments(
    book, customer, manager, django_capture_on_commit_callbacks
):
    appointment = book(customer)
    stranger = staff(StaffGroup.ACCOUNT_MANAGERS)
    with pytest.raises(PermissionDenied):
        services.appointment_complete(appointment_id=appointment.pk, actor=stranger)
    with pytest.raises(PermissionDenied):
        services.appointment_cancel(
            appointment_id=appointment.pk, user=stranger, reason="Not mine."
        )
    with pytest.raises(ValidationError):
        services.appointment_complete(appointment_id=appointment.pk, actor=manager)
    with time_machine.travel(appointment.starts_at + timedelta(minutes=5)):
        # Customers cannot change an appointment that has started; its manager can.
        with pytest.raises(ValidationError):
            services.appointment_cancel(
                appointment_id=appointment.pk, user=customer, reason="Late."
            )
        done = services.appointment_complete(
            appointment_id=appointment.pk, actor=manager
        )
    assert done.status == AppointmentStatus.COMPLETED
    assert AuditEvent.objects.filter(action="appointment.completed").exists()
    second = book(customer, index=5)
    with django_capture_on_commit_callbacks(execute=True):
        services.appointment_cancel(
            appointment_id=second.pk, user=manager, reason="Ill today."
        )
    assert Notification.objects.filter(
        user=customer, kind="appointment_cancelled"
    ).exists()
    assert invitations(customer.email)[-1]["METHOD"] == "CANCEL"


def test_a_company_without_account_manager_cannot_book(company, customer):
    company.account_manager = None
    company.save()
    customer.membership.company.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.appointment_book(
            user=customer, kind="solution_workshop", slot_key="20260303T010000Z"
        )
    assert "no account manager" in str(error.value)


# --- Proposals by the account manager ------------------------------------------


@pytest.fixture
def fault(customer, site):
    from portal.support import services as request_services
    from portal.support.models import RequestType

    request, _ = request_services.request_submit(
        user=customer,
        request_type=RequestType.objects.get(slug="report-fault"),
        subject="Line down",
        answers={},
        idempotency_key="proposal",
        site=site,
    )
    return request


def test_the_manager_proposes_a_time_the_customer_accepts(
    fault, customer, manager, other_customer, django_capture_on_commit_callbacks
):
    slot = first_slot(fault.company, "site_survey")
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.appointment_propose(
            actor=manager,
            service_request=fault,
            kind="site_survey",
            slot_key=slot.key,
            video_link="https://meet.example.test/harbour",
            notes="Bring the floor plan.",
        )
    assert proposal.status == AppointmentStatus.PROPOSED
    assert proposal.requester == customer and proposal.site == fault.site
    assert Notification.objects.filter(user=customer, kind="appointment_proposed")
    (calendar,) = invitations(customer.email)
    event = vevent(calendar)
    assert str(event["STATUS"]) == "TENTATIVE"
    assert event["ATTENDEE"].params["PARTSTAT"] == "NEEDS-ACTION"
    assert str(event["URL"]) == "https://meet.example.test/harbour"
    # The proposed time is held in the manager's diary.
    with pytest.raises(ValidationError):
        services.appointment_book(
            user=other_customer, kind="site_survey", slot_key=slot.key
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = services.appointment_accept(
            appointment_id=proposal.pk, user=customer
        )
    assert accepted.status == AppointmentStatus.BOOKED and accepted.sequence == 1
    event = vevent(invitations(manager.email)[0])
    assert str(event["STATUS"]) == "CONFIRMED"
    assert int(event["SEQUENCE"]) == 1 and str(event["UID"]) == proposal.uid
    assert AuditEvent.objects.filter(action="appointment.proposed").exists()
    assert AuditEvent.objects.filter(action="appointment.accepted").exists()
    with pytest.raises(ValidationError):
        services.appointment_accept(appointment_id=proposal.pk, user=customer)


def test_only_the_companys_manager_proposes_with_a_safe_link(fault, manager, viewer):
    slot = first_slot(fault.company).key
    with pytest.raises(PermissionDenied):
        services.appointment_propose(
            actor=staff(StaffGroup.ACCOUNT_MANAGERS),
            service_request=fault,
            kind="solution_workshop",
            slot_key=slot,
        )
    with pytest.raises(ValidationError) as error:
        services.appointment_propose(
            actor=manager,
            service_request=fault,
            kind="solution_workshop",
            slot_key=slot,
            video_link="javascript:alert(1)",
        )
    assert "video_link" in error.value.message_dict
    proposal = services.appointment_propose(
        actor=manager, service_request=fault, kind="solution_workshop", slot_key=slot
    )
    with pytest.raises(PermissionDenied):
        services.appointment_accept(appointment_id=proposal.pk, user=viewer)


def test_the_manager_sends_a_video_link_for_a_booking(
    book, customer, manager, django_capture_on_commit_callbacks
):
    appointment = book(customer)
    with pytest.raises(PermissionDenied):
        services.appointment_set_video_link(
            appointment_id=appointment.pk,
            actor=staff(StaffGroup.ACCOUNT_MANAGERS),
            video_link="https://meet.example.test/x",
        )
    for bad in ("http://meet.example.test/x", "https://" + "a" * 200 + ".test"):
        with pytest.raises(ValidationError) as error:
            services.appointment_set_video_link(
                appointment_id=appointment.pk, actor=manager, video_link=bad
            )
        assert "video_link" in error.value.message_dict
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        updated = services.appointment_set_video_link(
            appointment_id=appointment.pk,
            actor=manager,
            video_link=" https://meet.example.test/harbour ",
        )
    assert updated.video_link == "https://meet.example.test/harbour"
    assert updated.sequence == appointment.sequence + 1
    assert AuditEvent.objects.filter(action="appointment.video_link_set").exists()
    note = Notification.objects.get(user=customer, kind="appointment_updated")
    assert "https://meet.example.test/harbour" in note.message
    event = vevent(invitations(customer.email)[-1])
    assert str(event["URL"]) == "https://meet.example.test/harbour"
    assert int(event["SEQUENCE"]) == updated.sequence
    assert str(event["UID"]) == appointment.uid
    # The same link again changes nothing and sends nothing.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.appointment_set_video_link(
            appointment_id=appointment.pk,
            actor=manager,
            video_link="https://meet.example.test/harbour",
        )
    assert mail.outbox == []
    services.appointment_cancel(
        appointment_id=appointment.pk, user=customer, reason="x"
    )
    with pytest.raises(ValidationError):
        services.appointment_set_video_link(
            appointment_id=appointment.pk, actor=manager, video_link=""
        )
