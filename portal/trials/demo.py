"""Demo trial policies for every product the demo offers a trial of, and a few trials.

Called by `manage.py seed_demo`; idempotent.
"""

from decimal import Decimal

from django.db import transaction

from cms.demo import content
from portal.companies.models import Company
from portal.taxonomy.models import Segment
from portal.trials.models import (
    QuotaKind,
    QuotaUnit,
    Trial,
    TrialAllocation,
    TrialPolicy,
    TrialQuota,
)

K, U = QuotaKind, QuotaUnit
# (kind, unit, offered, approved automatically up to, maximum, list price per month)
QUOTAS_BY_FAMILY = {
    "mobile": [
        (K.SIM_CARDS, U.PIECES, 5, 5, 20, "88"),
        (K.DATA_PER_SIM, U.GB, 10, 10, 50, "2"),
    ],
    "cloud": [
        (K.STORAGE, U.GB, 500, 500, 2000, "0.20"),
        (K.SEATS, U.SEATS, 10, 10, 50, "15"),
    ],
    "connectivity": [
        (K.LEASED_LINES, U.LINES, 1, 1, 2, "500"),
        (K.BANDWIDTH, U.MBIT_S, 100, 100, 1000, "3"),
    ],
    "iot": [(K.SIM_CARDS, U.PIECES, 10, 10, 50, "12")],
    "security": [(K.BANDWIDTH, U.MBIT_S, 100, 100, 1000, "4")],
    "uc": [(K.SEATS, U.SEATS, 10, 10, 100, "25")],
}


def seed_trial_policies() -> list[TrialPolicy]:
    """One policy per demo product with a trial: SMEs auto-approved, others by the AM."""
    policies = []
    sme = Segment.objects.filter(code="sme")
    for product in content.PRODUCTS:
        if not product.get("trial"):
            continue
        days = product["trial"][0]
        policy, _ = TrialPolicy.objects.update_or_create(
            product_code=product["code"], defaults={"duration_days": days}
        )
        policy.eligible_segments.set(
            Segment.objects.filter(code__in=product["segments"])
        )
        policy.auto_approve_segments.set(sme)
        for kind, unit, offered, auto, most, price in QUOTAS_BY_FAMILY[
            product["family"]
        ]:
            TrialQuota.objects.update_or_create(
                policy=policy,
                kind=kind,
                defaults={
                    "unit": unit,
                    "default_amount": offered,
                    "auto_approve_limit": auto,
                    "max_amount": most,
                    "list_price": Decimal(price),
                },
            )
        policies.append(policy)
    return policies


def seed_trials() -> None:
    """Policies, plus an SME trial with high usage for the account manager's view."""
    from portal.trials import services

    with transaction.atomic():
        seed_trial_policies()
        company = Company.objects.filter(legal_name__startswith="Harbour Tea").first()
        if company is None or Trial.objects.filter(company=company).exists():
            return
        admin = company.memberships.filter(tier="admin").select_related("user").first()
        if admin is None:
            return
        result = services.trial_request(
            user=admin.user,
            product_code="CLOUD-BACKUP",
            requested={"storage": 500, "seats": 10},
            use_case="Nightly backup of the tills and the booking system.",
        )
        TrialAllocation.objects.filter(trial=result.trial, kind=K.STORAGE).update(
            used=Decimal("410")
        )
