"""Writes of the trials app: request, decide, provision, extend, convert, expire.

Each service checks permissions through `portal.companies.permissions`, runs in one
transaction with the trial row locked, and changes state only via `lifecycle`.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.companies import permissions
from portal.companies.audit import audit_record
from portal.companies.models import Company
from portal.companies.permissions import PortalPermission
from portal.trials import lifecycle, policy, provisioning, selectors
from portal.trials.lifecycle import RUNNING_STATES
from portal.trials.models import (
    ExtensionState,
    Order,
    Quote,
    QuoteLine,
    QuoteStatus,
    Trial,
    TrialAllocation,
    TrialCredential,
    TrialNotice,
    TrialPolicy,
    TrialState,
)

P = PortalPermission


class TrialError(Exception):
    """A request that cannot be carried out; the message tells the user what to do."""


@dataclass(frozen=True)
class TrialRequestResult:
    trial: Trial
    decision: policy.Decision
    issued: provisioning.IssuedCredential | None


# --- Helpers -----------------------------------------------------------------


def policy_rules(*, trial_policy: TrialPolicy) -> policy.PolicyRules:
    """The pure-function view of a stored policy."""
    return policy.PolicyRules(
        is_active=trial_policy.is_active,
        eligible_segments=frozenset(s.pk for s in trial_policy.eligible_segments.all()),
        auto_approve_segments=frozenset(
            s.pk for s in trial_policy.auto_approve_segments.all()
        ),
        max_active_per_company=trial_policy.max_active_per_company,
        max_per_company_per_year=trial_policy.max_per_company_per_year,
        quotas={
            q.kind: policy.QuotaRule(
                q.default_amount, q.auto_approve_limit, q.max_amount
            )
            for q in trial_policy.quotas.all()
        },
    )


def _lock(trial_id: int) -> Trial:
    return (
        Trial.objects.select_for_update()
        .select_related("company", "policy")
        .get(pk=trial_id)
    )


def _notify(trial: Trial, *, kind: str, message: str, email_to=None) -> None:
    """In-portal notice now, e-mail once the transaction commits."""
    TrialNotice.objects.create(trial=trial, kind=kind, message=message)
    recipients = [
        u.email for u in (email_to or [trial.requested_by]) if u is not None and u.email
    ]
    if recipients:
        subject = f"{trial.product_title}: {message[:80]}"
        transaction.on_commit(
            lambda: send_mail(subject, message, None, recipients, fail_silently=True)
        )


def may_decide(actor, company: Company) -> bool:
    """Whether `actor` is staff who decides for this company (its account manager)."""
    return permissions.can_manage_companies(actor) and permissions.can_see_company(
        actor, company=company
    )


def product_title(product_code: str) -> str:
    """The English title of the product with this code (the code when none is live)."""
    from cms.models import ProductPage

    page = (
        ProductPage.objects.live()
        .filter(product_code=product_code, locale__language_code="en")
        .first()
        or ProductPage.objects.live().filter(product_code=product_code).first()
    )
    return page.title if page else product_code


# --- Requesting and deciding ----------------------------------------------------


def trial_request(
    *, user, product_code: str, requested: dict[str, int], use_case: str
) -> TrialRequestResult:
    """A member asks for a trial; approved and provisioned at once when policy allows.

    Refusals raise `TrialError` with the policy's reason and store nothing.
    """
    if not permissions.has_permission(user, P.START_TRIALS):
        raise PermissionDenied(_("Your account may not start trials."))
    company_id = permissions.membership_for(user).company_id
    trial_policy = selectors.policy_for_product(product_code=product_code)
    if trial_policy is None:
        raise TrialError(
            _("This product cannot be tried online. Book a live demo instead.")
        )
    with transaction.atomic():
        # The company row lock serialises concurrent requests of one company, so the
        # concurrency limits cannot be overrun by two clicks.
        company = Company.objects.select_for_update().get(pk=company_id)
        open_count, this_year = selectors.company_trial_counts(
            company_id=company.pk,
            product_code=product_code,
            since=timezone.now() - timedelta(days=365),
        )
        decision = policy.decide(
            rules=policy_rules(trial_policy=trial_policy),
            segment=company.segment_id,
            active_trials=open_count,
            trials_of_product_this_year=this_year,
            requested=requested,
        )
        if decision.outcome == policy.Outcome.REFUSED:
            raise TrialError(decision.reason)
        quotas = {q.kind: q for q in trial_policy.quotas.all()}
        trial = Trial.objects.create(
            company=company,
            policy=trial_policy,
            product_code=product_code,
            product_title=product_title(product_code),
            requested_by=user,
            use_case=use_case,
            approval_reason=decision.reason,
        )
        TrialAllocation.objects.bulk_create(
            TrialAllocation(
                trial=trial,
                kind=kind,
                unit=quotas[kind].unit,
                amount=amount,
                list_price=quotas[kind].list_price,
            )
            for kind, amount in requested.items()
        )
        audit_record(
            action="trial.requested",
            actor=user,
            company=company,
            target=trial,
            data={"product": product_code, "decision": decision.outcome},
        )
        issued = None
        if decision.outcome == policy.Outcome.AUTO:
            trial.decided_at = timezone.now()
            trial.decision_note = _("Approved automatically under the trial policy.")
            trial.save(update_fields=["decided_at", "decision_note"])
            lifecycle.transition(trial, TrialState.APPROVED)
            issued = _provision(trial)
        else:
            _notify(
                trial,
                kind="approval_needed",
                message=_(
                    "Your trial request was sent to your account manager for approval."
                ),
            )
            if company.account_manager:
                _notify(
                    trial,
                    kind="approval_requested",
                    message=_("%(company)s asks to try %(product)s: %(reason)s")
                    % {
                        "company": company.legal_name,
                        "product": trial.product_title,
                        "reason": decision.reason,
                    },
                    email_to=[company.account_manager],
                )
    return TrialRequestResult(trial, decision, issued)


def _provision(trial: Trial) -> provisioning.IssuedCredential:
    lifecycle.transition(trial, TrialState.PROVISIONING)
    issued = provisioning.adapter().provision(trial=trial)
    now = timezone.now()
    trial.starts_at = now
    trial.ends_at = now + timedelta(days=trial.policy.duration_days)
    trial.save(update_fields=["starts_at", "ends_at"])
    lifecycle.transition(trial, TrialState.ACTIVE)
    _notify(
        trial,
        kind="active",
        message=_("Your trial is active until %(date)s.")
        % {"date": timezone.localtime(trial.ends_at).date().isoformat()},
    )
    return issued


def trial_approve(*, trial_id: int, actor, note: str = "") -> Trial:
    """The account manager approves a waiting trial; it is provisioned at once.

    The customer reveals the initial secret on the trials page (staff never see it).
    """
    with transaction.atomic():
        trial = _lock(trial_id)
        if not may_decide(actor, trial.company):
            raise PermissionDenied(_("Only the company's account manager may decide."))
        lifecycle.transition(trial, TrialState.APPROVED)
        trial.decided_by, trial.decided_at, trial.decision_note = (
            actor,
            timezone.now(),
            note,
        )
        trial.save(update_fields=["decided_by", "decided_at", "decision_note"])
        _provision(trial)
        audit_record(
            action="trial.approved", actor=actor, company=trial.company, target=trial
        )
    return trial


def trial_reject(*, trial_id: int, actor, reason: str) -> Trial:
    """The account manager turns a request down, telling the customer why."""
    if not reason.strip():
        raise TrialError(_("Give the customer a reason for the rejection."))
    with transaction.atomic():
        trial = _lock(trial_id)
        if not may_decide(actor, trial.company):
            raise PermissionDenied(_("Only the company's account manager may decide."))
        lifecycle.transition(trial, TrialState.REJECTED)
        trial.decided_by, trial.decided_at, trial.decision_note = (
            actor,
            timezone.now(),
            reason,
        )
        trial.save(update_fields=["decided_by", "decided_at", "decision_note"])
        _notify(
            trial,
            kind="rejected",
            message=_("Your trial request was rejected: %(reason)s")
            % {"reason": reason},
        )
        audit_record(
            action="trial.rejected",
            actor=actor,
            company=trial.company,
            target=trial,
            data={"reason": reason},
        )
    return trial


# --- Running trials ----------------------------------------------------------


def trial_credentials_reissue(*, trial_id: int, user) -> provisioning.IssuedCredential:
    """Issue a new console secret (shown once) and revoke the previous one."""
    with transaction.atomic():
        trial = _lock(trial_id)
        if not permissions.has_permission(
            user, P.VIEW_CREDENTIALS, company=trial.company
        ):
            raise PermissionDenied(_("Your account may not see trial credentials."))
        if trial.state not in RUNNING_STATES:
            raise TrialError(_("Credentials exist only while the trial runs."))
        issued = provisioning.adapter().reissue(trial=trial)
        audit_record(
            action="trial.credentials_issued",
            actor=user,
            company=trial.company,
            target=trial,
        )
    return issued


def credential_activate(*, token: str) -> TrialCredential | None:
    """The activation link was opened: mark the credential active (once)."""
    with transaction.atomic():
        credential = (
            TrialCredential.objects.select_for_update()
            .filter(
                activation_token_hash=provisioning.hash_token(token),
                revoked_at__isnull=True,
            )
            .first()
        )
        if credential is None:
            return None
        if credential.activated_at is None:
            credential.activated_at = timezone.now()
            credential.save(update_fields=["activated_at"])
    return credential


def trial_cancel(*, trial_id: int, user) -> Trial:
    """A member ends an open trial early; running resources are switched off."""
    with transaction.atomic():
        trial = _lock(trial_id)
        if not permissions.has_permission(user, P.START_TRIALS, company=trial.company):
            raise PermissionDenied(_("Your account may not cancel trials."))
        was_running = trial.state in RUNNING_STATES
        lifecycle.transition(trial, TrialState.CANCELLED)
        if was_running:
            provisioning.adapter().revoke(trial=trial)
        audit_record(
            action="trial.cancelled", actor=user, company=trial.company, target=trial
        )
    return trial


def trial_extension_request(*, trial_id: int, user, reason: str) -> Trial:
    """Ask for the policy's one extension; granted at once where trials auto-approve."""
    with transaction.atomic():
        trial = _lock(trial_id)
        if not permissions.has_permission(user, P.START_TRIALS, company=trial.company):
            raise PermissionDenied(_("Your account may not extend trials."))
        if trial.state not in RUNNING_STATES:
            raise TrialError(_("Only a running trial can be extended."))
        if trial.policy.extension_days == 0:
            raise TrialError(
                _("This trial cannot be extended. Convert it to keep the service.")
            )
        if trial.extension_state:
            raise TrialError(
                _("This trial's one extension has already been requested.")
            )
        trial.extension_state = ExtensionState.REQUESTED
        trial.extension_reason = reason
        trial.save(update_fields=["extension_state", "extension_reason"])
        audit_record(
            action="trial.extension_requested",
            actor=user,
            company=trial.company,
            target=trial,
        )
        auto = trial.policy.auto_approve_segments.filter(
            pk=trial.company.segment_id
        ).exists()
        if auto:
            _extend(trial)
        elif trial.company.account_manager:
            _notify(
                trial,
                kind="extension_requested",
                message=_("%(company)s asks to extend the trial of %(product)s.")
                % {"company": trial.company.legal_name, "product": trial.product_title},
                email_to=[trial.company.account_manager],
            )
    return trial


