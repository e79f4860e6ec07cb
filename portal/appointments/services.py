"""Writes of appointments: book, reschedule, cancel and complete.

Each service runs in one transaction, checks the permission module, and only then
changes anything. Booking and moving lock the account manager's user row, re-read
the free slots under that lock and then insert: two customers picking the same
slot at once get one appointment and one "just taken" message; the unique
constraint on (manager, start) backs this up in the database.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.appointments import selectors
from portal.appointments.models import (
    ACTIVE_STATUSES,
    MAX_NOTES,
    Appointment,
    AppointmentKind,
    AppointmentStatus,
)
from portal.appointments.notifications import (
    BOOKED,
    CANCELLED,
    PROPOSED,
    RESCHEDULED,
    UPDATED,
    appointment_notify,
)
from portal.appointments.slots import Slot, parse_key
from portal.companies import permissions
from portal.companies.audit import audit_record
from portal.companies.models import CompanySite
from portal.companies.permissions import PortalPermission
from portal.support import selectors as request_selectors
from portal.support.models import ServiceRequest


def _free_slot(
    *, company, manager_id: int, kind: str, key: str, ignore=None
) -> tuple[Slot, str]:
    """The proposed slot `key` names, checked against the manager's diary now, and
    the time zone it was proposed in."""
    start = parse_key(key)
    if start is None:
        raise ValidationError({"slot": _("Choose one of the proposed times.")})
    slots, zone = selectors.proposed_slots(
        company=company, manager_id=manager_id, kind=kind, ignore=ignore
    )
    for slot in slots:
        if slot.starts_at == start:
            return slot, zone
    raise ValidationError(
        {
            "slot": _(
                "This time is no longer free. Choose another of the proposed times."
            )
        }
    )


def _lock_manager(manager_id: int) -> None:
    # One booking at a time per manager: the slot check and the insert happen
    # while no one else can book this manager.
    get_user_model().objects.select_for_update().filter(pk=manager_id).first()


def _insert(appointment: Appointment, *, fields=None) -> None:
    try:
        with transaction.atomic():
            appointment.save(update_fields=fields)
    except IntegrityError as error:
        raise ValidationError(
            {
                "slot": _(
                    "Someone has just booked this time. "
                    "Choose another of the proposed times."
                )
            }
        ) from error


def _location(site: CompanySite | None) -> str:
    if site is None:
        return ""
    return ", ".join(part for part in (site.name, site.address.strip()) if part)[:300]


def _check_notes(notes: str) -> None:
    if len(notes or "") > MAX_NOTES:
        raise ValidationError({"notes": _("Keep the notes under 2,000 characters.")})


def _handles(user, appointment: Appointment) -> bool:
    """Is `user` the staff member who handles this appointment (the permission
    module's rule, asked for the appointment's company and manager)?"""
    return permissions.can_handle_appointment(
        user,
        company=appointment.company,
        account_manager_id=appointment.account_manager_id,
    )


def _clean_video_link(video_link: str) -> str:
    """An https:// address or nothing: the link is shown and sent to customers."""
    video_link = (video_link or "").strip()
    limit = Appointment._meta.get_field("video_link").max_length
    if len(video_link) > limit:
        raise ValidationError(
            {
                "video_link": _("The video link is longer than %(limit)d characters.")
                % {"limit": limit}
            }
        )
    if video_link:
        try:
            URLValidator(schemes=["https"])(video_link)
        except ValidationError as error:
            raise ValidationError(
                {"video_link": _("Give the video link as an https:// address.")}
            ) from error
    return video_link


def _check_details(*, company, kind: str, site, product):
    """What every new appointment needs; returns the product it keeps (demos only)."""
    if kind not in AppointmentKind.values:
        raise ValidationError({"kind": _("Choose what the appointment is for.")})
    if company.account_manager_id is None:
        raise ValidationError(
            _(
                "Your company has no account manager yet. Appointments open once "
                "one is assigned."
            )
        )
    if site is not None and site.company_id != company.pk:
        raise ValidationError({"site": _("Choose one of the company's sites.")})
    if site is None and kind == AppointmentKind.SITE_SURVEY:
        raise ValidationError({"site": _("Choose the site the appointment is at.")})
    if kind != AppointmentKind.LIVE_DEMO:
        return None
    if product is None:
        raise ValidationError({"product": _("Choose the product to see in the demo.")})
    if not product.live:
        raise ValidationError({"product": _("This product is no longer offered.")})
    return product


