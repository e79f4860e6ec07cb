"""Routing of service requests: rules as data, every decision explained.

The rules are an ordered table; the first rule whose conditions match the facts of a
request decides where it goes. The decision records the rule's code and the facts it
saw, so staff can read why a request landed where it did. Pure: the caller gathers the
facts (`portal.support.services` does it from the database).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Handling(models.TextChoices):
    SELF_SERVICE = "self_service", _("Self-service (accepted automatically)")
    ACCOUNT_MANAGER = "account_manager", _("Account manager")


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


PRIORITY_RANK = {
    Priority.LOW: 0,
    Priority.NORMAL: 1,
    Priority.HIGH: 2,
    Priority.URGENT: 3,
}


class Target(models.TextChoices):
    AUTOMATIC = "automatic", _("Accepted automatically")
    NAMED_MANAGER = "named_manager", _("The company's account manager")
    TEAM_QUEUE = "team_queue", _("The team queue")
    GENERAL_QUEUE = "general_queue", _("The general queue")


#: Segments whose named account manager is always kept informed, wherever the
#: request goes (government and large-enterprise accounts).
KEEP_MANAGER_INFORMED = frozenset({"government", "enterprise"})


@dataclass(frozen=True)
class RoutingFacts:
    """What routing looks at, gathered by the caller at submission time."""

    handling: str
    segment: str
    value_band: str
    manager_id: int | None = None
    manager_absent: bool = False
    manager_open: int = 0
    manager_capacity: int = 0
    team_id: int | None = None
    team_lead_id: int | None = None

    @property
    def has_manager(self) -> bool:
        return self.manager_id is not None

    @property
    def manager_at_capacity(self) -> bool:
        return self.has_manager and self.manager_open >= self.manager_capacity

    @property
    def has_team(self) -> bool:
        return self.team_id is not None


@dataclass(frozen=True)
class Rule:
    """One routing rule: conditions on the facts (None = any) and where to send."""

    code: str
    target: Target
    reason: Any  # a lazy translation with %(name)s placeholders for the facts
    handling: str | None = None
    has_manager: bool | None = None
    manager_absent: bool | None = None
    manager_at_capacity: bool | None = None
    has_team: bool | None = None

    def matches(self, facts: RoutingFacts) -> bool:
        for name in (
            "handling",
            "has_manager",
            "manager_absent",
            "manager_at_capacity",
            "has_team",
        ):
            wanted = getattr(self, name)
            if wanted is not None and getattr(facts, name) != wanted:
                return False
        return True


RULES: tuple[Rule, ...] = (
    Rule(
        "self_service",
        Target.AUTOMATIC,
        _("The request type is self-service, so it was accepted automatically."),
        handling=Handling.SELF_SERVICE,
    ),
    Rule(
        "named_manager",
        Target.NAMED_MANAGER,
        _(
            "Sent to the company's account manager, who is available and has "
            "%(manager_open)s of %(manager_capacity)s open requests."
        ),
        has_manager=True,
        manager_absent=False,
        manager_at_capacity=False,
    ),
    Rule(
        "manager_absent",
        Target.TEAM_QUEUE,
        _(
            "The company's account manager is out of the office, so the request went "
            "to the team queue for the company's segment and region."
        ),
        has_manager=True,
        manager_absent=True,
        has_team=True,
    ),
    Rule(
        "manager_at_capacity",
        Target.TEAM_QUEUE,
        _(
            "The company's account manager already has %(manager_open)s open "
            "requests (maximum %(manager_capacity)s), so the request went to the "
            "team queue for the company's segment and region."
        ),
        has_manager=True,
        manager_at_capacity=True,
        has_team=True,
    ),
    Rule(
        "no_manager",
        Target.TEAM_QUEUE,
        _(
            "The company has no account manager yet, so the request went to the "
            "team queue for the company's segment and region."
        ),
        has_manager=False,
        has_team=True,
    ),
    Rule(
        "no_team",
        Target.GENERAL_QUEUE,
        _(
            "No account manager is available and no team covers the company's "
            "segment and region, so the request waits in the general queue."
        ),
    ),
)


@dataclass(frozen=True)
class PriorityRule:
    """Raise the priority for a segment and/or value band (empty = any)."""

    priority: str
    segment: str = ""
    value_band: str = ""

    def matches(self, *, segment: str, value_band: str) -> bool:
        return (not self.segment or self.segment == segment) and (
            not self.value_band or self.value_band == value_band
        )


def decide_priority(
    *, base: str, rules: list[PriorityRule] | tuple[PriorityRule, ...], facts
) -> str:
    """The highest of the type's base priority and every matching priority rule."""
    best = Priority(base)
    for rule in rules:
        if rule.matches(segment=facts.segment, value_band=facts.value_band):
            candidate = Priority(rule.priority)
            if PRIORITY_RANK[candidate] > PRIORITY_RANK[best]:
                best = candidate
    return best


@dataclass(frozen=True)
class Decision:
    """Where a request goes, who is told, and the rule and facts behind it."""

    rule: str
    target: Target
    assignee_id: int | None
    team_id: int | None
    priority: str
    notify_ids: tuple[int, ...] = ()
    facts: dict = field(default_factory=dict)

    @property
    def explanation(self) -> str:
        return explain(self.rule, self.facts)


def explain(rule_code: str, facts: dict) -> str:
    """The rule's reason in the active language, filled in with the stored facts."""
    for rule in RULES:
        if rule.code == rule_code:
            text = str(rule.reason)
            return text % facts if "%(" in text else text
    return str(_("Routed by a rule that no longer exists (%(code)s).")) % {
        "code": rule_code
    }


def route(
    facts: RoutingFacts,
    *,
    base_priority: str = Priority.NORMAL,
    priority_rules: tuple[PriorityRule, ...] = (),
) -> Decision:
    """Apply the first matching rule of `RULES` to the facts of a request."""
    rule = next(rule for rule in RULES if rule.matches(facts))
    assignee = facts.manager_id if rule.target == Target.NAMED_MANAGER else None
    team = facts.team_id if rule.target != Target.AUTOMATIC else None
    notify: list[int] = []
    if rule.target == Target.NAMED_MANAGER and assignee is not None:
        notify.append(assignee)
    elif rule.target in (Target.TEAM_QUEUE, Target.GENERAL_QUEUE):
        if facts.team_lead_id is not None:
            notify.append(facts.team_lead_id)
        if facts.has_manager and facts.segment in KEEP_MANAGER_INFORMED:
            notify.append(facts.manager_id)
    return Decision(
        rule=rule.code,
        target=rule.target,
        assignee_id=assignee,
        team_id=team,
        priority=decide_priority(base=base_priority, rules=priority_rules, facts=facts),
        notify_ids=tuple(dict.fromkeys(notify)),
        facts={**asdict(facts), "manager_at_capacity": facts.manager_at_capacity},
    )


@dataclass(frozen=True)
class ManagerLoad:
    """An account manager's availability, for turnover and team-queue suggestions."""

    user_id: int
    open_requests: int
    capacity: int
    absent: bool = False

    @property
    def has_room(self) -> bool:
        return not self.absent and self.open_requests < self.capacity


def pick_manager(
    candidates: list[ManagerLoad], *, exclude: frozenset[int] = frozenset()
) -> ManagerLoad | None:
    """The present manager with the most spare capacity (ties: lowest id), or None."""
    eligible = [c for c in candidates if c.has_room and c.user_id not in exclude]
    if not eligible:
        return None
    return min(eligible, key=lambda c: (c.open_requests - c.capacity, c.user_id))
