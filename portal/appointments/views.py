"""Pages of appointments: customers book, move and cancel; managers complete them.

Views are thin: they read through `selectors`, write through `services`, and let the
permission module decide (an appointment outside the user's scope is a 404). A
form with errors is shown again with status 400.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portal.appointments import ics, selectors, services
from portal.appointments.forms import (
    BookingForm,
    CancelForm,
    ProposalForm,
    RescheduleForm,
)
from portal.appointments.models import (
    ACTIVE_STATUSES,
    AppointmentKind,
    AppointmentStatus,
)
from portal.appointments.notifications import invitation_text
from portal.companies import permissions
from portal.companies.permissions import PortalPermission
from portal.support import selectors as request_selectors

#: The kinds offered on the first booking step, with what each is for.
KINDS = [
    (
        AppointmentKind.SITE_SURVEY,
        gettext_lazy(
            "An engineer visits one of your sites to check cabling, power and "
            "coverage before an installation. It takes two hours."
        ),
    ),
    (
        AppointmentKind.SOLUTION_WORKSHOP,
        gettext_lazy(
            "Work out a solution for your business with your account manager. "
            "It takes two hours."
        ),
    ),
    (
        AppointmentKind.LIVE_DEMO,
        gettext_lazy(
            "See a product working and ask questions as you go. It takes one hour."
        ),
    ),
]


def _add_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the form's fields, or on the form as a whole."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            if field in form.errors:
                continue
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _customer_appointment(request, pk):
    appointment = selectors.appointment_for_customer(user=request.user, pk=pk)
    if appointment is None:
        raise Http404
    return appointment


def _can_change(user, appointment) -> bool:
    """May the member move, cancel or accept the appointment now?"""
    return (
        appointment.status in ACTIVE_STATUSES
        and appointment.starts_at > timezone.now()
        and permissions.has_permission(
            user,
            PortalPermission.BOOK_APPOINTMENTS,
            company=appointment.company,
            site=appointment.site,
        )
    )


# --- Customers ---------------------------------------------------------------


@login_required
def appointment_list(request):
    """The company's appointments the user may see, latest first."""
    return render(
        request,
        "appointments/appointment_list.html",
        {
            "appointments": selectors.appointment_list_for_customer(user=request.user)[
                :200
            ],
            "can_book": permissions.has_permission(
                request.user, PortalPermission.BOOK_APPOINTMENTS
            ),
        },
    )