def trial_extension_decide(*, trial_id: int, actor, grant: bool) -> Trial:
    """The account manager grants or refuses a requested extension."""
    with transaction.atomic():
        trial = _lock(trial_id)
        if not may_decide(actor, trial.company):
            raise PermissionDenied(_("Only the company's account manager may decide."))
        if (
            trial.extension_state != ExtensionState.REQUESTED
            or trial.state not in RUNNING_STATES
        ):
            raise TrialError(_("There is no extension request waiting on this trial."))
        if grant:
            _extend(trial)
        else:
            trial.extension_state = ExtensionState.REFUSED
            trial.save(update_fields=["extension_state"])
            _notify(
                trial,
                kind="extension_refused",
                message=_("Your extension request was refused."),
            )
        audit_record(
            action="trial.extension_decided",
            actor=actor,
            company=trial.company,
            target=trial,
            data={"granted": grant},
        )
    return trial


def _extend(trial: Trial) -> None:
    trial.ends_at += timedelta(days=trial.policy.extension_days)
    trial.extension_state = ExtensionState.GRANTED
    days_left = trial.ends_at - timezone.now()
    # Reminders already sent are sent again before the new end date.
    if days_left > timedelta(days=7):
        trial.reminder_7_sent_at = None
    if days_left > timedelta(days=1):
        trial.reminder_1_sent_at = None
    trial.save(
        update_fields=[
            "ends_at",
            "extension_state",
            "reminder_7_sent_at",
            "reminder_1_sent_at",
        ]
    )
    if trial.state == TrialState.EXPIRING and days_left > timedelta(days=7):
        lifecycle.transition(trial, TrialState.ACTIVE)
    _notify(
        trial,
        kind="extended",
        message=_("Your trial was extended until %(date)s.")
        % {"date": timezone.localtime(trial.ends_at).date().isoformat()},
    )


