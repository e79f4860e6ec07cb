"""The trial state machine: every allowed transition in one table.

Services call `transition`; nothing else assigns `Trial.state`. A forbidden move
raises `TransitionNotAllowed` naming the states, so callers can show why.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.trials.models import Trial, TrialState

S = TrialState

TRANSITIONS: dict[str, frozenset[str]] = {
    S.REQUESTED: frozenset({S.APPROVED, S.REJECTED, S.CANCELLED}),
    S.APPROVED: frozenset({S.PROVISIONING, S.CANCELLED}),
    S.PROVISIONING: frozenset({S.ACTIVE, S.CANCELLED}),
    S.ACTIVE: frozenset({S.EXPIRING, S.EXPIRED, S.CONVERTED, S.CANCELLED}),
    # An extension granted while ending soon makes the trial active again.
    S.EXPIRING: frozenset({S.ACTIVE, S.EXPIRED, S.CONVERTED, S.CANCELLED}),
    S.EXPIRED: frozenset({S.CONVERTED}),
    S.REJECTED: frozenset(),
    S.CONVERTED: frozenset(),
    S.CANCELLED: frozenset(),
}

OPEN_STATES = frozenset({S.REQUESTED, S.APPROVED, S.PROVISIONING, S.ACTIVE, S.EXPIRING})
RUNNING_STATES = frozenset({S.ACTIVE, S.EXPIRING})
CLOSED_STATES = frozenset({S.REJECTED, S.EXPIRED, S.CONVERTED, S.CANCELLED})


class TransitionNotAllowed(Exception):
    """A trial was asked to move to a state it cannot reach from where it is."""

    def __init__(self, trial: Trial, target: str):
        self.trial = trial
        self.target = target
        super().__init__(
            _("A trial that is “%(current)s” cannot become “%(target)s”.")
            % {
                "current": TrialState(trial.state).label,
                "target": TrialState(target).label,
            }
        )


def can_transition(trial: Trial, target: str) -> bool:
    return target in TRANSITIONS[trial.state]


def transition(trial: Trial, target: str) -> Trial:
    """Move `trial` to `target` and save it; the caller holds the row lock."""
    if not can_transition(trial, target):
        raise TransitionNotAllowed(trial, target)
    trial.state = target
    fields = ["state"]
    if target in CLOSED_STATES:
        trial.closed_at = timezone.now()
        fields.append("closed_at")
    trial.save(update_fields=fields)
    return trial