def appointment_book(
    *,
    user,
    kind: str,
    slot_key: str,
    site: CompanySite | None = None,
    product=None,
    service_request: ServiceRequest | None = None,
    notes: str = "",
) -> Appointment:
    """A member books a proposed slot with the company's account manager.

    Site surveys need a site, live demos a product; scoped members always name one
    of their sites, as they see only appointments at their sites.
    """
    membership = permissions.membership_for(user)
    if membership is None:
        raise PermissionDenied(_("Only members of a company can book appointments."))
    company = membership.company
    if not permissions.has_permission(
        user, PortalPermission.BOOK_APPOINTMENTS, company=company, site=site
    ):
        raise PermissionDenied(
            _("Your role does not allow booking appointments here; ask your admin.")
        )
    if site is None and permissions.scoped_site_ids(user) is not None:
        raise ValidationError({"site": _("Choose the site the appointment is at.")})
    product = _check_details(company=company, kind=kind, site=site, product=product)
    _check_notes(notes)
    if (
        service_request is not None
        and not request_selectors.request_list_for_customer(user=user)
        .filter(pk=service_request.pk)
        .exists()
    ):
        raise ValidationError(
            {"service_request": _("Choose one of your company's requests.")}
        )
    return _hold_slot(
        company=company,
        requester=user,
        actor=user,
        kind=kind,
        slot_key=slot_key,
        status=AppointmentStatus.BOOKED,
        action="appointment.booked",
        event=BOOKED,
        site=site,
        product=product,
        service_request=service_request,
        notes=notes,
    )


def appointment_propose(
    *,
    actor,
    service_request: ServiceRequest,
    kind: str,
    slot_key: str,
    site: CompanySite | None = None,
    product=None,
    video_link: str = "",
    notes: str = "",
) -> Appointment:
    """The account manager proposes a time to the customer who raised a request.

    The slot is held at once; the customer accepts it, moves it or cancels it.
    """
    company = service_request.company
    # Scoped members see only appointments at their sites: default to the request's.
    site = site or service_request.site
    if not permissions.can_handle_appointment(
        actor, company=company, account_manager_id=company.account_manager_id
    ):
        raise PermissionDenied(
            _("Only the company's account manager can propose appointments.")
        )
    product = _check_details(company=company, kind=kind, site=site, product=product)
    _check_notes(notes)
    video_link = _clean_video_link(video_link)
    return _hold_slot(
        company=company,
        requester=service_request.requester,
        actor=actor,
        kind=kind,
        slot_key=slot_key,
        status=AppointmentStatus.PROPOSED,
        action="appointment.proposed",
        event=PROPOSED,
        site=site,
        product=product,
        service_request=service_request,
        notes=notes,
        video_link=video_link,
    )


def _hold_slot(
    *,
    company,
    requester,
    actor,
    kind: str,
    slot_key: str,
    status: str,
    action: str,
    event: str,
    site,
    product,
    service_request,
    notes: str,
    video_link: str = "",
) -> Appointment:
    """Take a free slot in the account manager's diary for a checked booking or
    proposal: one transaction with the manager's row locked, then audit and notify."""
    manager_id = company.account_manager_id
    with transaction.atomic():
        _lock_manager(manager_id)
        slot, zone = _free_slot(
            company=company, manager_id=manager_id, kind=kind, key=slot_key
        )
        appointment = Appointment(
            company=company,
            requester=requester,
            account_manager_id=manager_id,
            kind=kind,
            product=product,
            site=site,
            service_request=service_request,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            time_zone=zone,
            status=status,
            location=_location(site),
            video_link=video_link,
            notes=(notes or "").strip(),
        )
        _insert(appointment)
        audit_record(
            action=action,
            actor=actor,
            company=company,
            target=appointment,
            data={"kind": kind, "starts_at": slot.starts_at.isoformat()},
        )
        appointment_notify(appointment=appointment, event=event, actor=actor)
    return appointment


def appointment_accept(*, appointment_id: int, user) -> Appointment:
    """A member accepts the time the account manager proposed: it is booked."""
    with transaction.atomic():
        appointment = _locked(appointment_id)
        _check_customer(user, appointment)
        _check_changeable(appointment)
        if appointment.status != AppointmentStatus.PROPOSED:
            raise ValidationError(_("This appointment is already booked."))
        appointment.status = AppointmentStatus.BOOKED
        appointment.sequence += 1
        appointment.save(update_fields=["status", "sequence", "updated_at"])
        audit_record(
            action="appointment.accepted",
            actor=user,
            company=appointment.company,
            target=appointment,
            data={"sequence": appointment.sequence},
        )
        appointment_notify(appointment=appointment, event=BOOKED, actor=user)
    return appointment


def _locked(appointment_id: int) -> Appointment:
    return (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("company", "site", "account_manager", "requester", "product")
        .get(pk=appointment_id)
    )


def _check_customer(user, appointment: Appointment) -> None:
    if selectors.appointment_for_customer(user=user, pk=appointment.pk) is None:
        raise PermissionDenied(_("This appointment is not one of your company's."))
    if not permissions.has_permission(
        user,
        PortalPermission.BOOK_APPOINTMENTS,
        company=appointment.company,
        site=appointment.site,
    ):
        raise PermissionDenied(
            _(
                "Your role lets you see appointments but not change them; ask your admin."
            )
        )


