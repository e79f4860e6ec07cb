"""Pages of appointments: book, move, cancel, download, and the manager's side."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from portal.appointments.models import Appointment, AppointmentStatus
from portal.support import services as request_services
from portal.support.models import RequestType
from tests.portal.companies.factories import staff

pytestmark = pytest.mark.django_db

BOOK = reverse("appointments:book")


def test_the_list_shows_the_companys_appointments(client, book, customer, viewer):
    appointment = book(customer)
    client.force_login(viewer)
    html = client.get(reverse("appointments:list")).content.decode()
    assert appointment.reference in html and "Solution workshop" in html
    assert "Book an appointment" not in html  # viewers read, they do not book
    assert client.get(BOOK).status_code == 403


def test_booking_a_site_survey_through_the_pages(client, customer, site):
    client.force_login(customer)
    chooser = client.get(BOOK).content.decode()
    assert "?kind=site_survey" in chooser
    url = f"{BOOK}?kind=site_survey"
    page = client.get(url)
    assert page.status_code == 200
    key = page.context["form"].fields["slot"].choices[0][0]
    assert f'value="{key}"' in page.content.decode()
    response = client.post(url, {"site": site.pk, "slot": key, "notes": "Cellar"})
    appointment = Appointment.objects.get(requester=customer)
    assert response.status_code == 302
    assert response.url == appointment.get_absolute_url()
    detail = client.get(response.url).content.decode()
    assert "Site survey" in detail and "Bund shop" in detail and "Reschedule" in detail


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"slot": "20260303T010000Z"}, "This field is required"),  # no site
        ({"site": "SITE", "slot": ""}, "Choose one of the proposed times"),
        ({"site": "SITE", "slot": "20990101T010000Z"}, "no longer proposed"),
        ({"site": "SITE", "slot": "<script>"}, "no longer proposed"),
        ({"site": "999999", "slot": "20260303T010000Z"}, "Select a valid choice"),
    ],
)
def test_bad_bookings_are_shown_again_with_errors(
    client, customer, site, data, message
):
    client.force_login(customer)
    data = {k: (str(site.pk) if v == "SITE" else v) for k, v in data.items()}
    response = client.post(f"{BOOK}?kind=site_survey", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Appointment.objects.filter(requester=customer).exists()


def test_a_slot_taken_meanwhile_is_refused_and_the_slots_refreshed(
    client, book, customer, other_customer
):
    taken = book(other_customer)
    client.force_login(customer)
    response = client.post(
        f"{BOOK}?kind=solution_workshop",
        {"slot": taken.starts_at.strftime("%Y%m%dT%H%M%SZ")},
    )
    assert response.status_code == 400
    assert "no longer proposed" in response.content.decode()
    keys = [key for key, _label in response.context["form"].fields["slot"].choices]
    assert taken.starts_at.strftime("%Y%m%dT%H%M%SZ") not in keys


def test_unknown_kinds_and_presets_do_not_break_the_page(client, customer):
    client.force_login(customer)
    assert client.get(f"{BOOK}?kind=party").status_code == 200
    assert client.post(f"{BOOK}?kind=party", {"slot": "x"}).status_code == 400
    page = client.get(f"{BOOK}?kind=live_demo&product=abc&request=-1")
    assert page.status_code == 200


def test_booking_about_a_request_links_both_ways(client, customer, site):
    request, _ = request_services.request_submit(
        user=customer,
        request_type=RequestType.objects.get(slug="report-fault"),
        subject="Line down",
        answers={},
        idempotency_key="appt-1",
        site=site,
    )
    client.force_login(customer)
    detail = client.get(reverse("support:request_detail", args=[request.pk]))
    assert f"{BOOK}?request={request.pk}" in detail.content.decode()
    url = f"{BOOK}?kind=site_survey&request={request.pk}"
    form = client.get(url).context["form"]
    assert form.initial["service_request"] == request.pk
    client.post(
        url,
        {
            "site": site.pk,
            "service_request": request.pk,
            "slot": form.fields["slot"].choices[0][0],
        },
    )
    appointment = Appointment.objects.get(requester=customer)
    assert appointment.service_request == request


def test_reschedule_and_cancel_pages(client, book, customer):
    appointment = book(customer)
    client.force_login(customer)
    url = reverse("appointments:reschedule", args=[appointment.pk])
    page = client.get(url)
    keys = [key for key, _label in page.context["form"].fields["slot"].choices]
    # Its own slot is offered again (the form says it is the current one).
    assert appointment.starts_at.strftime("%Y%m%dT%H%M%SZ") in keys
    same = client.post(url, {"slot": keys[0]})
    assert same.status_code == 400
    assert "current time" in same.content.decode()
    assert client.post(url, {"slot": "nonsense"}).status_code == 400
    assert client.post(url, {"slot": keys[3]}).status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.RESCHEDULED
    cancel = reverse("appointments:cancel", args=[appointment.pk])
    empty = client.post(cancel, {"reason": "  "})
    assert empty.status_code == 400
    assert "Say why" in empty.content.decode()
    assert client.post(cancel, {"reason": "Closed for stocktaking."}).status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    # A cancelled appointment cannot be changed: the pages send back to it.
    again = client.get(url)
    assert again.status_code == 302 and again.url == appointment.get_absolute_url()
    assert client.post(cancel, {"reason": "Twice"}).status_code == 302


def test_invitation_download(client, book, customer):
    appointment = book(customer)
    client.force_login(customer)
    response = client.get(reverse("appointments:ics", args=[appointment.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert f"UID:{appointment.uid}" in text and "METHOD:REQUEST" in text


def test_viewers_see_an_appointment_but_not_its_actions(client, book, customer, viewer):
    appointment = book(customer)
    client.force_login(viewer)
    html = client.get(appointment.get_absolute_url()).content.decode()
    assert appointment.reference in html and "Reschedule" not in html
    cancel = reverse("appointments:cancel", args=[appointment.pk])
    assert client.post(cancel, {"reason": "No"}).status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    assert appointment.video_link == ""


def test_the_manager_adds_a_video_link_the_customer_sees(
    client, book, customer, manager
):
    appointment = book(customer)
    client.force_login(manager)
    assert (
        "Add a video link" in client.get(reverse("appointments:work")).content.decode()
    )
    url = reverse("appointments:work_action", args=[appointment.pk, "video"])
    reply = client.post(url, {"video_link": "ftp://meet.example.test/"}, follow=True)
    assert "https://" in reply.content.decode()  # the error says what is expected
    appointment.refresh_from_db()
    assert appointment.video_link == ""
    client.post(url, {"video_link": "https://meet.example.test/harbour"})
    client.force_login(customer)
    page = client.get(appointment.get_absolute_url()).content.decode()
    assert 'href="https://meet.example.test/harbour"' in page
    assert "Join the video call" in page


def test_the_dashboard_shows_the_next_appointments(client, book, customer):
    appointment = book(customer)
    client.force_login(customer)
    html = client.get(reverse("companies:dashboard")).content.decode()
    assert 'id="appointments-section"' in html
    assert appointment.get_absolute_url() in html


# --- Account managers --------------------------------------------------------


def test_the_manager_sees_upcoming_appointments_in_the_work_area(
    client, book, customer, manager, site
):
    appointment = book(customer)
    request, _ = request_services.request_submit(
        user=customer,
        request_type=RequestType.objects.get(slug="report-fault"),
        subject="Line down",
        answers={},
        idempotency_key="appt-2",
        site=site,
    )
    client.force_login(manager)
    queue = client.get(reverse("support:work_queue")).content.decode()
    assert "Your next appointments" in queue and "Solution workshop" in queue
    work = client.get(reverse("appointments:work")).content.decode()
    assert appointment.reference in work
    sidebar = client.get(reverse("support:work_detail", args=[request.pk]))
    assert "Recent appointments" in sidebar.content.decode()
    assert "Solution workshop" in sidebar.content.decode()


def test_the_manager_completes_and_cancels(client, book, customer, manager):
    appointment = book(customer)
    client.force_login(manager)
    complete = reverse("appointments:work_action", args=[appointment.pk, "complete"])
    assert client.get(complete).status_code == 405
    client.post(complete)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED  # not started yet
    with time_machine.travel(appointment.ends_at + timedelta(minutes=1)):
        work = client.get(reverse("appointments:work")).content.decode()
        assert "Mark completed" in work
        assert client.post(complete).status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.COMPLETED


def test_the_manager_cancels_with_a_reason(client, book, customer, manager):
    appointment = book(customer)
    client.force_login(manager)
    cancel = reverse("appointments:work_action", args=[appointment.pk, "cancel"])
    client.post(cancel, {"reason": ""})
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    client.post(cancel, {"reason": "Ill today."})
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert appointment.cancelled_by == manager


def test_other_staff_and_customers_cannot_act_for_the_manager(client, book, customer):
    from portal.companies.models import StaffGroup

    appointment = book(customer)
    for user in (staff(StaffGroup.ACCOUNT_MANAGERS), customer):
        client.force_login(user)
        for action in ("complete", "cancel", "video", "delete"):
            url = reverse("appointments:work_action", args=[appointment.pk, action])
            data = {"reason": "x", "video_link": "https://evil.example.test/"}
            assert client.post(url, data).status_code == 404
    client.force_login(customer)
    assert client.get(reverse("appointments:work")).status_code == 403
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED


def test_the_manager_proposes_from_the_request_and_the_customer_accepts(
    client, customer, manager, site
):
    request, _ = request_services.request_submit(
        user=customer,
        request_type=RequestType.objects.get(slug="report-fault"),
        subject="Line down",
        answers={},
        idempotency_key="appt-3",
        site=site,
    )
    client.force_login(manager)
    sidebar = client.get(reverse("support:work_detail", args=[request.pk]))
    propose = reverse("appointments:work_propose", args=[request.pk])
    assert propose in sidebar.content.decode()
    assert "?kind=site_survey" in client.get(propose).content.decode()
    url = f"{propose}?kind=site_survey"
    form = client.get(url).context["form"]
    key = form.fields["slot"].choices[0][0]
    bad = client.post(url, {"site": site.pk, "slot": key, "video_link": "ftp://x"})
    assert bad.status_code == 400
    response = client.post(url, {"site": site.pk, "slot": key})
    assert response.status_code == 302
    appointment = Appointment.objects.get(service_request=request)
    assert appointment.status == AppointmentStatus.PROPOSED

    client.force_login(customer)
    detail = client.get(appointment.get_absolute_url()).content.decode()
    assert "Accept this time" in detail
    accept = reverse("appointments:accept", args=[appointment.pk])
    assert client.get(accept).status_code == 405
    assert client.post(accept).status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    assert client.get(propose).status_code == 404  # customers do not propose


def test_other_managers_cannot_propose_to_a_company_they_do_not_manage(
    client, customer, site
):
    from portal.companies.models import StaffGroup

    request, _ = request_services.request_submit(
        user=customer,
        request_type=RequestType.objects.get(slug="billing-question"),
        subject="Bill",
        answers={},
        idempotency_key="appt-4",
    )
    client.force_login(staff(StaffGroup.ACCOUNT_MANAGERS))
    url = reverse("appointments:work_propose", args=[request.pk])
    assert client.get(f"{url}?kind=live_demo").status_code == 404
    assert client.post(f"{url}?kind=live_demo", {"slot": "x"}).status_code == 404