@login_required
def appointment_book(request):
    """Choose a kind (?kind=), then what it is about and one of the proposed slots.

    ?product= presets the product of a live demo (the product page's button) and
    ?request= the service request the appointment is about.
    """
    if not permissions.has_permission(request.user, PortalPermission.BOOK_APPOINTMENTS):
        raise PermissionDenied(_("Your role does not allow booking appointments."))
    company = permissions.membership_for(request.user).company
    kind = request.GET.get("kind", "")
    if kind not in AppointmentKind.values:
        return render(
            request,
            "appointments/book_kind.html",
            {"kinds": KINDS, "request_id": _int(request.GET.get("request"))},
            status=400 if request.method == "POST" else 200,
        )
    if company.account_manager_id is None:
        return render(request, "appointments/no_manager.html", {"company": company})

    def build(data):
        slots, zone = selectors.proposed_slots(
            company=company, manager_id=company.account_manager_id, kind=kind
        )
        return BookingForm(
            data,
            kind=kind,
            sites=permissions.sites_for(request.user),
            products=selectors.demo_products(),
            requests=request_selectors.request_list_for_customer(user=request.user),
            slots=slots,
            zone=zone,
            site_required=kind == AppointmentKind.SITE_SURVEY
            or permissions.scoped_site_ids(request.user) is not None,
            initial={
                "product": _int(request.GET.get("product")),
                "service_request": _int(request.GET.get("request")),
            },
        )

    form = build(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            appointment = services.appointment_book(
                user=request.user,
                kind=kind,
                slot_key=form.cleaned_data["slot"],
                site=form.cleaned_data.get("site"),
                product=form.cleaned_data.get("product"),
                service_request=form.cleaned_data.get("service_request"),
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as error:
            # Show the slots as they are now: the chosen one may be gone.
            form = build(request.POST)
            form.is_valid()
            _add_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Your appointment is booked. We have e-mailed you the invitation."),
            )
            return redirect(appointment)
    return render(
        request,
        "appointments/book.html",
        {"form": form, "kind": AppointmentKind(kind), "company": company},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def appointment_detail(request, pk):
    """One appointment: when, where, with whom, and what the user may do with it."""
    appointment = _customer_appointment(request, pk)
    can_change = _can_change(request.user, appointment)
    return render(
        request,
        "appointments/appointment_detail.html",
        {
            "appointment": appointment,
            "can_change": can_change,
            "can_accept": can_change
            and appointment.status == AppointmentStatus.PROPOSED,
        },
    )


def _changeable_or_redirect(request, appointment):
    if _can_change(request.user, appointment):
        return None
    messages.error(request, _("This appointment can no longer be changed."))
    return redirect(appointment)


@login_required
def appointment_reschedule(request, pk):
    """Move the appointment to another proposed slot of the same manager."""
    appointment = _customer_appointment(request, pk)
    refused = _changeable_or_redirect(request, appointment)
    if refused:
        return refused

    def build(data):
        slots, zone = selectors.proposed_slots(
            company=appointment.company,
            manager_id=appointment.account_manager_id,
            kind=appointment.kind,
            ignore=appointment,
        )
        return RescheduleForm(data, slots=slots, zone=zone)

    form = build(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_reschedule(
                appointment_id=pk, user=request.user, slot_key=form.cleaned_data["slot"]
            )
        except ValidationError as error:
            form = build(request.POST)
            form.is_valid()
            _add_errors(form, error)
        else:
            messages.success(
                request, _("The appointment is moved. We have e-mailed the new time.")
            )
            return redirect(appointment)
    return render(
        request,
        "appointments/reschedule.html",
        {"form": form, "appointment": appointment},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def appointment_cancel(request, pk):
    """Cancel the appointment, saying why; the manager is told at once."""
    appointment = _customer_appointment(request, pk)
    refused = _changeable_or_redirect(request, appointment)
    if refused:
        return refused
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_cancel(
                appointment_id=pk, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The appointment is cancelled."))
            return redirect(appointment)
    return render(
        request,
        "appointments/cancel.html",
        {"form": form, "appointment": appointment},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def appointment_accept(request, pk):
    """Accept the time the account manager proposed."""
    appointment = _customer_appointment(request, pk)
    try:
        services.appointment_accept(appointment_id=pk, user=request.user)
    except (ValidationError, PermissionDenied) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
    else:
        messages.success(
            request, _("The appointment is booked. We have e-mailed the invitation.")
        )
    return redirect(appointment)


@login_required
def appointment_ics(request, pk):
    """The appointment as an .ics file, to add it to a calendar again."""
    appointment = _customer_appointment(request, pk)
    method = ics.METHOD_REQUEST if appointment.is_active else ics.METHOD_CANCEL
    response = HttpResponse(
        invitation_text(appointment, method=method),
        content_type=f"text/calendar; method={method}; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{appointment.reference}.ics"'
    )
    return response


# --- Account managers --------------------------------------------------------


@login_required
def work_list(request):
    """The manager's upcoming appointments, and past ones to mark completed."""
    if not request_selectors.is_request_staff(request.user):
        raise PermissionDenied
    context = selectors.appointments_to_work(user=request.user)
    context["cancel_form"] = CancelForm()
    return render(request, "appointments/work.html", context)


@login_required
def work_propose(request, pk):
    """Propose a time to the customer who raised request `pk` (?kind= first)."""
    service_request = (
        request_selectors.request_list_for_staff(user=request.user)
        .select_related("company", "site", "requester")
        .filter(pk=pk)
        .first()
    )
    company = service_request.company if service_request else None
    if company is None or not permissions.can_handle_appointment(
        request.user, company=company, account_manager_id=company.account_manager_id
    ):
        raise Http404
    kind = request.GET.get("kind", "")
    if kind not in AppointmentKind.values:
        return render(
            request,
            "appointments/propose_kind.html",
            {"kinds": KINDS, "sr": service_request},
            status=400 if request.method == "POST" else 200,
        )

    def build(data):
        slots, zone = selectors.proposed_slots(
            company=company, manager_id=company.account_manager_id, kind=kind
        )
        return ProposalForm(
            data,
            kind=kind,
            sites=company.sites.all(),
            products=selectors.demo_products(),
            slots=slots,
            zone=zone,
            initial={"site": service_request.site_id},
        )

    form = build(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_propose(
                actor=request.user,
                service_request=service_request,
                kind=kind,
                slot_key=form.cleaned_data["slot"],
                site=form.cleaned_data.get("site"),
                product=form.cleaned_data.get("product"),
                video_link=form.cleaned_data["video_link"],
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as error:
            form = build(request.POST)
            form.is_valid()
            _add_errors(form, error)
        else:
            messages.success(
                request, _("The customer is asked to accept the proposed time.")
            )
            return redirect("support:work_detail", pk=pk)
    return render(
        request,
        "appointments/propose.html",
        {"form": form, "kind": AppointmentKind(kind), "sr": service_request},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def work_action(request, pk, action):
    """Complete, cancel (with a reason) or set the video link of an appointment
    the manager handles."""
    appointment = selectors.appointment_for_staff(user=request.user, pk=pk)
    if appointment is None or action not in ("complete", "cancel", "video"):
        raise Http404
    try:
        if action == "complete":
            services.appointment_complete(appointment_id=pk, actor=request.user)
            messages.success(request, _("The appointment is marked as held."))
        elif action == "video":
            services.appointment_set_video_link(
                appointment_id=pk,
                actor=request.user,
                video_link=request.POST.get("video_link", ""),
            )
            messages.success(
                request, _("The video link is saved and the invitation is sent again.")
            )
        else:
            form = CancelForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Say why the appointment is cancelled."))
            services.appointment_cancel(
                appointment_id=pk, user=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(
                request, _("The appointment is cancelled and the customer is told.")
            )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except PermissionDenied as error:
        messages.error(request, str(error) or _("You cannot do that."))
    return redirect("appointments:work")
