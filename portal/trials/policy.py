"""The trial decision matrix as a pure function: no database, no clock.

segment x product policy x the company's current trials x requested quotas ->
approved automatically, waiting for the account manager, or refused with a reason.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext as _


class Outcome(StrEnum):
    AUTO = "auto"
    APPROVAL = "approval"
    REFUSED = "refused"


@dataclass(frozen=True)
class QuotaRule:
    default_amount: int
    auto_approve_limit: int
    max_amount: int


@dataclass(frozen=True)
class PolicyRules:
    """The parts of a `TrialPolicy` the decision needs."""

    is_active: bool
    eligible_segments: frozenset[str]
    auto_approve_segments: frozenset[str]
    max_active_per_company: int
    max_per_company_per_year: int
    quotas: dict[str, QuotaRule] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    reason: str = ""


def decide(
    *,
    rules: PolicyRules,
    segment: str,
    active_trials: int,
    trials_of_product_this_year: int,
    requested: dict[str, int],
) -> Decision:
    """Decide a trial request; refusals come first, then reasons for approval."""
    if not rules.is_active:
        return Decision(Outcome.REFUSED, _("Trials of this product are closed."))
    if segment not in rules.eligible_segments:
        return Decision(
            Outcome.REFUSED,
            _(
                "This trial is not offered to your customer segment. Ask your account manager for a demo instead."
            ),
        )
    if active_trials >= rules.max_active_per_company:
        return Decision(
            Outcome.REFUSED,
            _(
                "Your company already has %(count)s open trials, the most allowed at once. End or convert one first."
            )
            % {"count": active_trials},
        )
    if trials_of_product_this_year >= rules.max_per_company_per_year:
        return Decision(
            Outcome.REFUSED,
            _(
                "Your company has already tried this product in the last 12 months. Ask your account manager for a quote."
            ),
        )
    unknown = sorted(set(requested) - set(rules.quotas))
    if unknown:
        return Decision(
            Outcome.REFUSED,
            _("This trial does not include: %(kinds)s.")
            % {"kinds": ", ".join(unknown)},
        )
    for kind, amount in requested.items():
        if amount < 1:
            return Decision(
                Outcome.REFUSED,
                _("Ask for at least 1 of each quota (%(kind)s).") % {"kind": kind},
            )
        if amount > rules.quotas[kind].max_amount:
            return Decision(
                Outcome.REFUSED,
                _(
                    "%(kind)s: at most %(max)s can be tried; ask for less or request a quote."
                )
                % {"kind": kind, "max": rules.quotas[kind].max_amount},
            )
    if segment not in rules.auto_approve_segments:
        return Decision(
            Outcome.APPROVAL,
            _("Trials for your segment are approved by your account manager."),
        )
    above = sorted(
        kind
        for kind, amount in requested.items()
        if amount > rules.quotas[kind].auto_approve_limit
    )
    if above:
        return Decision(
            Outcome.APPROVAL,
            _(
                "More than the standard quota was asked for (%(kinds)s); your account manager approves it."
            )
            % {"kinds": ", ".join(above)},
        )
    return Decision(Outcome.AUTO)
