"""Reads of the trials app. Every customer-data query is narrowed by
`portal.companies.permissions.scope_queryset`."""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from portal.companies import permissions
from portal.companies.permissions import PortalPermission
from portal.trials.lifecycle import OPEN_STATES, RUNNING_STATES
from portal.trials.models import (
    Quote,
    QuoteStatus,
    Trial,
    TrialCredential,
    TrialPolicy,
    TrialState,
)

HIGH_USAGE_PERCENT = 70
CLOSE_TO_EXPIRY_DAYS = 7


def policy_for_product(*, product_code: str) -> TrialPolicy | None:
    """The trial policy of a product, with its quotas, or None when it has none."""
    return (
        TrialPolicy.objects.prefetch_related(
            "quotas", "eligible_segments", "auto_approve_segments"
        )
        .filter(product_code=product_code)
        .first()
    )


def trial_list_for_user(*, user) -> QuerySet[Trial]:
    """The trials the user may see, with what the trials page shows, newest first;
    a fixed number of queries for any number of trials."""
    live_credentials = TrialCredential.objects.filter(revoked_at__isnull=True)
    return (
        permissions.scope_queryset(
            user, Trial.objects.all(), perm=PortalPermission.VIEW_TRIALS
        )
        .select_related("company", "policy", "quote")
        .prefetch_related(
            "allocations",
            Prefetch(
                "credentials", queryset=live_credentials, to_attr="live_credentials"
            ),
            "notices",
        )
        .order_by("-created_at", "-pk")
    )


def trial_for_user(
    *, user, trial_id: int, perm=PortalPermission.VIEW_TRIALS
) -> Trial | None:
    """One trial if the user may see it with `perm`, else None."""
    return (
        permissions.scope_queryset(user, Trial.objects.all(), perm=perm)
        .select_related("company", "policy")
        .filter(pk=trial_id)
        .first()
    )


def quote_for_user(
    *, user, quote_id: int, perm=PortalPermission.VIEW_TRIALS
) -> Quote | None:
    """One quote if the user may see it, with its lines and order."""
    return (
        permissions.scope_queryset(user, Quote.objects.all(), perm=perm)
        .select_related("company", "trial")
        .prefetch_related("lines")
        .filter(pk=quote_id)
        .first()
    )


def quote_total(*, quote: Quote) -> dict:
    """Monthly list total, discount and net total of a quote."""
    subtotal = sum(
        (line.quantity * line.unit_price for line in quote.lines.all()), Decimal(0)
    )
    discount = (subtotal * quote.discount_percent / 100).quantize(Decimal("0.01"))
    net = subtotal - discount
    return {
        "subtotal": subtotal,
        "discount": discount,
        "net_monthly": net,
        "contract_total": net * quote.contract_months,
    }


def company_trial_counts(
    *, company_id: int, product_code: str, since
) -> tuple[int, int]:
    """(open trials of the company, trials of this product since `since`)."""
    counts = Trial.objects.filter(company_id=company_id).aggregate(
        open=Count("pk", filter=Q(state__in=OPEN_STATES)),
        product=Count(
            "pk",
            filter=Q(product_code=product_code, created_at__gte=since)
            & ~Q(state__in=[TrialState.REJECTED, TrialState.CANCELLED]),
        ),
    )
    return counts["open"], counts["product"]


def manager_dashboard(*, user) -> dict:
    """What an account manager follows: approvals, trials ending soon, heavy users and
    conversion rates per product and segment, for the companies they may see."""
    trials = permissions.scope_queryset(
        user, Trial.objects.all(), perm=PortalPermission.VIEW_TRIALS
    ).select_related("company", "company__segment")
    now = timezone.now()
    pending = list(
        trials.filter(
            Q(state=TrialState.REQUESTED)
            | Q(state__in=RUNNING_STATES, extension_state="requested")
        ).order_by("created_at")
    )
    ending = list(
        trials.filter(
            state__in=RUNNING_STATES,
            ends_at__lte=now + timedelta(days=CLOSE_TO_EXPIRY_DAYS),
        ).order_by("ends_at")
    )
    running = trials.filter(state__in=RUNNING_STATES).prefetch_related("allocations")
    high_usage = [
        trial
        for trial in running
        if any(a.used_percent >= HIGH_USAGE_PERCENT for a in trial.allocations.all())
    ]
    rates = (
        trials.exclude(state__in=[TrialState.REQUESTED, TrialState.REJECTED])
        .values("product_code", "company__segment__name")
        .annotate(
            total=Count("pk"),
            converted=Count("pk", filter=Q(state=TrialState.CONVERTED)),
        )
        .order_by("product_code", "company__segment__name")
    )
    conversion = [
        {
            "product_code": row["product_code"],
            "segment": row["company__segment__name"],
            "total": row["total"],
            "converted": row["converted"],
            "percent": round(row["converted"] * 100 / row["total"])
            if row["total"]
            else 0,
        }
        for row in rates
    ]
    quotes = (
        permissions.scope_queryset(
            user, Quote.objects.all(), perm=PortalPermission.VIEW_TRIALS
        )
        .filter(status=QuoteStatus.OFFERED)
        .select_related("company")
    )
    return {
        "pending": pending,
        "ending": ending,
        "high_usage": high_usage,
        "conversion": conversion,
        "open_quotes": list(quotes),
    }
