"""The demo seed's service requests: each in its intended state, raised and worked
through the services, with consistent SLA timers, and seeding again adds nothing."""

import pytest
from django.utils import timezone

from portal.support import selectors
from portal.support.demo import (
    AWAY_NOTE,
    DEMO_REQUESTS,
    SELF_SERVED,
    seed_requests,
)
from portal.support.models import (
    AccountManagerAbsence,
    EventKind,
    Notification,
    RequestEvent,
    RequestStatus,
    SelfServedAttempt,
    ServiceRequest,
    SlaTimer,
    TimerKind,
)
from portal.support.reports import report_build

pytestmark = pytest.mark.django_db


def demo(key: str) -> ServiceRequest:
    return ServiceRequest.objects.select_related("team__lead", "assignee").get(
        idempotency_key=key
    )


def demo_requests():
    return ServiceRequest.objects.filter(idempotency_key__startswith="demo-")


def kinds(request) -> list[str]:
    return list(request.events.values_list("kind", flat=True))


def test_every_demo_request_is_seeded():
    assert demo_requests().count() == len(DEMO_REQUESTS)
    assert set(demo_requests().values_list("company__segment_id", flat=True)) == {
        "sme",
        "enterprise",
        "government",
    }


def test_self_service_requests_are_accepted_automatically():
    accepted = demo_requests().filter(handling="self_service")
    assert accepted.count() == 3
    assert set(accepted.values_list("status", flat=True)) == {RequestStatus.ACCEPTED}
    assert not SlaTimer.objects.filter(request__in=accepted).exists()


def test_the_critical_fault_tops_its_managers_queue():
    outage = demo("demo-jade-outage")
    assert outage.priority == "urgent" and outage.status == RequestStatus.ASSIGNED
    assert outage.assignee.email == "am1@example-telecom.test"
    queue = selectors.work_queue(user=outage.assignee)
    assert queue.first() == outage
    assert Notification.objects.filter(
        user=outage.assignee, request=outage, kind="assigned"
    ).exists()


def test_the_breached_request_escalated_once_to_the_team_lead():
    breached = demo("demo-summit-5g")
    assert breached.response_breached and not breached.resolution_breached
    assert breached.escalated_at is not None and breached.first_responded_at is None
    assert breached.created_at < breached.first_response_due_at < breached.escalated_at
    assert kinds(breached) == ["submitted", "routed", "warned", "escalated"]
    lead = breached.team.lead
    assert lead.email == "lead@example-telecom.test"
    assert Notification.objects.filter(
        user=lead, request=breached, kind="escalated"
    ).exists()
    fired = breached.timers.filter(fired_at__isnull=False)
    assert sorted(fired.values_list("kind", flat=True)) == [
        TimerKind.RESPONSE_BREACH,
        TimerKind.RESPONSE_WARNING,
    ]
    # The turnover rule waits its turn, once; the breach timers cannot fire again.
    pending = breached.timers.filter(fired_at=None, cancelled_at=None)
    assert set(pending.values_list("kind", flat=True)) == {
        TimerKind.TURNOVER,
        TimerKind.RESOLUTION_WARNING,
        TimerKind.RESOLUTION_BREACH,
    }
    assert breached in selectors.team_overview(team=breached.team)["breached"]


def test_no_seeded_timer_was_left_overdue():
    # The seed fired what was due when it ran (the breached request's escalation).
    seeded_at = demo("demo-summit-5g").escalated_at
    overdue = SlaTimer.objects.filter(
        request__in=demo_requests(),
        fired_at=None,
        cancelled_at=None,
        due_at__lt=seeded_at,
    )
    assert not overdue.exists()
    assert not SlaTimer.objects.filter(
        request__in=demo_requests(),
        fired_at__isnull=False,
        cancelled_at__isnull=False,
    ).exists()


def test_requests_raised_while_the_manager_was_away_went_to_the_team_queue():
    queued, claimed = demo("demo-jade-move"), demo("demo-jade-fapiao")
    absence = AccountManagerAbsence.objects.get(note=AWAY_NOTE)
    assert absence.user.email == "am1@example-telecom.test"
    for request in (queued, claimed):
        assert request.routing_rule == "manager_absent"
        assert request.routing_facts["manager_absent"] is True
        raised_on = timezone.localtime(request.created_at).date()
        assert absence.starts_on <= raised_on <= absence.ends_on
    # The absence is over: requests raised today reach the manager again.
    assert not absence.covers(timezone.localdate())
    assert queued.status == RequestStatus.OPEN and queued.assignee is None
    assert queued.team.lead.email == "lead@example-telecom.test"
    overview = selectors.team_overview(team=queued.team)
    assert overview["unclaimed"] >= 1
    assert claimed.assignee == claimed.team.lead
    assert claimed.status == RequestStatus.ASSIGNED
    assert claimed.first_responded_at is not None
    assert kinds(claimed) == ["submitted", "routed", "claimed", "reply"]


def test_a_reply_and_a_question_waiting_for_the_customer():
    replied = demo("demo-pearl-lease")
    assert replied.first_responded_at is not None
    assert replied.events.filter(kind=EventKind.REPLY, internal=False).exists()
    waiting = demo("demo-harbour-trial")
    assert waiting.status == RequestStatus.WAITING_CUSTOMER
    assert waiting.clock_running_since is None and waiting.resolution_due_at is None
    assert not waiting.timers.filter(fired_at=None, cancelled_at=None).exists()
    assert Notification.objects.filter(
        user=waiting.requester, request=waiting, kind="question"
    ).exists()


def test_resolved_confirmed_and_rated_requests():
    resolved = demo("demo-health-hotline")
    assert resolved.status == RequestStatus.RESOLVED and resolved.rating is None
    rated = demo("demo-harbour-card-rate")
    assert rated.status == RequestStatus.CLOSED and rated.rating == 5
    assert kinds(rated)[-3:] == ["resolved", "confirmed", "rated"]
    for request in (resolved, rated):
        assert request.created_at < request.first_responded_at <= request.resolved_at
        assert not request.response_breached and not request.resolution_breached
    report = report_build()
    assert report["csat_count"] >= 2 and report["median_response_minutes"] > 0


def test_self_served_questions_fill_the_self_service_ratio():
    attempts = SelfServedAttempt.objects.filter(
        subject__in=[subject for _email, _type, subject, _slug in SELF_SERVED]
    )
    assert attempts.count() == len(SELF_SERVED)
    assert all(a.article_url.startswith("/en/") for a in attempts)
    assert report_build()["self_service_ratio"] is not None


def test_seeding_again_adds_nothing():
    def counts():
        return (
            ServiceRequest.objects.count(),
            RequestEvent.objects.count(),
            SlaTimer.objects.count(),
            Notification.objects.count(),
            SelfServedAttempt.objects.count(),
            list(AccountManagerAbsence.objects.values_list("starts_on", "ends_on")),
        )

    before = counts()
    seed_requests()
    assert counts() == before


def test_an_unanswered_breach_counts_against_first_response_compliance():
    """The breached request has no reply yet; the report counts it as missed."""
    breached = demo("demo-summit-5g")
    row = next(
        row
        for row in report_build()["compliance"]
        if row["by"] == "segment" and row["name"] == breached.company.segment_id
    )
    assert row["first_response"] is not None and row["first_response"] < 100
