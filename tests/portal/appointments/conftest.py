"""Fixtures of the appointment tests: a company, its people and its manager.

Every test runs on Monday 2 March 2026, 10:00 in Shanghai (the clock ticks on), so
the proposed slots are the same on every run.
"""

from datetime import UTC, datetime

import pytest
import time_machine

from portal.appointments import selectors, services
from portal.companies.models import MemberTier, StaffGroup
from portal.taxonomy.models import Region
from tests.portal.companies.factories import CompanyFactory, SiteFactory, member, staff

MONDAY = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _monday():
    with time_machine.travel(MONDAY, tick=True):
        yield


@pytest.fixture
def manager():
    return staff(StaffGroup.ACCOUNT_MANAGERS, email="am@operator.test")


@pytest.fixture
def company(manager):
    return CompanyFactory(
        legal_name="Harbour Test Tea Co.",
        region=Region.objects.get(code="east"),
        account_manager=manager,
    )


@pytest.fixture
def site(company):
    return SiteFactory(company=company, name="Bund shop", address="1 Bund Road")


@pytest.fixture
def customer(company):
    return member(company, MemberTier.OPERATOR, user__email="ops@customer.test")


@pytest.fixture
def viewer(company):
    return member(company, MemberTier.VIEWER, user__email="viewer@customer.test")


@pytest.fixture
def other_company(manager):
    """Another customer of the same manager: they compete for the same diary."""
    return CompanyFactory(legal_name="Other Test Ltd.", account_manager=manager)


@pytest.fixture
def other_customer(other_company):
    return member(other_company, MemberTier.ADMIN, user__email="boss@other.test")


def first_slot(company, kind="solution_workshop", index=0):
    slots, _zone = selectors.proposed_slots(
        company=company, manager_id=company.account_manager_id, kind=kind
    )
    return slots[index]


@pytest.fixture
def book(site):
    """Book a workshop for `user` in the `index`-th proposed slot."""

    def make(user, *, index=0, kind="solution_workshop", **kwargs):
        company = user.membership.company
        kwargs.setdefault("site", site if company == site.company else None)
        return services.appointment_book(
            user=user,
            kind=kind,
            slot_key=first_slot(company, kind, index).key,
            **kwargs,
        )

    return make


@pytest.fixture
def client(client):
    """The test client; saves the user first, since the factories set the password
    after saving and a session's auth hash must match the stored password."""
    force_login = client.force_login

    def login(user, backend=None):
        user.save()
        force_login(user, backend)

    client.force_login = login
    return client
