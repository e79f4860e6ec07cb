"""Trial pages: thin views that validate input, call one service and render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.companies import permissions
from portal.companies.permissions import PortalPermission
from portal.documents import pdf
from portal.documents.selectors import document_branding
from portal.trials import forms, selectors, services
from portal.trials.lifecycle import TransitionNotAllowed

P = PortalPermission
ISSUED_SESSION_KEY = "trials_issued_credential"
TRIALS_PAGE_SIZE = 20


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _stash_secret(request, issued) -> None:
    # Shown on the next page view only, then dropped from the session.
    request.session[ISSUED_SESSION_KEY] = {
        "credential_id": issued.credential.pk,
        "secret": issued.secret,
        "activation_url": issued.activation_url,
    }


@login_required
def trial_list(request):
    """The company's trials, 20 a page: state, days left, quota use, credentials and
    actions."""
    if not permissions.has_permission(request.user, P.VIEW_TRIALS):
        raise PermissionDenied(_("Your account may not see trials."))
    trials = Paginator(
        selectors.trial_list_for_user(user=request.user), TRIALS_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "trials/trial_list.html",
        {
            "trials": trials,
            "now": timezone.now(),
            "issued": request.session.pop(ISSUED_SESSION_KEY, None),
            "can_credentials": permissions.has_permission(
                request.user, P.VIEW_CREDENTIALS
            ),
            "can_act": permissions.has_permission(request.user, P.START_TRIALS),
            "can_order": permissions.has_permission(request.user, P.ORDER),
        },
    )


@login_required
def trial_start(request, product_code: str):
    """The short form behind “Start a free trial”."""
    if not permissions.has_permission(request.user, P.START_TRIALS):
        raise PermissionDenied(
            _("Your account may not start trials. Ask your company administrator.")
        )
    policy = selectors.policy_for_product(product_code=product_code)
    if policy is None:
        raise Http404(_("This product has no trial."))
    form = forms.TrialRequestForm(request.POST or None, policy=policy)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.trial_request(
                user=request.user,
                product_code=product_code,
                requested=form.requested(),
                use_case=form.cleaned_data["use_case"],
            )
        except services.TrialError as error:
            form.add_error(None, str(error))
        else:
            if result.issued:
                _stash_secret(request, result.issued)
                messages.success(request, _("Your trial is active."))
            else:
                messages.info(
                    request,
                    _("Your request is waiting for your account manager's approval."),
                )
            return redirect("trials:list")
    return render(
        request,
        "trials/trial_start.html",
        {
            "form": form,
            "policy": policy,
            "product_title": services.product_title(product_code),
        },
    )


def _visible_trial_or_404(request, trial_id: int):
    # Another company's trial does not exist as far as this user can tell.
    if selectors.trial_for_user(user=request.user, trial_id=trial_id) is None:
        raise Http404(_("No such trial."))


def _trial_action(request, trial_id: int, action, success: str):
    _visible_trial_or_404(request, trial_id)
    try:
        action()
    except services.TrialError as error:
        messages.error(request, str(error))
    except TransitionNotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("trials:list")


@login_required
@require_POST
def trial_reissue(request, trial_id: int):
    _visible_trial_or_404(request, trial_id)
    try:
        issued = services.trial_credentials_reissue(
            trial_id=trial_id, user=request.user
        )
    except services.TrialError as error:
        messages.error(request, str(error))
    else:
        _stash_secret(request, issued)
    return redirect("trials:list")


@login_required
@require_POST
def trial_cancel(request, trial_id: int):
    return _trial_action(
        request,
        trial_id,
        lambda: services.trial_cancel(trial_id=trial_id, user=request.user),
        _("The trial was cancelled."),
    )


@login_required
@require_POST
def trial_extend(request, trial_id: int):
    form = forms.ExtensionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _trial_action(
        request,
        trial_id,
        lambda: services.trial_extension_request(
            trial_id=trial_id, user=request.user, reason=reason
        ),
        _("Your extension request was recorded."),
    )


@login_required
def trial_convert(request, trial_id: int):
    """Choose quantities, then create the quote."""
    trial = selectors.trial_for_user(user=request.user, trial_id=trial_id, perm=P.ORDER)
    if trial is None:
        raise Http404(_("No such trial."))
    form = forms.ConvertForm(request.POST or None, allocations=trial.allocations.all())
    if request.method == "POST" and form.is_valid():
        try:
            quote = services.trial_convert(
                trial_id=trial.pk, user=request.user, quantities=form.quantities()
            )
        except (services.TrialError, TransitionNotAllowed) as error:
            form.add_error(None, str(error))
        else:
            return redirect("trials:quote", quote_id=quote.pk)
    return render(request, "trials/trial_convert.html", {"trial": trial, "form": form})


@login_required
def trial_agreement_pdf(request, trial_id: int):
    """The trial agreement as PDF, for members and staff who may see the trial."""
    trial = selectors.trial_for_user(user=request.user, trial_id=trial_id)
    if trial is None:
        raise Http404(_("No such trial."))
    content = pdf.render_pdf(
        "documents/trial_agreement.html",
        {
            "trial": trial,
            "allocations": trial.allocations.all(),
            "branding": document_branding(),
            "generated_at": timezone.now(),
        },
    )
    return _pdf_response(content, f"trial-agreement-{trial.pk}.pdf")


@login_required
def quote_detail(request, quote_id: int):
    quote = selectors.quote_for_user(user=request.user, quote_id=quote_id)
    if quote is None:
        raise Http404(_("No such quote."))
    order = getattr(quote, "order", None) if quote.status == "accepted" else None
    return render(
        request,
        "trials/quote_detail.html",
        {
            "quote": quote,
            "totals": selectors.quote_total(quote=quote),
            "order": order,
            "can_accept": permissions.has_permission(
                request.user, P.ORDER, company=quote.company
            ),
            "can_discount": services.may_decide(request.user, quote.company),
            "discount_form": forms.DiscountForm(
                initial={"percent": quote.discount_percent}
            ),
        },
    )


@login_required
@require_POST
def quote_accept(request, quote_id: int):
    quote = selectors.quote_for_user(user=request.user, quote_id=quote_id, perm=P.ORDER)
    if quote is None:
        raise Http404(_("No such quote."))
    try:
        order = services.quote_accept(quote_id=quote.pk, user=request.user)
    except services.TrialError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Thank you. Order %(number)s was placed.") % {"number": order.number},
        )
    return redirect("trials:quote", quote_id=quote.pk)


@login_required
@require_POST
def quote_discount(request, quote_id: int):
    quote = selectors.quote_for_user(user=request.user, quote_id=quote_id)
    if quote is None:
        raise Http404(_("No such quote."))
    form = forms.DiscountForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a discount between 0 and 50 percent."))
    else:
        try:
            services.quote_set_discount(
                quote_id=quote.pk,
                actor=request.user,
                percent=form.cleaned_data["percent"],
            )
        except services.TrialError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The discount was saved."))
    return redirect("trials:quote", quote_id=quote.pk)


@login_required
def quote_pdf(request, quote_id: int):
    quote = selectors.quote_for_user(user=request.user, quote_id=quote_id)
    if quote is None:
        raise Http404(_("No such quote."))
    content = pdf.render_pdf(
        "documents/quote.html",
        {
            "quote": quote,
            "totals": selectors.quote_total(quote=quote),
            "branding": document_branding(),
            "generated_at": timezone.now(),
        },
    )
    return _pdf_response(content, f"{quote.number}.pdf")


def activate(request, token: str):
    """The activation link of trial console credentials."""
    credential = services.credential_activate(token=token)
    return render(
        request,
        "trials/activated.html",
        {"credential": credential},
        status=200 if credential else 404,
    )


@login_required
def manager_dashboard(request):
    """Account managers: approvals, trials ending soon, heavy users, conversion rates."""
    if not permissions.can_manage_companies(request.user):
        raise PermissionDenied(_("This page is for account managers."))
    context = selectors.manager_dashboard(user=request.user)
    context["reason_form"] = forms.ReasonForm()
    return render(request, "trials/manager_dashboard.html", context)


@login_required
@require_POST
def manager_decide(request, trial_id: int):
    decision = request.POST.get("decision")
    try:
        if decision == "approve":
            services.trial_approve(trial_id=trial_id, actor=request.user)
        elif decision == "reject":
            services.trial_reject(
                trial_id=trial_id,
                actor=request.user,
                reason=request.POST.get("reason", ""),
            )
        elif decision in ("grant_extension", "refuse_extension"):
            services.trial_extension_decide(
                trial_id=trial_id,
                actor=request.user,
                grant=decision == "grant_extension",
            )
        else:
            messages.error(request, _("Choose approve or reject."))
            return redirect("trials:manager")
    except (services.TrialError, TransitionNotAllowed) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Decision saved."))
    return redirect("trials:manager")