def _check_changeable(appointment: Appointment) -> None:
    if appointment.status not in ACTIVE_STATUSES:
        raise ValidationError(
            _("This appointment is %(status)s and can no longer be changed.")
            % {"status": appointment.get_status_display().lower()}
        )
    if appointment.starts_at <= timezone.now():
        raise ValidationError(
            _("This appointment has started; ask your account manager instead.")
        )


def appointment_reschedule(*, appointment_id: int, user, slot_key: str) -> Appointment:
    """A member moves an appointment to another proposed slot of the same manager."""
    with transaction.atomic():
        appointment = _locked(appointment_id)
        _check_customer(user, appointment)
        _check_changeable(appointment)
        _lock_manager(appointment.account_manager_id)
        slot, _zone = _free_slot(
            company=appointment.company,
            manager_id=appointment.account_manager_id,
            kind=appointment.kind,
            key=slot_key,
            ignore=appointment,
        )
        if slot.starts_at == appointment.starts_at:
            raise ValidationError(
                {"slot": _("This is the current time; choose a different one.")}
            )
        before = appointment.starts_at
        appointment.starts_at, appointment.ends_at = slot.starts_at, slot.ends_at
        appointment.status = AppointmentStatus.RESCHEDULED
        appointment.sequence += 1
        _insert(
            appointment,
            fields=["starts_at", "ends_at", "status", "sequence", "updated_at"],
        )
        audit_record(
            action="appointment.rescheduled",
            actor=user,
            company=appointment.company,
            target=appointment,
            data={
                "from": before.isoformat(),
                "to": slot.starts_at.isoformat(),
                "sequence": appointment.sequence,
            },
        )
        appointment_notify(appointment=appointment, event=RESCHEDULED, actor=user)
    return appointment


def appointment_cancel(*, appointment_id: int, user, reason: str) -> Appointment:
    """The customer or the staff handling it cancels an appointment, saying why."""
    with transaction.atomic():
        appointment = _locked(appointment_id)
        staff = _handles(user, appointment)
        if not staff:
            _check_customer(user, appointment)
        if appointment.status not in ACTIVE_STATUSES:
            raise ValidationError(_("This appointment is no longer planned."))
        if not staff and appointment.starts_at <= timezone.now():
            raise ValidationError(
                _("This appointment has started; ask your account manager instead.")
            )
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(
                {"reason": _("Say why the appointment is cancelled.")}
            )
        appointment.status = AppointmentStatus.CANCELLED
        appointment.cancel_reason = reason[:MAX_NOTES]
        appointment.cancelled_by = user
        appointment.sequence += 1
        appointment.save(
            update_fields=[
                "status",
                "cancel_reason",
                "cancelled_by",
                "sequence",
                "updated_at",
            ]
        )
        audit_record(
            action="appointment.cancelled",
            actor=user,
            company=appointment.company,
            target=appointment,
            data={"by_staff": staff, "sequence": appointment.sequence},
        )
        appointment_notify(appointment=appointment, event=CANCELLED, actor=user)
    return appointment


def appointment_set_video_link(
    *, appointment_id: int, actor, video_link: str
) -> Appointment:
    """The account manager adds, changes or removes the video link of a planned
    appointment; everyone gets the updated invitation."""
    video_link = _clean_video_link(video_link)
    with transaction.atomic():
        appointment = _locked(appointment_id)
        if not _handles(actor, appointment):
            raise PermissionDenied(_("Only the account manager can change the link."))
        if appointment.status not in ACTIVE_STATUSES or appointment.ends_at <= (
            timezone.now()
        ):
            raise ValidationError(_("This appointment is no longer planned."))
        if video_link == appointment.video_link:
            return appointment
        appointment.video_link = video_link
        appointment.sequence += 1
        appointment.save(update_fields=["video_link", "sequence", "updated_at"])
        audit_record(
            action="appointment.video_link_set",
            actor=actor,
            company=appointment.company,
            target=appointment,
            data={"sequence": appointment.sequence, "removed": not video_link},
        )
        appointment_notify(appointment=appointment, event=UPDATED, actor=actor)
    return appointment


def appointment_complete(*, appointment_id: int, actor) -> Appointment:
    """The account manager marks an appointment that has started as held."""
    with transaction.atomic():
        appointment = _locked(appointment_id)
        if not _handles(actor, appointment):
            raise PermissionDenied(_("Only the account manager can complete it."))
        if appointment.status not in ACTIVE_STATUSES:
            raise ValidationError(_("This appointment is no longer planned."))
        if appointment.starts_at > timezone.now():
            raise ValidationError(
                _("An appointment can be completed once it has started.")
            )
        appointment.status = AppointmentStatus.COMPLETED
        appointment.save(update_fields=["status", "updated_at"])
        audit_record(
            action="appointment.completed",
            actor=actor,
            company=appointment.company,
            target=appointment,
        )
    return appointment
