"""SLA timers: due times stored in the database, fired exactly once.

Scheduling writes `SlaTimer` rows in the same transaction as the request change, and
asks the task queue to run each one at its due time when the backend can defer. The
sweep (`manage.py support_sla_sweep`, run beside the worker) fires whatever is due, so
a lost task or a restarted worker never loses a timer. Firing locks the timer row and
marks it fired in one transaction: two workers never fire the same timer.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from portal.support.models import (
    ACTIVE_STATUSES,
    BusinessCalendar,
    EventKind,
    RequestEvent,
    RequestStatus,
    ServiceRequest,
    SlaTimer,
    TimerKind,
)
from portal.support.sla import SlaClock, WorkingCalendar, add_business_time

logger = logging.getLogger(__name__)
RESPONSE_KINDS = (TimerKind.RESPONSE_WARNING, TimerKind.RESPONSE_BREACH)
RESOLUTION_KINDS = (TimerKind.RESOLUTION_WARNING, TimerKind.RESOLUTION_BREACH)


def calendar_for(*, region_id: int | None) -> WorkingCalendar:
    """The business calendar of a region, else the default one, else 9-18 Mon-Fri."""
    calendar = (
        BusinessCalendar.objects.prefetch_related("days")
        .filter(Q(region_id=region_id) | Q(region__isnull=True))
        .order_by(F("region_id").asc(nulls_last=True))
        .first()
    )
    return calendar.working_calendar() if calendar else WorkingCalendar()


def resolution_clock(request: ServiceRequest) -> SlaClock:
    return SlaClock(
        elapsed=request.resolution_elapsed, running_since=request.clock_running_since
    )


def _set_timer(request: ServiceRequest, kind: str, due: datetime | None) -> None:
    """Replace the pending timer of `kind`; a kind that has fired is never re-armed."""
    SlaTimer.objects.filter(
        request=request, kind=kind, fired_at__isnull=True, cancelled_at__isnull=True
    ).update(cancelled_at=timezone.now())
    if due is None:
        return
    if SlaTimer.objects.filter(
        request=request, kind=kind, fired_at__isnull=False
    ).exists():
        return
    timer = SlaTimer.objects.create(request=request, kind=kind, due_at=due)
    transaction.on_commit(lambda: _enqueue(timer.pk, due), robust=True)


def _enqueue(timer_id: int, due: datetime) -> None:
    from portal.support.tasks import fire_sla_timer

    if fire_sla_timer.get_backend().supports_defer:
        fire_sla_timer.using(run_after=due).enqueue(timer_id)


def timers_reschedule(
    *, request: ServiceRequest, calendar: WorkingCalendar | None = None
) -> None:
    """Bring the request's pending timers in line with its clocks (in a transaction)."""
    policy = request.sla_policy
    if policy is None:
        return
    calendar = calendar or calendar_for(region_id=request.company.region_id)
    ratio = policy.warning_percent / 100
    active = request.status in ACTIVE_STATUSES
    if active and request.first_responded_at is None:
        start = SlaClock.started(request.created_at)
        _set_timer(
            request,
            TimerKind.RESPONSE_WARNING,
            start.due_at(policy.first_response_target, calendar, ratio=ratio),
        )
        _set_timer(
            request,
            TimerKind.RESPONSE_BREACH,
            start.due_at(policy.first_response_target, calendar),
        )
    else:
        for kind in RESPONSE_KINDS:
            _set_timer(request, kind, None)
    clock = resolution_clock(request) if active else SlaClock()
    _set_timer(
        request,
        TimerKind.RESOLUTION_WARNING,
        clock.due_at(policy.resolution_target, calendar, ratio=ratio),
    )
    _set_timer(
        request,
        TimerKind.RESOLUTION_BREACH,
        clock.due_at(policy.resolution_target, calendar),
    )
    if not active:
        _set_timer(request, TimerKind.TURNOVER, None)


def timer_fire(*, timer_id: int, skip_locked: bool = False) -> bool:
    """Fire one due timer once; returns whether it fired now."""
    now = timezone.now()
    with transaction.atomic():
        timer = (
            SlaTimer.objects.select_for_update(skip_locked=skip_locked)
            .filter(
                pk=timer_id,
                fired_at__isnull=True,
                cancelled_at__isnull=True,
                due_at__lte=now,
            )
            .first()
        )
        if timer is None:
            return False
        request = (
            ServiceRequest.objects.select_for_update(of=("self",))
            .select_related("company", "team", "sla_policy")
            .get(pk=timer.request_id)
        )
        timer.fired_at = now
        timer.save(update_fields=["fired_at"])
        if request.status in ACTIVE_STATUSES:
            _HANDLERS[timer.kind](request, now)
    return True


