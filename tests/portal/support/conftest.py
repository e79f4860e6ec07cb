"""Fixtures of the service-request tests: a company, its people and a team."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.companies.models import MemberTier, StaffGroup, Team
from portal.support.models import RequestType
from portal.taxonomy.models import Region, Segment
from tests.portal.companies.factories import CompanyFactory, SiteFactory, member, staff


@pytest.fixture
def region():
    return Region.objects.get(code="east")


@pytest.fixture
def manager():
    return staff(StaffGroup.ACCOUNT_MANAGERS, email="am@operator.test")


@pytest.fixture
def teammate():
    return staff(StaffGroup.ACCOUNT_MANAGERS, email="mate@operator.test")


@pytest.fixture
def lead():
    return staff(StaffGroup.TEAM_LEADS, email="lead@operator.test")


@pytest.fixture
def team(region, manager, teammate, lead):
    team = Team.objects.create(
        name="SME East",
        segment=Segment.objects.get(code="sme"),
        region=region,
        lead=lead,
    )
    team.members.set([manager, teammate])
    return team


@pytest.fixture
def company(region, manager):
    return CompanyFactory(region=region, account_manager=manager)


@pytest.fixture
def site(company):
    return SiteFactory(company=company)


@pytest.fixture
def customer(company):
    return member(company, MemberTier.OPERATOR, user__email="ops@customer.test")


@pytest.fixture
def fault_type():
    return RequestType.objects.get(slug="report-fault")


@pytest.fixture
def bandwidth_type():
    return RequestType.objects.get(slug="change-bandwidth")


def pdf_upload(name="report.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 test", content_type="application/pdf")


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


@pytest.fixture
def operator_admin():
    """A superuser with an authenticator, as the admin requires two-factor sign-in."""
    from allauth.mfa.models import Authenticator

    from tests.portal.companies.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    Authenticator.objects.create(
        user=admin, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    return admin
