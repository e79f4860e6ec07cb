"""Trial services end to end against the database: request, decide, run, convert."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from portal.companies.models import MemberTier
from portal.trials import services
from portal.trials.lifecycle import TransitionNotAllowed
from portal.trials.models import (
    ExtensionState,
    ProvisioningRecord,
    QuoteStatus,
    Trial,
    TrialState,
)
from tests.portal.companies.factories import member
from tests.portal.trials.conftest import REQUEST

pytestmark = pytest.mark.django_db


def start(user, requested=REQUEST):
    return services.trial_request(
        user=user,
        product_code="CLOUD-DRIVE",
        requested=requested,
        use_case="Team files",
    )


def test_sme_trial_is_approved_and_provisioned_at_once(trial_policy, sme_admin):
    result = start(sme_admin)
    trial = result.trial
    assert trial.state == TrialState.ACTIVE
    assert trial.product_title == "Cloud Drive"
    assert trial.ends_at - trial.starts_at == timedelta(days=30)
    credential = trial.credentials.get()
    assert result.issued.secret and result.issued.secret not in credential.secret_hash
    assert credential.secret_hash.startswith(
        "md5$"
    )  # hashed with the configured hasher
    assert "/trials/activate/" in result.issued.activation_url
    assert ProvisioningRecord.objects.filter(trial=trial, action="provision").exists()
    assert {a.kind: a.amount for a in trial.allocations.all()} == REQUEST


def test_government_trial_waits_for_the_account_manager(
    trial_policy, gov_admin, account_manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = start(gov_admin)
    assert result.trial.state == TrialState.REQUESTED
    assert result.issued is None
    assert not result.trial.credentials.exists()
    assert any(account_manager.email in m.to for m in mail.outbox)
    trial = services.trial_approve(trial_id=result.trial.pk, actor=account_manager)
    assert trial.state == TrialState.ACTIVE
    assert trial.credentials.filter(revoked_at__isnull=True).count() == 1


def test_sme_above_standard_quota_needs_approval(trial_policy, sme_admin):
    result = start(sme_admin, {"seats": 20, "storage": 100})
    assert result.trial.state == TrialState.REQUESTED
    assert "seats" in result.trial.approval_reason


def test_refusal_stores_nothing(trial_policy, sme_admin):
    start(sme_admin)
    with pytest.raises(services.TrialError, match="12 months"):
        start(sme_admin)
    assert Trial.objects.filter(company=sme_admin.membership.company).count() == 1


def test_pending_company_and_viewer_cannot_start(trial_policy, sme, pending_company):
    for user in (
        member(pending_company, MemberTier.ADMIN),
        member(sme, MemberTier.VIEWER),
    ):
        with pytest.raises(PermissionDenied):
            start(user)


def test_reject_needs_a_reason_and_another_manager_cannot_decide(
    trial_policy, gov_admin, account_manager
):
    from portal.companies.models import StaffGroup
    from tests.portal.companies.factories import staff

    trial = start(gov_admin).trial
    with pytest.raises(PermissionDenied):
        services.trial_approve(
            trial_id=trial.pk, actor=staff(StaffGroup.ACCOUNT_MANAGERS)
        )
    with pytest.raises(services.TrialError):
        services.trial_reject(trial_id=trial.pk, actor=account_manager, reason=" ")
    trial = services.trial_reject(
        trial_id=trial.pk, actor=account_manager, reason="No budget line"
    )
    assert (
        trial.state == TrialState.REJECTED and trial.decision_note == "No budget line"
    )
    with pytest.raises(TransitionNotAllowed):
        services.trial_approve(trial_id=trial.pk, actor=account_manager)


def test_reissue_only_for_tiers_with_view_credentials(
    trial_policy, sme, sme_admin, account_manager
):
    trial = start(sme_admin).trial
    for user in (
        member(sme, MemberTier.VIEWER),
        member(sme, MemberTier.BILLING),
        account_manager,
    ):
        with pytest.raises(PermissionDenied):
            services.trial_credentials_reissue(trial_id=trial.pk, user=user)
    operator = member(sme, MemberTier.OPERATOR)
    issued = services.trial_credentials_reissue(trial_id=trial.pk, user=operator)
    assert trial.credentials.filter(revoked_at__isnull=True).get() == issued.credential
    assert trial.credentials.count() == 2


def test_extension_once_and_cancel_revokes(trial_policy, sme_admin):
    trial = start(sme_admin).trial
    ends = trial.ends_at
    trial = services.trial_extension_request(
        trial_id=trial.pk, user=sme_admin, reason=""
    )
    assert trial.extension_state == ExtensionState.GRANTED
    assert trial.ends_at == ends + timedelta(days=14)
    with pytest.raises(services.TrialError, match="already"):
        services.trial_extension_request(trial_id=trial.pk, user=sme_admin, reason="")
    services.trial_cancel(trial_id=trial.pk, user=sme_admin)
    assert not trial.credentials.filter(revoked_at__isnull=True).exists()


def test_government_extension_is_decided_by_the_manager(
    trial_policy, gov_admin, account_manager
):
    trial = start(gov_admin).trial
    services.trial_approve(trial_id=trial.pk, actor=account_manager)
    trial = services.trial_extension_request(
        trial_id=trial.pk, user=gov_admin, reason="Pilot"
    )
    assert trial.extension_state == ExtensionState.REQUESTED
    trial = services.trial_extension_decide(
        trial_id=trial.pk, actor=account_manager, grant=True
    )
    assert trial.extension_state == ExtensionState.GRANTED


def test_convert_quote_discount_accept_order(trial_policy, sme_admin, account_manager):
    trial = start(sme_admin).trial
    quote = services.trial_convert(
        trial_id=trial.pk, user=sme_admin, quantities={"seats": 20, "storage": 500}
    )
    trial.refresh_from_db()
    assert trial.state == TrialState.CONVERTED
    assert quote.company_name == "小微科技 Tiny Tech"
    services.quote_set_discount(
        quote_id=quote.pk, actor=account_manager, percent=Decimal(10)
    )
    with pytest.raises(PermissionDenied):
        services.quote_set_discount(
            quote_id=quote.pk, actor=sme_admin, percent=Decimal(50)
        )
    mail.outbox.clear()
    order = services.quote_accept(quote_id=quote.pk, user=sme_admin)
    # (20 x 30 + 500 x 0.50) = 850 per month, minus 10 %.
    assert order.total_monthly == Decimal("765.00")
    assert order.back_office_reference == f"BO-{order.number}"
    assert "765.00" in mail.outbox[0].body
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.ACCEPTED
    with pytest.raises(services.TrialError):
        services.quote_accept(quote_id=quote.pk, user=sme_admin)


def test_expired_quote_cannot_be_accepted(trial_policy, sme_admin):
    trial = start(sme_admin).trial
    quote = services.trial_convert(
        trial_id=trial.pk, user=sme_admin, quantities=REQUEST
    )
    quote.valid_until = timezone.localdate() - timedelta(days=1)
    quote.save()
    with pytest.raises(services.TrialError, match="expired"):
        services.quote_accept(quote_id=quote.pk, user=sme_admin)


def test_usage_import_command(trial_policy, sme_admin, tmp_path):
    from django.core.management import call_command

    trial = start(sme_admin).trial
    login = trial.credentials.get().login
    csv_file = tmp_path / "usage.csv"
    csv_file.write_text(
        f"login,kind,used\n{login},storage,37.5\n{login},sims,3\nnobody,seats,1\n"
    )
    call_command("import_trial_usage", str(csv_file))
    storage = trial.allocations.get(kind="storage")
    assert storage.used == Decimal("37.50") and storage.used_percent == 75
    assert ProvisioningRecord.objects.filter(trial=trial, action="usage").count() == 1
