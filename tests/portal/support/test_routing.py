"""Routing rules as a table of cases: segment x absence x capacity x value band."""

import pytest

from portal.support.routing import (
    RULES,
    Decision,
    ManagerLoad,
    Priority,
    PriorityRule,
    RoutingFacts,
    Target,
    explain,
    pick_manager,
    route,
)

MANAGER, LEAD, TEAM = 10, 20, 7
PRIORITY_RULES = (
    PriorityRule(priority=Priority.HIGH, segment="government"),
    PriorityRule(priority=Priority.HIGH, value_band="gold"),
    PriorityRule(priority=Priority.URGENT, value_band="platinum"),
)


def facts(segment, absent, open_requests, value_band, *, team=True, manager=True):
    return RoutingFacts(
        handling="account_manager",
        segment=segment,
        value_band=value_band,
        manager_id=MANAGER if manager else None,
        manager_absent=absent,
        manager_open=open_requests,
        manager_capacity=10,
        team_id=TEAM if team else None,
        team_lead_id=LEAD if team else None,
    )


# segment, absent, open, value band -> rule, target, assignee, notified, priority
CASES = [
    (
        "sme",
        False,
        3,
        "standard",
        "named_manager",
        Target.NAMED_MANAGER,
        MANAGER,
        (MANAGER,),
        "normal",
    ),
    (
        "sme",
        True,
        3,
        "standard",
        "manager_absent",
        Target.TEAM_QUEUE,
        None,
        (LEAD,),
        "normal",
    ),
    (
        "sme",
        False,
        10,
        "silver",
        "manager_at_capacity",
        Target.TEAM_QUEUE,
        None,
        (LEAD,),
        "normal",
    ),
    (
        "sme",
        True,
        10,
        "gold",
        "manager_absent",
        Target.TEAM_QUEUE,
        None,
        (LEAD,),
        "high",
    ),
    (
        "enterprise",
        False,
        0,
        "gold",
        "named_manager",
        Target.NAMED_MANAGER,
        MANAGER,
        (MANAGER,),
        "high",
    ),
    (
        "enterprise",
        True,
        0,
        "platinum",
        "manager_absent",
        Target.TEAM_QUEUE,
        None,
        (LEAD, MANAGER),
        "urgent",
    ),
    (
        "enterprise",
        False,
        12,
        "standard",
        "manager_at_capacity",
        Target.TEAM_QUEUE,
        None,
        (LEAD, MANAGER),
        "normal",
    ),
    (
        "government",
        False,
        9,
        "standard",
        "named_manager",
        Target.NAMED_MANAGER,
        MANAGER,
        (MANAGER,),
        "high",
    ),
    (
        "government",
        True,
        9,
        "standard",
        "manager_absent",
        Target.TEAM_QUEUE,
        None,
        (LEAD, MANAGER),
        "high",
    ),
    (
        "government",
        False,
        10,
        "platinum",
        "manager_at_capacity",
        Target.TEAM_QUEUE,
        None,
        (LEAD, MANAGER),
        "urgent",
    ),
]


@pytest.mark.parametrize(
    "segment,absent,open_requests,band,rule,target,assignee,notified,priority", CASES
)
def test_routing_table(
    segment, absent, open_requests, band, rule, target, assignee, notified, priority
):
    decision = route(
        facts(segment, absent, open_requests, band),
        base_priority=Priority.NORMAL,
        priority_rules=PRIORITY_RULES,
    )
    assert decision.rule == rule
    assert decision.target == target
    assert decision.assignee_id == assignee
    assert decision.team_id == TEAM
    assert decision.notify_ids == notified
    assert decision.priority == priority


def test_self_service_types_are_accepted_whatever_the_manager():
    self_service = RoutingFacts(
        handling="self_service",
        segment="government",
        value_band="platinum",
        manager_id=MANAGER,
        manager_absent=True,
    )
    decision = route(self_service)
    assert (decision.rule, decision.target) == ("self_service", Target.AUTOMATIC)
    assert decision.assignee_id is None and decision.team_id is None
    assert "self-service" in decision.explanation


def test_no_manager_goes_to_the_team_queue():
    decision = route(facts("sme", False, 0, "standard", manager=False))
    assert decision.rule == "no_manager"
    assert decision.target == Target.TEAM_QUEUE
    assert decision.notify_ids == (LEAD,)


def test_no_team_and_no_manager_available_waits_in_the_general_queue():
    decision = route(facts("government", True, 0, "standard", team=False))
    assert decision.rule == "no_team"
    assert decision.target == Target.GENERAL_QUEUE
    assert decision.team_id is None
    # The named government manager still hears about it.
    assert decision.notify_ids == (MANAGER,)


def test_an_available_manager_wins_even_without_a_team():
    decision = route(facts("sme", False, 0, "standard", team=False))
    assert decision.target == Target.NAMED_MANAGER


def test_explanations_state_the_facts():
    decision = route(facts("sme", False, 10, "standard"))
    assert "10 open requests (maximum 10)" in decision.explanation
    decision = route(facts("sme", False, 4, "standard"))
    assert "4 of 10 open requests" in decision.explanation


def test_a_base_priority_is_never_lowered_by_rules():
    decision = route(
        facts("sme", False, 0, "gold"),
        base_priority=Priority.URGENT,
        priority_rules=PRIORITY_RULES,
    )
    assert decision.priority == Priority.URGENT


def test_every_rule_has_an_explanation_and_a_unique_code():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    for rule in RULES:
        text = explain(rule.code, facts("sme", False, 1, "standard").__dict__)
        assert text and "%(" not in text
    assert "no longer exists" in explain("gone", {})


def test_decisions_are_stable_values():
    one = route(facts("sme", False, 3, "standard"))
    assert isinstance(one, Decision)
    assert one == route(facts("sme", False, 3, "standard"))


def test_turnover_picks_the_present_manager_with_most_room():
    loads = [
        ManagerLoad(user_id=1, open_requests=9, capacity=10),
        ManagerLoad(user_id=2, open_requests=2, capacity=10, absent=True),
        ManagerLoad(user_id=3, open_requests=4, capacity=10),
        ManagerLoad(user_id=4, open_requests=10, capacity=10),
        ManagerLoad(user_id=5, open_requests=1, capacity=3),
    ]
    assert pick_manager(loads).user_id == 3
    assert pick_manager(loads, exclude=frozenset({3})).user_id == 5
    assert pick_manager(loads[3:4]) is None