def trial_usage_record(
    *, trial_id: int, kind: str, used: Decimal, source: str
) -> TrialAllocation:
    """Store a usage figure from the network against the trial's quota."""
    if used < 0:
        raise TrialError(_("Usage cannot be negative."))
    with transaction.atomic():
        trial = _lock(trial_id)
        allocation = trial.allocations.filter(kind=kind).first()
        if allocation is None:
            raise TrialError(
                _("Trial %(id)s has no %(kind)s quota.")
                % {"id": trial_id, "kind": kind}
            )
        allocation.used = used
        allocation.usage_updated_at = timezone.now()
        allocation.save(update_fields=["used", "usage_updated_at"])
        provisioning.adapter().record_usage(
            trial=trial, kind=kind, used=str(used), source=source
        )
    return allocation


# --- Reminders and expiry ------------------------------------------------------


def trial_sweep(*, now=None) -> dict:
    """Send due reminders and queue the expiry of ended trials; run by the worker.

    Flags set under the row lock make every reminder and expiry happen once, however
    many sweeps overlap.
    """
    from portal.trials.tasks import expire_trial

    now = now or timezone.now()
    counts = {"reminder_7": 0, "reminder_1": 0, "expiry_queued": 0}
    running = Trial.objects.filter(state__in=RUNNING_STATES)
    for days, flag in ((1, "reminder_1_sent_at"), (7, "reminder_7_sent_at")):
        due = running.filter(
            ends_at__gt=now,
            ends_at__lte=now + timedelta(days=days),
            **{f"{flag}__isnull": True},
        ).values_list("pk", flat=True)
        for trial_id in due:
            with transaction.atomic():
                trial = _lock(trial_id)
                if getattr(trial, flag) or trial.state not in RUNNING_STATES:
                    continue
                if trial.state == TrialState.ACTIVE:
                    lifecycle.transition(trial, TrialState.EXPIRING)
                # A trial reminded 1 day before needs no 7-day reminder any more.
                trial.reminder_7_sent_at = trial.reminder_7_sent_at or now
                if days == 1:
                    trial.reminder_1_sent_at = now
                trial.save(update_fields=["reminder_7_sent_at", "reminder_1_sent_at"])
                _notify(
                    trial,
                    kind=f"reminder_{days}",
                    message=_(
                        "Your trial ends on %(date)s. Convert it to a quote or request an extension to keep it."
                    )
                    % {"date": timezone.localtime(trial.ends_at).date().isoformat()},
                )
                counts[f"reminder_{days}"] += 1
    for trial_id in running.filter(
        ends_at__lte=now, expiry_queued_at__isnull=True
    ).values_list("pk", flat=True):
        with transaction.atomic():
            trial = _lock(trial_id)
            if trial.expiry_queued_at or trial.state not in RUNNING_STATES:
                continue
            trial.expiry_queued_at = now
            trial.save(update_fields=["expiry_queued_at"])
            transaction.on_commit(lambda pk=trial.pk: expire_trial.enqueue(pk))
            counts["expiry_queued"] += 1
    return counts


