"""The request lifecycle as one state table: which action is allowed from where.

Services call `transition()` before they change anything, so an action that does not
fit the request's status fails the same way everywhere, with a message that says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.support.models import RequestStatus as S


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str | None  # None keeps the current status
    refusal: str


def _t(sources, target, refusal):
    return Transition(frozenset(sources), target, refusal)


ACTIVE = {S.OPEN, S.ASSIGNED, S.WAITING_CUSTOMER}

TRANSITIONS: dict[str, Transition] = {
    "claim": _t({S.OPEN}, S.ASSIGNED, _("Someone has already taken this request.")),
    "assign": _t(ACTIVE, None, _("Only open requests can be assigned.")),
    "transfer": _t(
        {S.ASSIGNED, S.WAITING_CUSTOMER},
        None,
        _("Only a request that someone owns can be transferred."),
    ),
    "reply": _t(
        {S.ASSIGNED, S.WAITING_CUSTOMER},
        None,
        _("Claim the request before replying to the customer."),
    ),
    "note": _t(ACTIVE | {S.RESOLVED, S.CLOSED}, None, ""),
    "ask_customer": _t(
        {S.ASSIGNED}, S.WAITING_CUSTOMER, _("Claim the request before asking.")
    ),
    "customer_answer": _t(
        {S.WAITING_CUSTOMER},
        S.ASSIGNED,
        _("The account manager is not waiting for an answer."),
    ),
    "customer_comment": _t(
        {S.OPEN, S.ASSIGNED},
        None,
        _("This request is closed; reopen it to add a comment."),
    ),
    "resolve": _t(
        {S.ASSIGNED, S.WAITING_CUSTOMER},
        S.RESOLVED,
        _("Claim the request before resolving it."),
    ),
    "confirm": _t(
        {S.RESOLVED}, S.CLOSED, _("Only a resolved request can be confirmed.")
    ),
    "reopen": _t(
        {S.RESOLVED, S.CLOSED},
        S.ASSIGNED,
        _("Only a resolved or closed request can be reopened."),
    ),
    "rate": _t(
        {S.RESOLVED, S.CLOSED, S.ACCEPTED},
        None,
        _("You can rate the service once the request is resolved."),
    ),
}


def allowed(action: str, status: str) -> bool:
    """Whether `action` may be taken on a request in `status` (for buttons)."""
    return status in TRANSITIONS[action].sources


def transition(request, action: str) -> str:
    """The status after `action`, or a ValidationError saying why it cannot happen."""
    rule = TRANSITIONS[action]
    if request.status not in rule.sources:
        raise ValidationError(rule.refusal or _("This action is not possible now."))
    return rule.target or request.status


def actions_for(status: str) -> set[str]:
    """Every action possible from `status`."""
    return {name for name, rule in TRANSITIONS.items() if status in rule.sources}
