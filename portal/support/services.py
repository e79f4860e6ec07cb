"""Writes of service requests: submit, route, work on, resolve and rate them.

Each service runs in one transaction, locks the request row (`select_for_update`)
before changing it, checks the lifecycle (`portal.support.lifecycle`) and the
permission module, then records a timeline event and notifies whoever must act.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.companies import permissions
from portal.companies.models import CompanySite
from portal.companies.permissions import PortalPermission
from portal.support import lifecycle, selectors
from portal.support.attachments import attachment_add
from portal.support.models import (
    EventKind,
    RequestEvent,
    RequestStatus,
    RequestType,
    SelfServedAttempt,
    ServiceRequest,
)
from portal.support.notifications import notify
from portal.support.routing import PriorityRule, RoutingFacts, Target, route
from portal.support.sla import SlaClock
from portal.support.timers import calendar_for, resolution_clock, timers_reschedule


def request_url(request: ServiceRequest) -> str:
    return reverse("support:request_detail", kwargs={"pk": request.pk})


def staff_url(request: ServiceRequest) -> str:
    return reverse("support:work_detail", kwargs={"pk": request.pk})


def routing_facts_for(*, company, request_type: RequestType) -> RoutingFacts:
    """Gather what routing needs about a company's manager and team right now."""
    manager_id = company.account_manager_id
    team = selectors.team_for(
        segment_id=company.segment_id, region_id=company.region_id
    )
    return RoutingFacts(
        handling=request_type.handling,
        segment=company.segment_id,
        value_band=company.value_band,
        manager_id=manager_id,
        manager_absent=bool(manager_id)
        and selectors.manager_is_absent(user_id=manager_id),
        manager_open=selectors.manager_open_count(user_id=manager_id)
        if manager_id
        else 0,
        manager_capacity=selectors.manager_capacity(user_id=manager_id)
        if manager_id
        else 0,
        team_id=team.pk if team else None,
        team_lead_id=team.lead_id if team else None,
    )


def request_submit(
    *,
    user,
    request_type: RequestType,
    subject: str,
    answers: dict,
    idempotency_key: str,
    site: CompanySite | None = None,
    files=(),
) -> tuple[ServiceRequest, bool]:
    """Raise a request once per idempotency key; returns (request, created).

    A retried or double-clicked submission with the same key returns the first
    request. Self-service types are accepted at once; others are routed.
    """
    if not idempotency_key:
        raise ValidationError(_("The form expired; reload the page and submit again."))
    existing = ServiceRequest.objects.filter(
        requester=user, idempotency_key=idempotency_key
    ).first()
    if existing is not None:
        return existing, False
    membership = permissions.membership_for(user)
    if membership is None:
        raise PermissionDenied(_("Only members of a company can raise requests."))
    company = membership.company
    if not permissions.has_permission(
        user, PortalPermission.RAISE_REQUESTS, company=company, site=site
    ):
        raise PermissionDenied(
            _("Your role does not allow raising requests here; ask your company admin.")
        )
    if (
        not request_type.is_active
        or not request_type.segments.filter(pk=company.segment_id).exists()
    ):
        raise ValidationError(_("This request type is not offered to your company."))
    if request_type.needs_site and site is None:
        raise ValidationError({"site": _("Choose the site this request is about.")})
    try:
        with transaction.atomic():
            request = _create_routed(
                user=user,
                company=company,
                request_type=request_type,
                subject=subject,
                answers=answers,
                site=site,
                idempotency_key=idempotency_key,
                files=files,
            )
    except IntegrityError:
        # A parallel submission with the same key won the race: return its request.
        existing = ServiceRequest.objects.filter(
            requester=user, idempotency_key=idempotency_key
        ).first()
        if existing is None:
            raise
        return existing, False
    return request, True


