"""Safety under concurrency on PostgreSQL: idempotent submit and single-owner claims."""

import os
import threading
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections

from portal.companies.models import MemberTier, StaffGroup, Team
from portal.support import services
from portal.support.demo import seed_support
from portal.support.models import AccountManagerAbsence, RequestType, ServiceRequest
from portal.taxonomy.models import Segment
from tests.portal.companies.factories import CompanyFactory, SiteFactory, member, staff

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL: set DATABASE_URL=postgres://... (row locks, "
        "real concurrency)",
    ),
]


def run_parallel(count, work):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker(i):
        try:
            barrier.wait()
            results.append(work(i))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@pytest.fixture
def setup_data(transactional_db):
    assert connection.vendor == "postgresql"
    # Transactional tests flush the database: restore the vocabularies they need.
    for code, order in (("sme", 1), ("enterprise", 2), ("government", 3)):
        Segment.objects.get_or_create(
            code=code, defaults={"name": code, "sort_order": order}
        )
    for name in StaffGroup.values:
        Group.objects.get_or_create(name=name)
    seed_support()
    manager = staff(StaffGroup.ACCOUNT_MANAGERS)
    managers = [staff(StaffGroup.ACCOUNT_MANAGERS) for _ in range(20)]
    team = Team.objects.create(name="SME", segment=Segment.objects.get(code="sme"))
    team.members.set([manager, *managers])
    company = CompanyFactory(account_manager=manager)
    site = SiteFactory(company=company)
    customer = member(company, MemberTier.OPERATOR)
    return {
        "manager": manager,
        "managers": managers,
        "site": site,
        "customer": customer,
        "fault": RequestType.objects.get(slug="report-fault"),
    }


def test_50_parallel_identical_submissions_make_one_request(setup_data):
    def submit(_i):
        request, _ = services.request_submit(
            user=setup_data["customer"],
            request_type=setup_data["fault"],
            subject="Same",
            answers={},
            idempotency_key="double-click",
            site=setup_data["site"],
        )
        return request.pk

    results, errors = run_parallel(50, submit)
    assert not errors, errors
    assert len(set(results)) == 1
    assert ServiceRequest.objects.count() == 1


def test_20_parallel_claims_make_one_owner(setup_data):
    AccountManagerAbsence.objects.create(
        user=setup_data["manager"], starts_on=date.today(), ends_on=date.today()
    )
    request, _ = services.request_submit(
        user=setup_data["customer"],
        request_type=setup_data["fault"],
        subject="Queue",
        answers={},
        idempotency_key="q",
        site=setup_data["site"],
    )
    assert request.assignee_id is None

    def claim(i):
        services.request_claim(request_id=request.pk, user=setup_data["managers"][i])
        return i

    winners, errors = run_parallel(20, claim)
    assert len(winners) == 1, errors[:3]
    assert len(errors) == 19
    request.refresh_from_db()
    assert request.assignee_id == setup_data["managers"][winners[0]].pk
    assert request.events.filter(kind="claimed").count() == 1
