"""Background work of appointments, run by the task worker."""

from django_tasks import task

from portal.appointments.notifications import appointment_email_send


@task()
def send_appointment_email(
    appointment_id: int, event: str, sequence: int, actor_id: int | None = None
) -> int:
    """E-mail the invitation (.ics) of one appointment change to everyone involved."""
    return appointment_email_send(
        appointment_id=appointment_id,
        event=event,
        sequence=sequence,
        actor_id=actor_id,
    )