def _create_routed(
    *, user, company, request_type, subject, answers, site, idempotency_key, files
) -> ServiceRequest:
    facts = routing_facts_for(company=company, request_type=request_type)
    decision = route(
        facts,
        base_priority=request_type.base_priority,
        priority_rules=tuple(
            PriorityRule(
                priority=rule.priority,
                segment=rule.segment_id or "",
                value_band=rule.value_band,
            )
            for rule in request_type.priority_rules.all()
        ),
    )
    now = timezone.now()
    automatic = decision.target == Target.AUTOMATIC
    if automatic:
        status = RequestStatus.ACCEPTED
    elif decision.assignee_id:
        status = RequestStatus.ASSIGNED
    else:
        status = RequestStatus.OPEN
    request = ServiceRequest.objects.create(
        company=company,
        site=site,
        requester=user,
        request_type=request_type,
        subject=subject,
        answers=answers,
        idempotency_key=idempotency_key,
        status=status,
        priority=decision.priority,
        handling=request_type.handling,
        assignee_id=decision.assignee_id,
        team_id=decision.team_id,
        routing_rule=decision.rule,
        routing_facts=decision.facts,
        sla_policy=None if automatic else request_type.sla_policy,
        clock_running_since=None if automatic else now,
        closed_at=now if automatic else None,
    )
    RequestEvent.objects.create(request=request, kind=EventKind.SUBMITTED, actor=user)
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.ROUTED,
        data={"rule": decision.rule, "target": decision.target},
    )
    for upload in files:
        attachment_add(request=request, user=user, upload=upload)
    if automatic:
        notify(users=[user], kind="accepted", request=request, url=request_url(request))
        return request
    set_due_dates(request)
    timers_reschedule(request=request)
    users = get_user_model().objects.in_bulk(list(decision.notify_ids))
    for user_id in decision.notify_ids:
        kind = (
            "assigned"
            if user_id == decision.assignee_id
            else "queued"
            if user_id == facts.team_lead_id
            else "informed"
        )
        notify(
            users=[users.get(user_id)],
            kind=kind,
            request=request,
            url=staff_url(request),
        )
    return request


def set_due_dates(request: ServiceRequest) -> None:
    """Work out and save the request's due dates from its start and clock state
    (the one rule for them: on submit, on the customer's reply, on reopening, and
    for the demo's requests dated back)."""
    policy = request.sla_policy
    if policy is None:
        return
    calendar = calendar_for(region_id=request.company.region_id)
    if request.first_responded_at is None:
        request.first_response_due_at = SlaClock.started(request.created_at).due_at(
            policy.first_response_target, calendar
        )
    request.resolution_due_at = resolution_clock(request).due_at(
        policy.resolution_target, calendar
    )
    request.save(update_fields=["first_response_due_at", "resolution_due_at"])


# --- Staff actions -----------------------------------------------------------


def _locked_for_staff(*, request_id: int, user) -> ServiceRequest:
    if not selectors.is_request_staff(user):
        raise PermissionDenied(_("Only account managers can work on requests."))
    if not selectors.request_list_for_staff(user=user).filter(pk=request_id).exists():
        raise PermissionDenied(_("This request is not in your accounts or queues."))
    return (
        ServiceRequest.objects.select_for_update(of=("self",))
        .select_related("company", "sla_policy", "team")
        .get(pk=request_id)
    )


def _staff_touched(request: ServiceRequest, now) -> None:
    request.last_staff_action_at = now


@transaction.atomic
def request_claim(*, request_id: int, user) -> ServiceRequest:
    """Take an unowned request from the queue; only one claimer can win."""
    request = _locked_for_staff(request_id=request_id, user=user)
    if request.assignee_id is not None:
        raise ValidationError(_("Someone has already taken this request."))
    request.status = lifecycle.transition(request, "claim")
    request.assignee = user
    _staff_touched(request, timezone.now())
    request.save(
        update_fields=["status", "assignee", "last_staff_action_at", "updated_at"]
    )
    RequestEvent.objects.create(request=request, kind=EventKind.CLAIMED, actor=user)
    return request


def _validate_assignee(assignee) -> None:
    if not (
        permissions.is_account_manager(assignee) or permissions.is_team_lead(assignee)
    ):
        raise ValidationError(_("Choose an account manager to hand the request to."))


@transaction.atomic
def request_assign(*, request_id: int, actor, assignee, reason: str) -> ServiceRequest:
    """Give a request to a manager (team leads and admins) or pass it on (transfer)."""
    request = _locked_for_staff(request_id=request_id, user=actor)
    _validate_assignee(assignee)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the request changes hands.")})
    owner = request.assignee_id
    leader = permissions.is_team_lead(actor) or permissions.is_operator_admin(actor)
    if owner is None:
        lifecycle.transition(request, "assign")
    else:
        lifecycle.transition(request, "transfer")
        if owner != actor.pk and not leader:
            raise PermissionDenied(_("Only the owner or a team lead can transfer it."))
    if owner is None and assignee.pk != actor.pk and not leader:
        raise PermissionDenied(_("Only team leads assign queue requests to others."))
    request.assignee = assignee
    if request.status == RequestStatus.OPEN:
        request.status = RequestStatus.ASSIGNED
    _staff_touched(request, timezone.now())
    request.save(
        update_fields=["assignee", "status", "last_staff_action_at", "updated_at"]
    )
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.ASSIGNED if owner is None else EventKind.TRANSFERRED,
        actor=actor,
        body=reason.strip(),
        internal=True,
        data={"from": owner, "to": assignee.pk},
    )
    notify(users=[assignee], kind="assigned", request=request, url=staff_url(request))
    return request


