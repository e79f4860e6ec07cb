"""Request lifecycle through the services: submit, route, claim, reply, resolve, rate."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from portal.companies.models import MemberTier
from portal.support import services
from portal.support.models import (
    AccountManagerAbsence,
    AccountManagerAvailability,
    EventKind,
    Notification,
    RequestStatus,
    SelfServedAttempt,
    SlaTimer,
)
from tests.portal.companies.factories import CompanyFactory, member

pytestmark = pytest.mark.django_db
# Monday 2 March 2026, 10:00 in Shanghai.
MONDAY_10 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def submit(customer, request_type, site, key="k1", **kwargs):
    return services.request_submit(
        user=customer,
        request_type=request_type,
        subject=kwargs.pop("subject", "Internet down at the shop"),
        answers={"details": "No link light"},
        idempotency_key=key,
        site=site,
        **kwargs,
    )


def test_complex_request_goes_to_the_account_manager_with_sla_targets(
    customer, site, fault_type, manager, team, django_capture_on_commit_callbacks
):
    with (
        time_machine.travel(MONDAY_10, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        request, created = submit(customer, fault_type, site)
    assert created
    assert request.status == RequestStatus.ASSIGNED
    assert request.assignee == manager
    assert request.team == team
    assert request.routing_rule == "named_manager"
    assert "available" in request.routing_explanation
    assert request.priority == "high"
    # Critical fault: 60 business minutes to respond, 480 to resolve.
    assert request.first_response_due_at == MONDAY_10 + timedelta(hours=1)
    assert request.resolution_due_at == datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    kinds = set(
        SlaTimer.objects.filter(request=request, fired_at=None).values_list(
            "kind", flat=True
        )
    )
    assert kinds == {
        "response_warning",
        "response_breach",
        "resolution_warning",
        "resolution_breach",
    }
    assert Notification.objects.filter(user=manager, request=request).exists()
    assert any(manager.email in m.to for m in mail.outbox)


def test_same_idempotency_key_makes_one_request(customer, site, fault_type, team):
    first, created = submit(customer, fault_type, site, key="same")
    again, created_again = submit(customer, fault_type, site, key="same")
    assert created and not created_again
    assert first.pk == again.pk


def test_self_service_type_is_accepted_with_next_steps(customer, site, bandwidth_type):
    request, _ = submit(customer, bandwidth_type, site)
    assert request.status == RequestStatus.ACCEPTED
    assert request.assignee is None and request.sla_policy is None
    assert request.routing_rule == "self_service"
    assert not SlaTimer.objects.filter(request=request).exists()


def test_absent_manager_sends_the_request_to_the_team_queue(
    customer, site, fault_type, manager, team, lead
):
    AccountManagerAbsence.objects.create(
        user=manager, starts_on=date.today() - timedelta(days=1), ends_on=date.today()
    )
    request, _ = submit(customer, fault_type, site)
    assert request.status == RequestStatus.OPEN
    assert request.assignee is None and request.team == team
    assert request.routing_rule == "manager_absent"
    assert Notification.objects.filter(
        user=lead, request=request, kind="queued"
    ).exists()


def test_manager_at_capacity_sends_to_the_queue(
    customer, site, fault_type, manager, team
):
    AccountManagerAvailability.objects.create(user=manager, max_open_requests=1)
    first, _ = submit(customer, fault_type, site, key="a")
    second, _ = submit(customer, fault_type, site, key="b")
    assert first.assignee == manager
    assert second.routing_rule == "manager_at_capacity"
    assert second.assignee is None


def test_viewers_cannot_raise_and_other_segments_do_not_see_the_type(
    company, site, fault_type
):
    viewer = member(company, MemberTier.VIEWER)
    with pytest.raises(PermissionDenied):
        submit(viewer, fault_type, site)
    from portal.support.models import RequestType

    enquiry = RequestType.objects.get(slug="custom-solution")  # large customers only
    operator = member(company, MemberTier.OPERATOR)
    with pytest.raises(ValidationError):
        submit(operator, enquiry, None)


def test_site_is_required_and_must_be_the_companys(customer, fault_type, team):
    with pytest.raises(ValidationError):
        submit(customer, fault_type, None)
    foreign_site = CompanyFactory().sites.create(name="Elsewhere")
    with pytest.raises(PermissionDenied):
        submit(customer, fault_type, foreign_site)


def test_full_lifecycle_with_pause_and_rating(
    customer, site, fault_type, manager, team
):
    with time_machine.travel(MONDAY_10, tick=False):
        request, _ = submit(customer, fault_type, site)
    with time_machine.travel(MONDAY_10 + timedelta(minutes=30), tick=False):
        services.request_reply(
            request_id=request.pk, actor=manager, body="Looking at it"
        )
        services.request_ask_customer(
            request_id=request.pk, actor=manager, body="Is the router powered?"
        )
    request.refresh_from_db()
    assert request.status == RequestStatus.WAITING_CUSTOMER
    assert request.first_responded_at == MONDAY_10 + timedelta(minutes=30)
    assert request.clock_running_since is None
    assert request.resolution_elapsed == timedelta(minutes=30)
    assert not SlaTimer.objects.filter(
        request=request, fired_at=None, cancelled_at=None
    ).exists()
    # The customer answers the next morning: 7.5 business hours remain.
    tuesday_9 = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    with time_machine.travel(tuesday_9, tick=False):
        services.request_customer_message(
            request_id=request.pk, user=customer, body="Yes, lights are on"
        )
    request.refresh_from_db()
    assert request.status == RequestStatus.ASSIGNED
    assert request.resolution_due_at == tuesday_9 + timedelta(hours=7, minutes=30)
    services.request_resolve(
        request_id=request.pk, actor=manager, body="Replaced the ONT"
    )
    services.request_rate(
        request_id=request.pk, user=customer, rating=5, comment="Fast"
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.CLOSED
    assert request.rating == 5
    assert list(request.events.values_list("kind", flat=True)) == [
        EventKind.SUBMITTED,
        EventKind.ROUTED,
        EventKind.REPLY,
        EventKind.QUESTION,
        EventKind.ANSWER,
        EventKind.RESOLVED,
        EventKind.RATED,
    ]


def test_reopen_runs_the_clock_again(customer, site, fault_type, manager, team):
    request, _ = submit(customer, fault_type, site)
    services.request_resolve(request_id=request.pk, actor=manager, body="Done")
    with pytest.raises(ValidationError):
        services.request_reopen(request_id=request.pk, user=customer, reason="")
    services.request_reopen(request_id=request.pk, user=customer, reason="Down again")
    request.refresh_from_db()
    assert request.status == RequestStatus.ASSIGNED
    assert request.clock_running_since is not None
    with pytest.raises(ValidationError):
        services.request_confirm(request_id=request.pk, user=customer)


def test_claim_assign_and_transfer(
    customer, site, fault_type, manager, teammate, lead, team
):
    AccountManagerAbsence.objects.create(
        user=manager, starts_on=date.today(), ends_on=date.today()
    )
    request, _ = submit(customer, fault_type, site)
    services.request_claim(request_id=request.pk, user=teammate)
    with pytest.raises(ValidationError):
        services.request_claim(request_id=request.pk, user=lead)
    with pytest.raises(ValidationError):
        services.request_assign(
            request_id=request.pk, actor=teammate, assignee=manager, reason=" "
        )
    services.request_assign(
        request_id=request.pk, actor=teammate, assignee=manager, reason="Back tomorrow"
    )
    request.refresh_from_db()
    assert request.assignee == manager
    event = request.events.get(kind=EventKind.TRANSFERRED)
    assert event.internal and event.body == "Back tomorrow"


def test_staff_outside_the_account_cannot_touch_it(customer, site, fault_type, team):
    from portal.companies.models import StaffGroup
    from tests.portal.companies.factories import staff

    stranger = staff(StaffGroup.ACCOUNT_MANAGERS)
    request, _ = submit(customer, fault_type, site)
    with pytest.raises(PermissionDenied):
        services.request_reply(request_id=request.pk, actor=stranger, body="Hi")
    with pytest.raises(PermissionDenied):
        services.request_reply(request_id=request.pk, actor=customer, body="Hi")


def test_other_companies_customers_cannot_act(customer, site, fault_type, team):
    request, _ = submit(customer, fault_type, site)
    outsider = member(CompanyFactory(), MemberTier.ADMIN)
    with pytest.raises(PermissionDenied):
        services.request_customer_message(
            request_id=request.pk, user=outsider, body="x"
        )
    with pytest.raises(PermissionDenied):
        services.request_rate(request_id=request.pk, user=outsider, rating=1)


def test_rating_must_be_one_to_five(customer, site, fault_type, manager, team):
    request, _ = submit(customer, fault_type, site)
    with pytest.raises(ValidationError):
        services.request_rate(request_id=request.pk, user=customer, rating=5)
    services.request_resolve(request_id=request.pk, actor=manager, body="Done")
    with pytest.raises(ValidationError):
        services.request_rate(request_id=request.pk, user=customer, rating=6)


def test_self_served_attempt_is_counted_once(customer, fault_type):
    first = services.self_served_record(
        user=customer, subject="router lights", article_url="/en/kb/router/"
    )
    again = services.self_served_record(
        user=customer, subject="router lights", article_url="/en/kb/router/"
    )
    assert first.pk == again.pk
    # The demo seed has self-served questions of its own customers.
    assert SelfServedAttempt.objects.filter(user=customer).count() == 1
    with pytest.raises(ValidationError):
        services.self_served_record(
            user=customer, subject="x", article_url="https://evil.example/"
        )
