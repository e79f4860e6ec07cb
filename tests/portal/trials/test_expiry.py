"""Reminders 7 and 1 days before the end, and expiry exactly once, with time-machine."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from portal.trials import services
from portal.trials.models import Trial, TrialState
from tests.portal.trials.conftest import REQUEST

pytestmark = pytest.mark.django_db


@pytest.fixture
def trial(trial_policy, sme_admin):
    trial = services.trial_request(
        user=sme_admin, product_code="CLOUD-DRIVE", requested=REQUEST, use_case="x"
    ).trial
    # The sweep is global: keep the demo seed's trials out of the counts.
    Trial.objects.exclude(pk=trial.pk).delete()
    return trial


def test_reminders_then_expiry_once(trial, django_capture_on_commit_callbacks):
    start = trial.starts_at
    with time_machine.travel(start + timedelta(days=10), tick=False):
        assert services.trial_sweep() == {
            "reminder_7": 0,
            "reminder_1": 0,
            "expiry_queued": 0,
        }
    with time_machine.travel(start + timedelta(days=23, hours=1), tick=False):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            assert services.trial_sweep()["reminder_7"] == 1
            assert services.trial_sweep()["reminder_7"] == 0
        trial.refresh_from_db()
        assert trial.state == TrialState.EXPIRING
        assert len(mail.outbox) == 1 and "ends on" in mail.outbox[0].body
        assert trial.notices.filter(kind="reminder_7").count() == 1
    with time_machine.travel(start + timedelta(days=29, hours=1), tick=False):
        assert services.trial_sweep()["reminder_1"] == 1
        assert services.trial_sweep()["reminder_1"] == 0
        assert trial.notices.filter(kind="reminder_1").count() == 1
    with time_machine.travel(start + timedelta(days=30, minutes=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            assert services.trial_sweep()["expiry_queued"] == 1
            assert services.trial_sweep()["expiry_queued"] == 0
        assert len(callbacks) >= 1
        trial.refresh_from_db()
        assert trial.state == TrialState.EXPIRED
        assert not trial.credentials.filter(revoked_at__isnull=True).exists()
        # A second expiry attempt (a duplicate task) changes nothing.
        assert services.trial_expire(trial_id=trial.pk) is False
        assert trial.notices.filter(kind="expired").count() == 1
        assert trial.provisioning.filter(action="revoke").count() == 1


def test_extension_while_expiring_makes_the_trial_active_again(trial, sme_admin):
    with time_machine.travel(trial.starts_at + timedelta(days=24), tick=False):
        services.trial_sweep()
        trial.refresh_from_db()
        assert trial.state == TrialState.EXPIRING
        trial = services.trial_extension_request(
            trial_id=trial.pk, user=sme_admin, reason=""
        )
        assert trial.state == TrialState.ACTIVE
        assert trial.reminder_7_sent_at is None


def test_expiry_is_skipped_when_the_trial_was_extended_after_queueing(trial):
    trial.ends_at = timezone.now() + timedelta(days=3)
    trial.save()
    assert services.trial_expire(trial_id=trial.pk) is False
    trial.refresh_from_db()
    assert trial.state == TrialState.ACTIVE
