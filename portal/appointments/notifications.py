"""Telling people about appointments: in-portal notifications and e-mail invitations.

Every e-mail carries the calendar event as an .ics attachment (`ics.py`): a booking
or a move is METHOD:REQUEST, a cancellation METHOD:CANCEL. Texts come from the
translation catalogue; each reader gets their preferred language first and the
other one below, like the request notifications of `portal.support`.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.appointments import ics
from portal.appointments.models import Appointment
from portal.companies import permissions
from portal.support.models import Notification

BOOKED, PROPOSED = "booked", "proposed"
RESCHEDULED, CANCELLED = "rescheduled", "cancelled"
UPDATED = "updated"  # details changed, same time (the video link)
LANGUAGES = ("en", "zh-hans")


def _language(user) -> str:
    return "zh-hans" if (user.preferred_language or "").startswith("zh") else "en"


def when_label(appointment: Appointment) -> str:
    """Start and end in the appointment's own time zone, e.g. for e-mails."""
    zone = ZoneInfo(appointment.time_zone)
    start = appointment.starts_at.astimezone(zone)
    end = appointment.ends_at.astimezone(zone)
    return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M} ({appointment.time_zone})"


def headline(appointment: Appointment, event: str) -> str:
    """One sentence saying what happened, in the active language."""
    values = {
        "company": appointment.company.legal_name,
        "kind": appointment.get_kind_display(),
        "ref": appointment.reference,
        "when": when_label(appointment),
    }
    if event == RESCHEDULED:
        return _("%(company)s: %(kind)s %(ref)s is moved to %(when)s.") % values
    if event == CANCELLED:
        return _("%(company)s: %(kind)s %(ref)s on %(when)s is cancelled.") % values
    if event == UPDATED:
        if appointment.video_link:
            return _(
                "%(company)s: %(kind)s %(ref)s on %(when)s is joined by video: %(link)s"
            ) % {**values, "link": appointment.video_link}
        return (
            _("%(company)s: %(kind)s %(ref)s on %(when)s no longer has a video link.")
            % values
        )
    if event == PROPOSED:
        return (
            _(
                "%(company)s: your account manager proposes %(kind)s %(ref)s on "
                "%(when)s; accept it or choose another time in the portal."
            )
            % values
        )
    return _("%(company)s: %(kind)s %(ref)s is booked for %(when)s.") % values


def _recipients(appointment: Appointment, actor) -> list:
    people = [appointment.requester, appointment.account_manager]
    if actor is not None and permissions.membership_for(actor) is not None:
        people.append(actor)
    unique = {person.pk: person for person in people if person is not None}
    return list(unique.values())


def _url_for(appointment: Appointment, user) -> str:
    if user.pk == appointment.account_manager_id:
        return reverse("appointments:work")
    return appointment.get_absolute_url()


def appointment_notify(*, appointment: Appointment, event: str, actor) -> None:
    """Notify in the portal everyone involved but the actor, and e-mail everyone the
    invitation once the transaction commits."""
    for user in _recipients(appointment, actor):
        if actor is not None and user.pk == actor.pk:
            continue
        with translation.override(_language(user)):
            url = _url_for(appointment, user)
            Notification.objects.create(
                user=user,
                request=appointment.service_request,
                kind=f"appointment_{event}",
                message=headline(appointment, event)[:300],
                url=url,
            )
    # Bind the values now: the e-mail describes this change, not a later one.
    args = (
        appointment.pk,
        event,
        appointment.sequence,
        actor.pk if actor is not None else None,
    )
    transaction.on_commit(lambda: _enqueue(*args), robust=True)


def _enqueue(appointment_id: int, event: str, sequence: int, actor_id) -> None:
    from portal.appointments.tasks import send_appointment_email

    send_appointment_email.enqueue(appointment_id, event, sequence, actor_id)


def calendar_event(appointment: Appointment, *, link: str) -> ics.CalendarEvent:
    """The appointment as a calendar event, texts in the active language."""
    manager, requester = appointment.account_manager, appointment.requester
    summary = f"{appointment.get_kind_display()} · {appointment.company.legal_name}"
    if appointment.product_id:
        summary += f" · {appointment.product.title}"
    description = "\n".join(
        part
        for part in (
            f"{appointment.reference}: {appointment.get_kind_display()}",
            appointment.notes,
            link,
        )
        if part
    )
    return ics.CalendarEvent(
        uid=appointment.uid,
        sequence=appointment.sequence,
        starts_at=appointment.starts_at,
        ends_at=appointment.ends_at,
        summary=summary,
        description=description,
        location=appointment.location or appointment.video_link,
        url=appointment.video_link,
        organizer=ics.Person(name=str(manager), email=manager.email),
        attendees=(ics.Person(name=str(requester), email=requester.email),),
        cancelled=appointment.status == "cancelled",
        tentative=appointment.status == "proposed",
    )


def invitation_text(appointment: Appointment, *, method: str, link: str = "") -> str:
    """The .ics text of the appointment as it is now (also served for download)."""
    link = link or _absolute(appointment.get_absolute_url())
    return ics.calendar_text(
        calendar_event(appointment, link=link), method=method, stamp=timezone.now()
    )


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _body(appointment: Appointment, event: str, *, link: str) -> str:
    return render_to_string(
        "appointments/email/appointment.txt",
        {
            "headline": headline(appointment, event),
            "appointment": appointment,
            "when": when_label(appointment),
            "link": link,
        },
    )


def appointment_email_send(
    *, appointment_id: int, event: str, sequence: int, actor_id: int | None = None
) -> int:
    """E-mail the invitation of one change to everyone involved; returns how many.

    A change that a later one has superseded (the sequence moved on) is not sent:
    the later e-mail tells the attendees the current state.
    """
    appointment = (
        Appointment.objects.select_related(
            "company", "requester", "account_manager", "product", "site"
        )
        .filter(pk=appointment_id)
        .first()
    )
    if appointment is None or appointment.sequence != sequence:
        return 0
    actor = None
    if actor_id is not None:
        from django.contrib.auth import get_user_model

        actor = get_user_model().objects.filter(pk=actor_id).first()
    method = ics.METHOD_CANCEL if event == CANCELLED else ics.METHOD_REQUEST
    sent = 0
    for user in _recipients(appointment, actor):
        if not user.email:
            continue
        primary = _language(user)
        with translation.override(primary):
            link = _absolute(_url_for(appointment, user))
        texts = {}
        for language in LANGUAGES:
            with translation.override(language):
                texts[language] = _body(appointment, event, link=link)
        secondary = next(code for code in LANGUAGES if code != primary)
        with translation.override(primary):
            subject = headline(appointment, event)[:150]
            invitation = invitation_text(appointment, method=method, link=link)
        message = EmailMessage(
            subject=subject,
            body=f"{texts[primary]}\n--\n{texts[secondary]}",
            to=[user.email],
        )
        message.attach(
            f"{appointment.reference}.ics",
            invitation,
            f"text/calendar; method={method}; charset=UTF-8",
        )
        message.send()
        sent += 1
    return sent
