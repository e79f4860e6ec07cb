"""Reads of service requests, always narrowed by `portal.companies.permissions`."""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from portal.companies import permissions
from portal.companies.models import Team
from portal.companies.permissions import PortalPermission
from portal.support.models import (
    ACTIVE_STATUSES,
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
    ).order_by("-created_at")


def is_request_staff(user) -> bool:
    """Account managers, team leads and operator admins work on requests."""
    return (
        permissions.is_account_manager(user)
        or permissions.is_team_lead(user)
        or permissions.is_operator_admin(user)
    )


def request_list_for_staff(*, user) -> QuerySet[ServiceRequest]:
    """Requests a staff member may work on: their companies' (via the permission
    module), those assigned to them, and those in the queues of their teams."""
    if not is_request_staff(user):
        return ServiceRequest.objects.none()
    base = ServiceRequest.objects.select_related(
        "company", "request_type", "assignee", "team"
    )
    if permissions.is_operator_admin(user):
        return base
    team_ids = list(
        Team.objects.filter(Q(members=user.pk) | Q(lead_id=user.pk)).values_list(
            "pk", flat=True
        )
    )
    # No joins and no DISTINCT: the company rule is a subquery of the permission
    # module, the queues are a short list of ids.
    visible = permissions.scope_queryset(
        user, base, perm=PortalPermission.VIEW_REQUESTS
    )
    return visible | base.filter(Q(assignee_id=user.pk) | Q(team_id__in=team_ids))


PRIORITY_ORDER = Case(
    When(priority="urgent", then=Value(0)),
    When(priority="high", then=Value(1)),
    When(priority="normal", then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def work_queue(*, user, filters: dict | None = None) -> QuerySet[ServiceRequest]:
    """The manager's queue: active requests ordered by SLA urgency, then priority."""
    filters = filters or {}
    queryset = request_list_for_staff(user=user).filter(status__in=ACTIVE_STATUSES)
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
    return queryset.annotate(priority_rank=PRIORITY_ORDER).order_by(
        "first_response_due_at" if filters.get("by_response") else "resolution_due_at",
        "priority_rank",
        "created_at",
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
