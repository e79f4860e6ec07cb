"""SLA timers: warning at 80%, breach escalates to the lead, turnover, each once."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from portal.support import services
from portal.support.models import EventKind, Notification, SlaTimer
from portal.support.timers import timer_fire, timers_sweep

pytestmark = pytest.mark.django_db
MONDAY_10 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


def raise_fault(customer, site, fault_type):
    with time_machine.travel(MONDAY_10, tick=False):
        request, _ = services.request_submit(
            user=customer,
            request_type=fault_type,
            subject="Line down",
            answers={},
            idempotency_key="t",
            site=site,
        )
    return request


def sweep_at(moment):
    with time_machine.travel(moment, tick=False):
        return timers_sweep()


def test_warning_then_breach_then_turnover_each_fire_once(
    customer, site, fault_type, manager, teammate, lead, team
):
    request = raise_fault(customer, site, fault_type)
    # 80% of the 60-minute first response target: 10:48.
    assert sweep_at(MONDAY_10 + timedelta(minutes=47)) == 0
    assert sweep_at(MONDAY_10 + timedelta(minutes=48)) == 1
    assert Notification.objects.filter(user=manager, kind="sla_warning").count() == 1
    assert sweep_at(MONDAY_10 + timedelta(minutes=50)) == 0  # fired once only

    assert sweep_at(MONDAY_10 + timedelta(minutes=60)) == 1
    request.refresh_from_db()
    assert request.response_breached and request.escalated_at is not None
    assert Notification.objects.filter(user=lead, kind="escalated").count() == 1
    turnover = SlaTimer.objects.get(request=request, kind="turnover")
    # Critical fault turnover after 120 business minutes: 13:00 Shanghai.
    assert turnover.due_at == MONDAY_10 + timedelta(hours=3)

    assert sweep_at(MONDAY_10 + timedelta(hours=3)) == 1
    request.refresh_from_db()
    assert request.assignee == teammate
    assert request.events.filter(kind=EventKind.TURNED_OVER).count() == 1
    assert Notification.objects.filter(user=teammate, kind="turned_over").exists()
    assert sweep_at(MONDAY_10 + timedelta(hours=4)) == 0
    assert request.events.filter(kind=EventKind.ESCALATED).count() == 1


def test_a_reply_after_escalation_stops_the_turnover(
    customer, site, fault_type, manager, team
):
    request = raise_fault(customer, site, fault_type)
    sweep_at(MONDAY_10 + timedelta(minutes=61))
    with time_machine.travel(MONDAY_10 + timedelta(minutes=70), tick=False):
        services.request_reply(request_id=request.pk, actor=manager, body="On it")
    sweep_at(MONDAY_10 + timedelta(hours=4))
    request.refresh_from_db()
    assert request.assignee == manager
    assert not request.events.filter(kind=EventKind.TURNED_OVER).exists()


def test_firing_the_same_timer_twice_is_a_no_op(customer, site, fault_type, team):
    request = raise_fault(customer, site, fault_type)
    timer = SlaTimer.objects.get(request=request, kind="response_breach")
    with time_machine.travel(MONDAY_10 + timedelta(hours=2), tick=False):
        assert timer_fire(timer_id=timer.pk) is True
        assert timer_fire(timer_id=timer.pk) is False
    assert request.events.filter(kind=EventKind.ESCALATED).count() == 1


def test_a_timer_is_not_fired_early(customer, site, fault_type, team):
    request = raise_fault(customer, site, fault_type)
    timer = SlaTimer.objects.get(request=request, kind="response_breach")
    with time_machine.travel(MONDAY_10 + timedelta(minutes=10), tick=False):
        assert timer_fire(timer_id=timer.pk) is False


def test_paused_clock_cancels_resolution_timers(
    customer, site, fault_type, manager, team
):
    request = raise_fault(customer, site, fault_type)
    with time_machine.travel(MONDAY_10 + timedelta(minutes=5), tick=False):
        services.request_ask_customer(
            request_id=request.pk, actor=manager, body="Photo?"
        )
    # Days later nothing fires: the customer has the ball.
    assert sweep_at(MONDAY_10 + timedelta(days=5)) == 0
    request.refresh_from_db()
    assert not request.resolution_breached and not request.response_breached
