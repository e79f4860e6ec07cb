"""Trial policies are edited in the Wagtail admin as snippets with inline quotas."""

import pytest
from wagtail.snippets.models import get_snippet_models

from portal.trials.models import TrialPolicy

pytestmark = pytest.mark.django_db


def test_trial_policy_is_an_editable_snippet(trial_policy):
    assert TrialPolicy in get_snippet_models()
    form_class = TrialPolicy.snippet_viewset.get_form_class()
    form = form_class(instance=trial_policy, for_user=None)
    for name in (
        "product_code",
        "duration_days",
        "eligible_segments",
        "auto_approve_segments",
        "extension_days",
    ):
        assert name in form.fields
    assert "quotas" in form.formsets