def trial_expire(*, trial_id: int, now=None) -> bool:
    """End a trial whose time is up and revoke its credentials; False if not due."""
    now = now or timezone.now()
    with transaction.atomic():
        trial = _lock(trial_id)
        if trial.state not in RUNNING_STATES or trial.ends_at is None:
            return False
        if trial.ends_at > now:
            # Extended after the expiry was queued: let a later sweep queue it again.
            trial.expiry_queued_at = None
            trial.save(update_fields=["expiry_queued_at"])
            return False
        lifecycle.transition(trial, TrialState.EXPIRED)
        provisioning.adapter().revoke(trial=trial)
        _notify(
            trial,
            kind="expired",
            message=_("Your trial has ended and its access was switched off."),
        )
        audit_record(action="trial.expired", company=trial.company, target=trial)
    return True


# --- Conversion, quote and order --------------------------------------------


def trial_convert(*, trial_id: int, user, quantities: dict[str, int]) -> Quote:
    """Turn a trial into a quote at list prices for the quantities the customer chose."""
    with transaction.atomic():
        trial = _lock(trial_id)
        if not permissions.has_permission(user, P.ORDER, company=trial.company):
            raise PermissionDenied(
                _("Your account may not ask for quotes. Ask a manager of your company.")
            )
        allocations = {a.kind: a for a in trial.allocations.all()}
        if set(quantities) != set(allocations) or any(
            q < 1 for q in quantities.values()
        ):
            raise TrialError(_("Give a quantity of at least 1 for every item."))
        lifecycle.transition(trial, TrialState.CONVERTED)
        company = trial.company
        quote = Quote.objects.create(
            number=f"Q{timezone.now():%Y%m}-{secrets.token_hex(3).upper()}",
            company=company,
            trial=trial,
            valid_until=timezone.localdate()
            + timedelta(days=trial.policy.quote_validity_days),
            contract_months=trial.policy.contract_months,
            company_name=company.legal_name,
            company_registration=company.registration_number,
            billing_address=company.billing_address,
            created_by=user,
        )
        QuoteLine.objects.bulk_create(
            QuoteLine(
                quote=quote,
                product_code=trial.product_code,
                description=f"{trial.product_title}: {allocation.get_kind_display()}",
                quantity=quantities[kind],
                unit=allocation.unit,
                unit_price=allocation.list_price,
            )
            for kind, allocation in allocations.items()
        )
        audit_record(
            action="trial.converted", actor=user, company=company, target=quote
        )
        if company.account_manager:
            _notify(
                trial,
                kind="quote_created",
                message=_(
                    "%(company)s converted its trial of %(product)s into quote %(number)s."
                )
                % {
                    "company": company.legal_name,
                    "product": trial.product_title,
                    "number": quote.number,
                },
                email_to=[company.account_manager],
            )
    return quote


