"""Every allowed transition of the state machine, and every forbidden one."""

import pytest

from portal.trials import lifecycle
from portal.trials.lifecycle import TRANSITIONS, TransitionNotAllowed
from portal.trials.models import Trial, TrialState

ALL = list(TrialState.values)
ALLOWED = [(a, b) for a in ALL for b in sorted(TRANSITIONS[a])]
FORBIDDEN = [(a, b) for a in ALL for b in ALL if b not in TRANSITIONS[a]]


def test_the_table_covers_every_state():
    assert set(TRANSITIONS) == set(ALL)
    assert ("requested", "approved") in ALLOWED
    assert ("requested", "active") in FORBIDDEN


@pytest.mark.parametrize("source,target", ALLOWED)
def test_allowed_transitions(source, target, monkeypatch):
    trial = Trial(state=source)
    monkeypatch.setattr(Trial, "save", lambda self, **kw: None)
    lifecycle.transition(trial, target)
    assert trial.state == target
    assert (trial.closed_at is not None) == (target in lifecycle.CLOSED_STATES)


@pytest.mark.parametrize("source,target", FORBIDDEN)
def test_forbidden_transitions_raise_a_clear_error(source, target, monkeypatch):
    trial = Trial(state=source)
    monkeypatch.setattr(Trial, "save", lambda self, **kw: pytest.fail("saved"))
    with pytest.raises(TransitionNotAllowed) as error:
        lifecycle.transition(trial, target)
    assert str(TrialState(source).label) in str(error.value)
    assert str(TrialState(target).label) in str(error.value)
    assert trial.state == source
