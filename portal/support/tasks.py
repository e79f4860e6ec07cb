"""Background work of service requests, run by the task worker."""

from django_tasks import task

from portal.support import timers
from portal.support.notifications import notification_email_send


@task()
def send_notification_email(notification_id: int) -> None:
    """E-mail one in-portal notification to its reader."""
    notification_email_send(notification_id=notification_id)


@task()
def fire_sla_timer(timer_id: int) -> None:
    """Fire one SLA timer when it falls due; firing twice is a no-op."""
    timers.timer_fire(timer_id=timer_id)


@task()
def sla_sweep() -> int:
    """Fire every SLA timer that is due: the safety net behind deferred tasks."""
    return timers.timers_sweep()