def quote_set_discount(*, quote_id: int, actor, percent: Decimal) -> Quote:
    """The account manager sets a discount on an offered quote (0 to 50 %)."""
    if not Decimal(0) <= percent <= Decimal(50):
        raise TrialError(_("A discount must be between 0 and 50 percent."))
    with transaction.atomic():
        quote = (
            Quote.objects.select_for_update().select_related("company").get(pk=quote_id)
        )
        if not may_decide(actor, quote.company):
            raise PermissionDenied(
                _("Only the company's account manager may set a discount.")
            )
        if quote.status != QuoteStatus.OFFERED:
            raise TrialError(_("Only an offered quote can be changed."))
        quote.discount_percent = percent
        quote.save(update_fields=["discount_percent"])
        audit_record(
            action="quote.discounted",
            actor=actor,
            company=quote.company,
            target=quote,
            data={"percent": str(percent)},
        )
    return quote


def quote_accept(*, quote_id: int, user) -> Order:
    """The customer accepts a valid quote online; the order goes to the back office."""
    from portal.trials import ordering

    with transaction.atomic():
        quote = (
            Quote.objects.select_for_update().select_related("company").get(pk=quote_id)
        )
        if not permissions.has_permission(user, P.ORDER, company=quote.company):
            raise PermissionDenied(_("Your account may not place orders."))
        if quote.status != QuoteStatus.OFFERED:
            raise TrialError(_("This quote was already accepted or withdrawn."))
        if quote.valid_until < timezone.localdate():
            raise TrialError(
                _("This quote has expired. Ask your account manager for a new one.")
            )
        quote.status = QuoteStatus.ACCEPTED
        quote.accepted_by, quote.accepted_at = user, timezone.now()
        quote.save(update_fields=["status", "accepted_by", "accepted_at"])
        order = Order.objects.create(
            quote=quote,
            company=quote.company,
            number=f"O{timezone.now():%Y%m}-{secrets.token_hex(3).upper()}",
            total_monthly=selectors.quote_total(quote=quote)["net_monthly"],
            placed_by=user,
        )
        order.back_office_reference = ordering.adapter().submit(order=order)
        order.save(update_fields=["back_office_reference"])
        audit_record(
            action="order.placed", actor=user, company=quote.company, target=order
        )
    return order