def _mark_first_response(request: ServiceRequest, now) -> None:
    if request.first_responded_at is None:
        request.first_responded_at = now


@transaction.atomic
def request_reply(*, request_id: int, actor, body: str, files=()) -> RequestEvent:
    """A reply to the customer; the first one stops the first-response clock."""
    request = _locked_for_staff(request_id=request_id, user=actor)
    lifecycle.transition(request, "reply")
    _require_text(body)
    now = timezone.now()
    _mark_first_response(request, now)
    _staff_touched(request, now)
    request.save()
    event = RequestEvent.objects.create(
        request=request, kind=EventKind.REPLY, actor=actor, body=body.strip()
    )
    for upload in files:
        attachment_add(request=request, user=actor, upload=upload, event=event)
    timers_reschedule(request=request)
    notify(
        users=[request.requester],
        kind="reply",
        request=request,
        url=request_url(request),
    )
    return event


@transaction.atomic
def request_add_note(*, request_id: int, actor, body: str) -> RequestEvent:
    """An internal note that the customer never sees."""
    request = _locked_for_staff(request_id=request_id, user=actor)
    lifecycle.transition(request, "note")
    _require_text(body)
    return RequestEvent.objects.create(
        request=request,
        kind=EventKind.NOTE,
        actor=actor,
        body=body.strip(),
        internal=True,
    )


@transaction.atomic
def request_ask_customer(*, request_id: int, actor, body: str) -> RequestEvent:
    """Ask the customer for information: pauses the resolution clock."""
    request = _locked_for_staff(request_id=request_id, user=actor)
    request.status = lifecycle.transition(request, "ask_customer")
    _require_text(body)
    now = timezone.now()
    calendar = calendar_for(region_id=request.company.region_id)
    clock = resolution_clock(request).paused(now, calendar)
    request.resolution_elapsed = clock.elapsed
    request.clock_running_since = None
    request.resolution_due_at = None
    _mark_first_response(request, now)
    _staff_touched(request, now)
    request.save()
    event = RequestEvent.objects.create(
        request=request, kind=EventKind.QUESTION, actor=actor, body=body.strip()
    )
    timers_reschedule(request=request, calendar=calendar)
    notify(
        users=[request.requester],
        kind="question",
        request=request,
        url=request_url(request),
    )
    return event


@transaction.atomic
def request_resolve(*, request_id: int, actor, body: str) -> ServiceRequest:
    """Resolve with a summary for the customer, who then confirms or reopens."""
    request = _locked_for_staff(request_id=request_id, user=actor)
    request.status = lifecycle.transition(request, "resolve")
    _require_text(body)
    now = timezone.now()
    calendar = calendar_for(region_id=request.company.region_id)
    clock = resolution_clock(request).paused(now, calendar)
    request.resolution_elapsed = clock.elapsed
    request.clock_running_since = None
    request.resolved_at = now
    _mark_first_response(request, now)
    _staff_touched(request, now)
    request.save()
    RequestEvent.objects.create(
        request=request, kind=EventKind.RESOLVED, actor=actor, body=body.strip()
    )
    timers_reschedule(request=request, calendar=calendar)
    notify(
        users=[request.requester],
        kind="resolved",
        request=request,
        url=request_url(request),
    )
    return request


# --- Customer actions --------------------------------------------------------


def _locked_for_customer(
    *, request_id: int, user, perm=PortalPermission.RAISE_REQUESTS
) -> ServiceRequest:
    visible = selectors.request_list_for_customer(user=user).filter(pk=request_id)
    if not visible.exists():
        raise PermissionDenied(_("This request is not one of your company's."))
    request = (
        ServiceRequest.objects.select_for_update(of=("self",))
        .select_related("company", "sla_policy", "site", "team")
        .get(pk=request_id)
    )
    if not permissions.has_permission(
        user, perm, company=request.company, site=request.site
    ):
        raise PermissionDenied(
            _("Your role lets you read requests but not act on them; ask your admin.")
        )
    return request


