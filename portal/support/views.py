"""Pages of service requests: customers raise and follow, managers work the queue.

Views are thin: they read through `selectors`, write through `services`, and let the
permission module decide (a request outside the user's scope is a 404).
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.companies import permissions
from portal.companies.models import StaffGroup
from portal.companies.permissions import PortalPermission
from portal.links import link_rows
from portal.pagination import page_of
from portal.support import lifecycle, selectors, services
from portal.support.forms import (
    AssignForm,
    MessageForm,
    QueueFilterForm,
    RatingForm,
    ReopenForm,
    RequestForm,
)
from portal.support.models import Attachment, Notification, RequestType

LIST_PAGE_SIZE = 25
QUEUE_PAGE_SIZE = 25


def _errors(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


def _files(form) -> list:
    upload = form.cleaned_data.get("attachment")
    return [upload] if upload else []


# --- Customers ---------------------------------------------------------------


@login_required
def request_list(request):
    """The company's requests the user may see, newest first, a page at a time."""
    requests = Paginator(
        selectors.request_rows_for_customer(user=request.user), LIST_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    link_rows(requests, "support:request_detail")
    return render(
        request,
        "support/request_list.html",
        {
            "requests": requests,
            "can_raise": permissions.has_permission(
                request.user, PortalPermission.RAISE_REQUESTS
            ),
        },
    )


@login_required
def request_new(request):
    """Choose what to ask for: the request types offered to the company's segment."""
    if not permissions.has_permission(request.user, PortalPermission.RAISE_REQUESTS):
        raise PermissionDenied
    return render(
        request,
        "support/request_new.html",
        {"request_types": selectors.request_types_for(user=request.user)},
    )


@login_required
def request_create(request, slug):
    """The request type's form; submitting twice with the same key makes one request."""
    if not permissions.has_permission(request.user, PortalPermission.RAISE_REQUESTS):
        raise PermissionDenied
    request_type = get_object_or_404(
        selectors.request_types_for(user=request.user), slug=slug
    )
    sites = permissions.sites_for(request.user)
    form = RequestForm(
        request.POST or None,
        request.FILES or None,
        request_type=request_type,
        sites=sites,
        initial={"idempotency_key": uuid.uuid4().hex},
    )
    if request.method == "POST" and form.is_valid():
        try:
            created, _new = services.request_submit(
                user=request.user,
                request_type=request_type,
                subject=form.cleaned_data["subject"],
                answers=form.answers(),
                idempotency_key=form.cleaned_data["idempotency_key"],
                site=form.cleaned_data.get("site"),
                files=_files(form),
            )
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            return redirect("support:request_detail", pk=created.pk)
    return render(
        request,
        "support/request_form.html",
        {"form": form, "request_type": request_type},
    )


def _customer_request(request, pk):
    return get_object_or_404(
        selectors.request_list_for_customer(user=request.user).select_related(
            "assignee", "sla_policy"
        ),
        pk=pk,
    )


@login_required
def request_detail(request, pk):
    """Status, SLA targets in plain words, the public timeline, and what to do next."""
    service_request = _customer_request(request, pk)
    can_act = permissions.has_permission(
        request.user,
        PortalPermission.RAISE_REQUESTS,
        company=service_request.company,
        site=service_request.site,
    )
    form = MessageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_customer_message(
                request_id=pk,
                user=request.user,
                body=form.cleaned_data["body"],
                files=_files(form),
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your message was sent."))
            return redirect("support:request_detail", pk=pk)
    events = service_request.events.filter(internal=False).select_related("actor")
    actions = lifecycle.actions_for(service_request.status) if can_act else set()
    return render(
        request,
        "support/request_detail.html",
        {
            "sr": service_request,
            "events": events.prefetch_related("attachments"),
            "attachments": service_request.attachments.filter(internal=False),
            "form": form,
            "can_act": can_act,
            "can_message": bool(actions & {"customer_answer", "customer_comment"}),
            "can_confirm": "confirm" in actions,
            "can_reopen": "reopen" in actions,
            "can_rate": "rate" in actions and service_request.rating is None,
            "rating_form": RatingForm(),
            "reopen_form": ReopenForm(),
        },
    )


@login_required
@require_POST
def request_customer_action(request, pk, action):
    """Confirm, reopen or rate; a refusal is shown as a message on the request."""
    _customer_request(request, pk)
    try:
        if action == "confirm":
            services.request_confirm(request_id=pk, user=request.user)
            messages.success(request, _("Thank you; the request is closed."))
        elif action == "reopen":
            form = ReopenForm(request.POST)
            if not form.is_valid():
                raise ValidationError(
                    _("Say what is still wrong to reopen the request.")
                )
            services.request_reopen(
                request_id=pk, user=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The request is open again."))
        elif action == "rate":
            form = RatingForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose a rating from 1 to 5 stars."))
            services.request_rate(
                request_id=pk,
                user=request.user,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
            messages.success(request, _("Thank you for your rating."))
        else:
            raise Http404
    except ValidationError as error:
        for message in _errors(error):
            messages.error(request, message)
    except PermissionDenied as error:
        messages.error(request, str(error))
    return redirect("support:request_detail", pk=pk)


@login_required
@require_POST
def self_served(request):
    """ "This solved it": count the attempt as self-served (JSON for the form's JS)."""
    type_slug = request.POST.get("request_type", "")
    request_type = RequestType.objects.filter(slug=type_slug).first()
    try:
        attempt = services.self_served_record(
            user=request.user,
            subject=request.POST.get("subject", ""),
            article_url=request.POST.get("article_url", ""),
            article_title=request.POST.get("article_title", ""),
            request_type=request_type,
        )
    except ValidationError as error:
        return JsonResponse({"error": " ".join(_errors(error))}, status=400)
    except PermissionDenied as error:
        return JsonResponse({"error": str(error)}, status=403)
    return JsonResponse(
        {"id": attempt.pk, "message": _("Glad it helped. No request was raised.")}
    )


@login_required
def attachment_download(request, pk):
    """Serve a file only as a download, to people who may see its request."""
    attachment = get_object_or_404(Attachment.objects.select_related("request"), pk=pk)
    if (
        selectors.request_list_for_staff(user=request.user)
        .filter(pk=attachment.request_id)
        .exists()
    ):
        pass
    elif (
        attachment.internal
        or not selectors.request_list_for_customer(user=request.user)
        .filter(pk=attachment.request_id)
        .exists()
    ):
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def notification_list(request):
    """The user's notifications; opening the list marks them read."""
    items = list(Notification.objects.filter(user=request.user)[:100])
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return render(request, "support/notifications.html", {"notifications": items})


# --- Account managers --------------------------------------------------------


def _require_staff(user):
    if not selectors.is_request_staff(user):
        raise PermissionDenied


@login_required
def work_queue(request):
    """The manager's queue ordered by SLA urgency, with filters."""
    _require_staff(request.user)
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    queue = page_of(
        selectors.work_queue(user=request.user, filters=filters),
        request.GET.get("page"),
        per_page=QUEUE_PAGE_SIZE,
        rows=selectors.queue_rows,
    )
    link_rows(queue, "support:work_detail")
    return render(
        request,
        "support/work_queue.html",
        {"queue": queue, "form": form, "now": timezone.now()},
    )


def _managers():
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            is_staff=True,
            groups__name__in=[StaffGroup.ACCOUNT_MANAGERS, StaffGroup.TEAM_LEADS],
        )
        .distinct()
    )


STAFF_ACTIONS = {
    "reply": services.request_reply,
    "note": services.request_add_note,
    "ask": services.request_ask_customer,
    "resolve": services.request_resolve,
}


@login_required
def work_detail(request, pk):
    """One request for staff: timeline with internal notes, routing, customer sidebar."""
    _require_staff(request.user)
    service_request = get_object_or_404(
        selectors.request_list_for_staff(user=request.user).select_related(
            "requester", "site", "company__segment", "sla_policy"
        ),
        pk=pk,
    )
    form = MessageForm(request.POST or None, request.FILES or None)
    assign_form = AssignForm(
        request.POST if request.POST.get("action") == "assign" else None,
        managers=_managers(),
    )
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "claim":
                services.request_claim(request_id=pk, user=request.user)
            elif action == "assign":
                if not assign_form.is_valid():
                    raise ValidationError(_("Choose a manager and give a reason."))
                services.request_assign(
                    request_id=pk,
                    actor=request.user,
                    assignee=assign_form.cleaned_data["assignee"],
                    reason=assign_form.cleaned_data["reason"],
                )
            elif action in STAFF_ACTIONS:
                if not form.is_valid():
                    raise ValidationError(_("Write a message before sending."))
                kwargs = {"files": _files(form)} if action == "reply" else {}
                STAFF_ACTIONS[action](
                    request_id=pk,
                    actor=request.user,
                    body=form.cleaned_data["body"],
                    **kwargs,
                )
            else:
                raise ValidationError(_("Unknown action; reload the page."))
        except ValidationError as error:
            for message in _errors(error):
                messages.error(request, message)
        except PermissionDenied as error:
            messages.error(request, str(error) or _("You cannot do that."))
        else:
            messages.success(request, _("Done."))
            return redirect("support:work_detail", pk=pk)
    actions = lifecycle.actions_for(service_request.status)
    company = service_request.company
    membership = getattr(service_request.requester, "membership", None)
    return render(
        request,
        "support/work_detail.html",
        {
            "sr": service_request,
            "events": service_request.events.select_related("actor").prefetch_related(
                "attachments"
            ),
            "form": form,
            "assign_form": assign_form,
            "can_claim": "claim" in actions and service_request.assignee_id is None,
            "can_work": bool(actions & {"reply", "resolve"})
            and service_request.assignee_id is not None,
            "can_ask": "ask_customer" in actions,
            "company": company,
            "requester_tier": membership.get_tier_display() if membership else "",
            "sites": company.sites.all()[:20],
            "open_requests": company.service_requests.filter(
                status__in=["open", "assigned", "waiting_customer"]
            ).exclude(pk=pk)[:10],
        },
    )


@login_required
def team_view(request):
    """Team leads: each manager's load, unclaimed requests and breaches."""
    _require_staff(request.user)
    teams = selectors.teams_led_by(user=request.user)
    if not teams.exists():
        raise PermissionDenied
    return render(
        request,
        "support/team.html",
        {"overviews": [selectors.team_overview(team=t) for t in teams]},
    )
