"""Objects of the victim company for the cross-tenant matrix (tests/portal/tenancy.py)."""

from datetime import timedelta

from django.utils import timezone

from portal.trials.models import (
    QuotaKind,
    QuotaUnit,
    Quote,
    QuoteLine,
    Trial,
    TrialAllocation,
    TrialPolicy,
    TrialState,
)


def _trial(victim) -> Trial:
    policy, _ = TrialPolicy.objects.get_or_create(product_code="ZEBRA-TRIAL")
    trial = Trial.objects.filter(company=victim.company).first()
    if trial is None:
        now = timezone.now()
        trial = Trial.objects.create(
            company=victim.company,
            policy=policy,
            product_code="ZEBRA-TRIAL",
            product_title="Zebra Secret Cloud",
            requested_by=victim.admin,
            use_case="Zebra Secret project",
            state=TrialState.ACTIVE,
            starts_at=now,
            ends_at=now + timedelta(days=30),
        )
        TrialAllocation.objects.create(
            trial=trial, kind=QuotaKind.SEATS, unit=QuotaUnit.SEATS, amount=5
        )
    return trial


def trial_kwargs(victim) -> dict:
    return {"trial_id": _trial(victim).pk}


def quote_kwargs(victim) -> dict:
    trial = _trial(victim)
    quote = Quote.objects.filter(trial=trial).first() or Quote.objects.create(
        number=f"Q-ZEBRA-{trial.pk}",
        company=victim.company,
        trial=trial,
        valid_until=timezone.localdate() + timedelta(days=30),
        company_name=victim.company.legal_name,
        created_by=victim.admin,
    )
    if not quote.lines.exists():
        QuoteLine.objects.create(
            quote=quote,
            product_code="ZEBRA-TRIAL",
            description="Zebra Secret seats",
            quantity=5,
            unit="seats",
            unit_price="10.00",
        )
    return {"quote_id": quote.pk}
