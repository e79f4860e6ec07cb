"""Background jobs of the trials app: the periodic sweep and exactly-once expiry."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from portal.trials import services

SWEEP_INTERVAL = timedelta(minutes=5)


@task()
def expire_trial(trial_id: int) -> bool:
    """End one trial whose time is up (a no-op if it already ended or was extended)."""
    return services.trial_expire(trial_id=trial_id)


@task()
def sweep_trials() -> dict:
    """Reminders and expiries; re-queues itself so the worker runs it periodically."""
    counts = services.trial_sweep()
    schedule_sweep()
    return counts


def schedule_sweep() -> bool:
    """Queue the next sweep unless one is already waiting (needs a deferring backend)."""
    backend = sweep_trials.get_backend()
    if not backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=sweep_trials.module_path, status="READY"
    ).exists()
    if waiting:
        return False
    sweep_trials.using(run_after=timezone.now() + SWEEP_INTERVAL).enqueue()
    return True