def _require_text(body: str) -> None:
    if not (body or "").strip():
        raise ValidationError({"body": _("Write a message before sending.")})


@transaction.atomic
def request_customer_message(
    *, request_id: int, user, body: str, files=()
) -> RequestEvent:
    """A customer's comment; when the manager asked a question it is the answer and
    resumes the clock."""
    request = _locked_for_customer(request_id=request_id, user=user)
    _require_text(body)
    if request.status == RequestStatus.WAITING_CUSTOMER:
        request.status = lifecycle.transition(request, "customer_answer")
        request.clock_running_since = timezone.now()
        kind, notice = EventKind.ANSWER, "answer"
    else:
        lifecycle.transition(request, "customer_comment")
        kind, notice = EventKind.COMMENT, "comment"
    request.save()
    event = RequestEvent.objects.create(
        request=request, kind=kind, actor=user, body=body.strip()
    )
    for upload in files:
        attachment_add(request=request, user=user, upload=upload, event=event)
    if kind == EventKind.ANSWER:
        set_due_dates(request)
        timers_reschedule(request=request)
    recipients = (
        [request.assignee]
        if request.assignee_id
        else [request.team.lead if request.team_id else None]
    )
    notify(users=recipients, kind=notice, request=request, url=staff_url(request))
    return event


@transaction.atomic
def request_confirm(*, request_id: int, user) -> ServiceRequest:
    """The customer confirms the resolution: the request is closed."""
    request = _locked_for_customer(request_id=request_id, user=user)
    request.status = lifecycle.transition(request, "confirm")
    request.closed_at = timezone.now()
    request.save()
    RequestEvent.objects.create(request=request, kind=EventKind.CONFIRMED, actor=user)
    return request


@transaction.atomic
def request_reopen(*, request_id: int, user, reason: str) -> ServiceRequest:
    """The customer reopens a resolved request: the clock runs again."""
    request = _locked_for_customer(request_id=request_id, user=user)
    lifecycle.transition(request, "reopen")
    _require_text(reason)
    request.status = (
        RequestStatus.ASSIGNED if request.assignee_id else RequestStatus.OPEN
    )
    request.resolved_at = None
    request.closed_at = None
    request.clock_running_since = timezone.now()
    request.save()
    RequestEvent.objects.create(
        request=request, kind=EventKind.REOPENED, actor=user, body=reason.strip()
    )
    set_due_dates(request)
    timers_reschedule(request=request)
    recipients = (
        [request.assignee]
        if request.assignee_id
        else [request.team.lead if request.team_id else None]
    )
    notify(users=recipients, kind="reopened", request=request, url=staff_url(request))
    return request


@transaction.atomic
def request_rate(
    *, request_id: int, user, rating: int, comment: str = ""
) -> ServiceRequest:
    """Rate the service 1-5 once the request is resolved (rating again replaces it)."""
    request = _locked_for_customer(request_id=request_id, user=user)
    lifecycle.transition(request, "rate")
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Choose a rating from 1 to 5 stars.")})
    if request.status == RequestStatus.RESOLVED:
        request.status = RequestStatus.CLOSED
        request.closed_at = timezone.now()
    request.rating = rating
    request.rating_comment = comment.strip()
    request.save()
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.RATED,
        actor=user,
        body=request.rating_comment,
        data={"rating": rating},
    )
    return request


def self_served_record(
    *, user, subject: str, article_url: str, article_title: str = "", request_type=None
) -> SelfServedAttempt:
    """Count a question answered by a suggested article ("this solved it")."""
    membership = permissions.membership_for(user)
    if membership is None:
        raise PermissionDenied(_("Only members of a company can raise requests."))
    if not article_url.startswith("/"):
        raise ValidationError(
            {"article_url": _("Choose one of the suggested articles.")}
        )
    recent = SelfServedAttempt.objects.filter(
        user=user,
        article_url=article_url,
        created_at__gte=timezone.now() - timedelta(minutes=10),
    ).first()
    if recent is not None:
        return recent
    return SelfServedAttempt.objects.create(
        company=membership.company,
        user=user,
        request_type=request_type,
        subject=subject[:200],
        article_url=article_url[:300],
        article_title=article_title[:300],
    )
