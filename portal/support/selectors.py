"""Reads of service requests, always narrowed by `portal.companies.permissions`."""

from __future__ import annotations

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from portal.companies import permissions
from portal.companies.models import Team
from portal.companies.permissions import PortalPermission
from portal.support.models import (
    ACTIVE_STATUSES,
    QUEUE_ORDER_COLUMNS,
    AccountManagerAbsence,
    AccountManagerAvailability,
    RequestType,
    ServiceRequest,
)
from portal.support.routing import ManagerLoad


def request_list_for_customer(*, user) -> QuerySet[ServiceRequest]:
    """The requests of the user's company they may view (site scope applied)."""
    return permissions.scope_queryset(
        user,
        ServiceRequest.objects.select_related("request_type", "site"),
        perm=PortalPermission.VIEW_REQUESTS,
        site_field="site",
    ).order_by("-created_at", "-pk")


#: What the customer's list shows of each request.
LIST_COLUMNS = (
    "subject",
    "status",
    "created_at",
    "request_type__name",
    "request_type__name_zh_hans",
)


def request_rows_for_customer(*, user) -> QuerySet[ServiceRequest]:
    """The customer's list: their requests narrowed to the columns it shows (the
    answers, routing facts and the type's question forms stay unread)."""
    return (
        request_list_for_customer(user=user)
        .select_related(None)
        .select_related("request_type")
        .only(*LIST_COLUMNS)
    )


def is_request_staff(user) -> bool:
    """Account managers, team leads and operator admins work on requests."""
    return permissions.can_work_requests(user)


def request_list_for_staff(*, user, queryset=None) -> QuerySet[ServiceRequest]:
    """Requests a staff member may work on (`queryset`, default all, narrowed): the
    permission module decides which (their companies', assigned, their teams')."""
    if queryset is None:
        queryset = ServiceRequest.objects.all()
    return permissions.scope_staff_work(user, queryset).select_related(
        "company", "request_type", "assignee", "team"
    )


#: What the queue page shows: the rows stay narrow (no answers, no routing facts).
QUEUE_COLUMNS = (
    "subject",
    "status",
    "priority",
    "resolution_due_at",
    "response_breached",
    "resolution_breached",
    "company__legal_name",
    "assignee__email",
    "assignee__first_name",
    "assignee__last_name",
)


def work_queue(*, user, filters: dict | None = None) -> QuerySet[ServiceRequest]:
    """The manager's queue: active requests by SLA urgency (resolution due time,
    paused clocks last), then priority, then age; served by the queue index.

    The requests alone, for `page_of` to slice; `queue_rows` reads what a page
    shows of them.
    """
    filters = filters or {}
    queryset = ServiceRequest.objects.filter(status__in=ACTIVE_STATUSES)
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("priority"):
        queryset = queryset.filter(priority=filters["priority"])
    if filters.get("segment"):
        queryset = queryset.filter(company__segment_id=filters["segment"])
    if filters.get("company"):
        queryset = queryset.filter(company__legal_name__icontains=filters["company"])
    if filters.get("breached"):
        queryset = queryset.filter(
            Q(response_breached=True) | Q(resolution_breached=True)
        )
    if filters.get("mine"):
        queryset = queryset.filter(assignee_id=user.pk)
    # The order the queue indexes hold (QUEUE_ORDER_COLUMNS), then the key: requests
    # due at the same moment keep one order, so paging neither repeats nor skips them.
    resolution_due, *then = QUEUE_ORDER_COLUMNS
    due = "first_response_due_at" if filters.get("by_response") else resolution_due
    return permissions.scope_staff_work(user, queryset).order_by(
        F(due).asc(nulls_last=True), *then, "pk"
    )


def queue_rows(window: QuerySet[ServiceRequest]) -> QuerySet[ServiceRequest]:
    """What the queue page shows of the requests in `window` (a slice of
    `work_queue`'s keys), in its order: narrow rows, no answers or routing facts."""
    return (
        ServiceRequest.objects.filter(pk__in=window)
        .select_related("company", "assignee")
        .only(*QUEUE_COLUMNS)
        .order_by(*window.query.order_by)
    )


def request_types_for(*, user) -> QuerySet[RequestType]:
    """Active request types offered to the segment of the user's company."""
    membership = permissions.membership_for(user)
    if membership is None:
        return RequestType.objects.none()
    return RequestType.objects.filter(
        is_active=True, segments=membership.company.segment_id
    ).order_by("sort_order", "name")


def manager_open_count(*, user_id: int) -> int:
    return ServiceRequest.objects.filter(
        assignee_id=user_id, status__in=ACTIVE_STATUSES
    ).count()


def manager_capacity(*, user_id: int) -> int:
    row = AccountManagerAvailability.objects.filter(user_id=user_id).first()
    return row.max_open_requests if row else AccountManagerAvailability.DEFAULT_CAPACITY


def manager_is_absent(*, user_id: int, day=None) -> bool:
    day = day or timezone.localdate()
    return AccountManagerAbsence.objects.filter(
        user_id=user_id, starts_on__lte=day, ends_on__gte=day
    ).exists()


def team_for(*, segment_id: str, region_id: int | None) -> Team | None:
    """The team covering a segment and region (region-less teams as fallback)."""
    return (
        Team.objects.select_related("lead")
        .filter(segment_id=segment_id)
        .filter(Q(region_id=region_id) | Q(region__isnull=True))
        .order_by("region_id")
        .first()
    )


def team_loads(*, team_id: int) -> list[ManagerLoad]:
    """Load and availability of every manager of a team (for turnover and leads)."""
    team = Team.objects.get(pk=team_id)
    members = list(
        team.members.filter(is_active=True).annotate(
            open_count=Count(
                "assigned_requests",
                filter=Q(assigned_requests__status__in=ACTIVE_STATUSES),
            )
        )
    )
    today = timezone.localdate()
    absent = set(
        AccountManagerAbsence.objects.filter(
            user__in=members, starts_on__lte=today, ends_on__gte=today
        ).values_list("user_id", flat=True)
    )
    capacities = dict(
        AccountManagerAvailability.objects.filter(user__in=members).values_list(
            "user_id", "max_open_requests"
        )
    )
    return [
        ManagerLoad(
            user_id=m.pk,
            open_requests=m.open_count,
            capacity=capacities.get(m.pk, AccountManagerAvailability.DEFAULT_CAPACITY),
            absent=m.pk in absent,
        )
        for m in members
    ]


def teams_led_by(*, user) -> QuerySet[Team]:
    if permissions.is_operator_admin(user):
        return Team.objects.all()
    return Team.objects.filter(lead=user)


def team_overview(*, team: Team) -> dict:
    """A team lead's view: each member's load and the team's breached requests."""
    loads = {load.user_id: load for load in team_loads(team_id=team.pk)}
    members = list(team.members.filter(pk__in=loads))
    breached = ServiceRequest.objects.filter(
        Q(team=team) | Q(assignee__in=members),
        status__in=ACTIVE_STATUSES,
    ).filter(Q(response_breached=True) | Q(resolution_breached=True))
    return {
        "team": team,
        "members": [(m, loads[m.pk]) for m in members],
        "unclaimed": ServiceRequest.objects.filter(
            team=team, status="open", assignee__isnull=True
        ).count(),
        "breached": breached.select_related("company", "assignee")[:50],
    }
