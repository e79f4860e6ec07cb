import pytest

from portal.companies.models import CompanyStatus, MemberTier, StaffGroup
from portal.taxonomy.models import Segment
from portal.trials.models import QuotaKind, QuotaUnit, TrialPolicy, TrialQuota
from tests.portal.companies.factories import CompanyFactory, member, staff
from tests.portal.trials.pages import make_product


@pytest.fixture
def product(db):
    return make_product(code="CLOUD-DRIVE")


@pytest.fixture
def trial_policy(product):
    policy = TrialPolicy.objects.create(
        product_code="CLOUD-DRIVE",
        duration_days=30,
        extension_days=14,
        max_active_per_company=2,
        max_per_company_per_year=1,
    )
    policy.eligible_segments.set(Segment.objects.all())
    policy.auto_approve_segments.set(Segment.objects.filter(code="sme"))
    TrialQuota.objects.create(
        policy=policy,
        kind=QuotaKind.SEATS,
        unit=QuotaUnit.SEATS,
        default_amount=10,
        auto_approve_limit=10,
        max_amount=50,
        list_price="30.00",
    )
    TrialQuota.objects.create(
        policy=policy,
        kind=QuotaKind.STORAGE,
        unit=QuotaUnit.GB,
        default_amount=100,
        auto_approve_limit=100,
        max_amount=1000,
        list_price="0.50",
    )
    return policy


@pytest.fixture
def account_manager(db):
    return staff(StaffGroup.ACCOUNT_MANAGERS, email="am@telecom.example")


@pytest.fixture
def sme(account_manager):
    return CompanyFactory(
        legal_name="小微科技 Tiny Tech", account_manager=account_manager
    )


@pytest.fixture
def gov(account_manager):
    return CompanyFactory(
        segment=Segment.objects.get(code="government"), account_manager=account_manager
    )


@pytest.fixture
def sme_admin(sme):
    return member(sme, MemberTier.ADMIN)


@pytest.fixture
def gov_admin(gov):
    return member(gov, MemberTier.ADMIN)


@pytest.fixture
def pending_company():
    return CompanyFactory(status=CompanyStatus.PENDING)


REQUEST = {"seats": 5, "storage": 50}
