"""The operator report of service requests: self-service, SLA compliance, CSAT."""

from __future__ import annotations

from collections import defaultdict
from statistics import median

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from portal.support.models import SelfServedAttempt, ServiceRequest
from portal.support.routing import Handling


def _ratio(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def report_build(*, since=None) -> dict:
    """Figures for the operator report, optionally from a date on (one pass each)."""
    requests = ServiceRequest.objects.all()
    attempts = SelfServedAttempt.objects.all()
    if since is not None:
        requests = requests.filter(created_at__gte=since)
        attempts = attempts.filter(created_at__gte=since)

    by_handling = {
        "self_served": attempts.count(),
        "accepted": requests.filter(handling=Handling.SELF_SERVICE).count(),
        "routed": requests.filter(handling=Handling.ACCOUNT_MANAGER).count(),
    }

    months: dict[tuple, dict] = defaultdict(lambda: {"self": 0, "routed": 0})
    for row in (
        requests.annotate(month=TruncMonth("created_at"))
        .values("month", "company__segment_id", "handling")
        .annotate(n=Count("id"))
    ):
        key = (row["month"], row["company__segment_id"])
        bucket = "self" if row["handling"] == Handling.SELF_SERVICE else "routed"
        months[key][bucket] += row["n"]
    for row in (
        attempts.annotate(month=TruncMonth("created_at"))
        .values("month", "company__segment_id")
        .annotate(n=Count("id"))
    ):
        months[(row["month"], row["company__segment_id"])]["self"] += row["n"]
    ratio_rows = [
        {
            "month": month,
            "segment": segment,
            "self": v["self"],
            "routed": v["routed"],
            "ratio": _ratio(v["self"], v["self"] + v["routed"]),
        }
        for (month, segment), v in sorted(
            months.items(), key=lambda kv: (kv[0][0], kv[0][1])
        )
    ]

    routed = requests.filter(handling=Handling.ACCOUNT_MANAGER)
    compliance = []
    # A target counts once its outcome is known: met (answered or resolved in
    # time) or missed, and a breach counts as missed before anyone has answered.
    for group, label in (("company__segment_id", "segment"), ("team__name", "team")):
        for row in routed.values(group).annotate(
            responded=Count(
                "id",
                filter=Q(first_responded_at__isnull=False) | Q(response_breached=True),
            ),
            response_ok=Count(
                "id",
                filter=Q(first_responded_at__isnull=False, response_breached=False),
            ),
            resolved=Count(
                "id", filter=Q(resolved_at__isnull=False) | Q(resolution_breached=True)
            ),
            resolution_ok=Count(
                "id", filter=Q(resolved_at__isnull=False, resolution_breached=False)
            ),
        ):
            compliance.append(
                {
                    "by": label,
                    "name": row[group] or "—",
                    "first_response": _ratio(row["response_ok"], row["responded"]),
                    "resolution": _ratio(row["resolution_ok"], row["resolved"]),
                }
            )

    response_minutes, resolution_minutes = [], []
    for created, responded, resolved in routed.filter(
        first_responded_at__isnull=False
    ).values_list("created_at", "first_responded_at", "resolved_at")[:20000]:
        response_minutes.append((responded - created).total_seconds() / 60)
        if resolved:
            resolution_minutes.append((resolved - created).total_seconds() / 60)

    rated = requests.filter(rating__isnull=False)
    ratings = rated.aggregate(n=Count("id"), happy=Count("id", filter=Q(rating__gte=4)))
    return {
        "by_handling": by_handling,
        "self_service_ratio": _ratio(
            by_handling["self_served"] + by_handling["accepted"],
            sum(by_handling.values()),
        ),
        "ratio_rows": ratio_rows,
        "compliance": compliance,
        "median_response_minutes": round(median(response_minutes))
        if response_minutes
        else None,
        "median_resolution_minutes": round(median(resolution_minutes))
        if resolution_minutes
        else None,
        "csat_count": ratings["n"],
        "csat_percent": _ratio(ratings["happy"], ratings["n"]),
        "average_rating": round(
            sum(rated.values_list("rating", flat=True)) / ratings["n"], 2
        )
        if ratings["n"]
        else None,
    }
