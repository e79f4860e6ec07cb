"""The trials page of a company with many trials: pages, and a constant number of
queries however many trials, allocations and notices there are."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.companies.models import MemberTier
from portal.trials.models import Trial, TrialAllocation, TrialState
from portal.trials.views import TRIALS_PAGE_SIZE
from tests.portal.companies.factories import member

pytestmark = pytest.mark.django_db


def add_trials(company, policy, user, n):
    now = timezone.now()
    trials = Trial.objects.bulk_create(
        Trial(
            company=company,
            policy=policy,
            product_code=policy.product_code,
            product_title=f"Cloud Drive #{i}",
            requested_by=user,
            use_case="Share files",
            state=TrialState.ACTIVE,
            starts_at=now,
            ends_at=now + timedelta(days=i % 30),
        )
        for i in range(n)
    )
    TrialAllocation.objects.bulk_create(
        TrialAllocation(trial=t, kind=kind, unit=unit, amount=10, used=4)
        for t in trials
        for kind, unit in (("seats", "seats"), ("storage", "GB"))
    )


def _get(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_trials_page_pages_with_constant_queries(client, sme, trial_policy):
    admin = member(sme, MemberTier.ADMIN)
    admin.save()  # the factory sets the password after saving
    client.force_login(admin)
    add_trials(sme, trial_policy, admin, 2)
    url = reverse("trials:list")
    _get(client, url)  # warm caches (content types, session)
    few, _page = _get(client, url)
    add_trials(sme, trial_policy, admin, TRIALS_PAGE_SIZE + 3)
    many, page = _get(client, url)
    assert many == few
    assert page.count("data-trial=") == TRIALS_PAGE_SIZE and 'rel="next"' in page
    _count, last = _get(client, url + "?page=2")
    assert last.count("data-trial=") == 5 and 'rel="prev"' in last