def timers_sweep(*, now: datetime | None = None) -> int:
    """Fire every pending timer due by `now`; safe to run from several workers."""
    now = now or timezone.now()
    due = list(
        SlaTimer.objects.filter(
            fired_at__isnull=True, cancelled_at__isnull=True, due_at__lte=now
        )
        .order_by("due_at")
        .values_list("pk", flat=True)[:500]
    )
    fired = 0
    for timer_id in due:
        try:
            fired += timer_fire(timer_id=timer_id, skip_locked=True)
        except Exception:  # one broken request must not stop the sweep
            logger.exception("SLA timer %s failed to fire", timer_id)
    return fired


# --- What each timer does ----------------------------------------------------


def _lead(request: ServiceRequest):
    return request.team.lead if request.team_id and request.team.lead_id else None


def _warn(request: ServiceRequest, now: datetime) -> None:
    from portal.support.services import request_url, staff_url

    RequestEvent.objects.create(
        request=request,
        kind=EventKind.WARNED,
        internal=True,
        body="",
        data={"at": now.isoformat()},
    )
    from portal.support.notifications import notify

    notify(
        users=[request.assignee or _lead(request)],
        kind="sla_warning",
        request=request,
        url=staff_url(request)
        if request.assignee_id or request.team_id
        else request_url(request),
    )


def _breach(request: ServiceRequest, now: datetime, *, field: str) -> None:
    from portal.support.notifications import notify
    from portal.support.services import staff_url

    setattr(request, field, True)
    first_escalation = request.escalated_at is None
    if first_escalation:
        request.escalated_at = now
    request.save(update_fields=[field, "escalated_at", "updated_at"])
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.ESCALATED,
        internal=True,
        data={"breach": field},
    )
    notify(
        users=[_lead(request)],
        kind="escalated",
        request=request,
        url=staff_url(request),
    )
    if first_escalation and request.sla_policy_id:
        calendar = calendar_for(region_id=request.company.region_id)
        _set_timer(
            request,
            TimerKind.TURNOVER,
            add_business_time(now, request.sla_policy.turnover_after, calendar),
        )


def _turnover(request: ServiceRequest, now: datetime) -> None:
    """Reassign if nobody acted since the escalation (the turnover rule)."""
    from portal.support.notifications import notify
    from portal.support.routing import pick_manager
    from portal.support.selectors import team_loads
    from portal.support.services import staff_url

    if request.last_staff_action_at and request.last_staff_action_at > (
        request.escalated_at or now
    ):
        return
    candidates = team_loads(team_id=request.team_id) if request.team_id else []
    exclude = frozenset({request.assignee_id} if request.assignee_id else set())
    chosen = pick_manager(candidates, exclude=exclude)
    if chosen is None:
        RequestEvent.objects.create(
            request=request,
            kind=EventKind.TURNED_OVER,
            internal=True,
            body="No teammate with spare capacity; the request stays with the team lead.",
            data={"to": None},
        )
        notify(
            users=[_lead(request)],
            kind="escalated",
            request=request,
            url=staff_url(request),
        )
        return
    previous = request.assignee_id
    request.assignee_id = chosen.user_id
    request.turned_over_at = now
    if request.status == RequestStatus.OPEN:
        request.status = RequestStatus.ASSIGNED
    request.save(update_fields=["assignee", "turned_over_at", "status", "updated_at"])
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.TURNED_OVER,
        internal=True,
        data={"from": previous, "to": chosen.user_id},
    )
    request.refresh_from_db(fields=["assignee"])
    notify(
        users=[request.assignee],
        kind="turned_over",
        request=request,
        url=staff_url(request),
    )


def _response_breach(request, now):
    if request.first_responded_at is None:
        _breach(request, now, field="response_breached")


def _response_warning(request, now):
    if request.first_responded_at is None:
        _warn(request, now)


def _resolution_breach(request, now):
    if request.clock_running_since is not None:
        _breach(request, now, field="resolution_breached")


def _resolution_warning(request, now):
    if request.clock_running_since is not None:
        _warn(request, now)


_HANDLERS = {
    TimerKind.RESPONSE_WARNING: _response_warning,
    TimerKind.RESPONSE_BREACH: _response_breach,
    TimerKind.RESOLUTION_WARNING: _resolution_warning,
    TimerKind.RESOLUTION_BREACH: _resolution_breach,
    TimerKind.TURNOVER: _turnover,
}
