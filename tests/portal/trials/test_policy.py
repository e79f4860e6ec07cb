"""The decision matrix: segment x product policy x concurrent trials x quota."""

import pytest

from portal.trials.policy import Outcome, PolicyRules, QuotaRule, decide

RULES = PolicyRules(
    is_active=True,
    eligible_segments=frozenset({"sme", "enterprise", "government"}),
    auto_approve_segments=frozenset({"sme"}),
    max_active_per_company=2,
    max_per_company_per_year=1,
    quotas={"seats": QuotaRule(10, 10, 50), "storage": QuotaRule(100, 100, 1000)},
)
SME_ONLY = PolicyRules(
    is_active=True,
    eligible_segments=frozenset({"sme"}),
    auto_approve_segments=frozenset({"sme"}),
    max_active_per_company=1,
    max_per_company_per_year=1,
    quotas={"sim_cards": QuotaRule(5, 5, 10)},
)
CLOSED = PolicyRules(**{**RULES.__dict__, "is_active": False})


@pytest.mark.parametrize(
    "rules,segment,active,this_year,requested,outcome,reason_part",
    [
        (RULES, "sme", 0, 0, {"seats": 10}, Outcome.AUTO, ""),
        (RULES, "sme", 1, 0, {"seats": 10, "storage": 100}, Outcome.AUTO, ""),
        (RULES, "sme", 0, 0, {"seats": 11}, Outcome.APPROVAL, "seats"),
        (RULES, "sme", 0, 0, {"seats": 51}, Outcome.REFUSED, "at most 50"),
        (RULES, "sme", 2, 0, {"seats": 1}, Outcome.REFUSED, "2 open trials"),
        (RULES, "sme", 0, 1, {"seats": 1}, Outcome.REFUSED, "last 12 months"),
        (RULES, "enterprise", 0, 0, {"seats": 1}, Outcome.APPROVAL, "account manager"),
        (RULES, "government", 0, 0, {"seats": 1}, Outcome.APPROVAL, "account manager"),
        (RULES, "government", 2, 0, {"seats": 1}, Outcome.REFUSED, "open trials"),
        (RULES, "government", 0, 0, {"seats": 60}, Outcome.REFUSED, "at most 50"),
        (RULES, "sme", 0, 0, {"bandwidth": 1}, Outcome.REFUSED, "does not include"),
        (RULES, "sme", 0, 0, {"seats": 0}, Outcome.REFUSED, "at least 1"),
        (SME_ONLY, "sme", 0, 0, {"sim_cards": 5}, Outcome.AUTO, ""),
        (SME_ONLY, "sme", 0, 0, {"sim_cards": 6}, Outcome.APPROVAL, "sim_cards"),
        (SME_ONLY, "enterprise", 0, 0, {"sim_cards": 1}, Outcome.REFUSED, "segment"),
        (SME_ONLY, "sme", 1, 0, {"sim_cards": 1}, Outcome.REFUSED, "open trials"),
        (CLOSED, "sme", 0, 0, {"seats": 1}, Outcome.REFUSED, "closed"),
    ],
)
def test_decision_matrix(
    rules, segment, active, this_year, requested, outcome, reason_part
):
    decision = decide(
        rules=rules,
        segment=segment,
        active_trials=active,
        trials_of_product_this_year=this_year,
        requested=requested,
    )
    assert decision.outcome == outcome
    assert reason_part in decision.reason
    if outcome != Outcome.AUTO:
        assert decision.reason
