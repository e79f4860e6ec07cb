"""The members page of a company with many members: a page at a time, by e-mail."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.companies.models import MemberTier
from portal.companies.views import MEMBERS_PAGE_SIZE
from tests.portal.companies.factories import CompanyFactory, SiteFactory, member

pytestmark = pytest.mark.django_db


def test_members_page_pages_by_email_with_constant_queries(client):
    company = CompanyFactory()
    sites = [SiteFactory(company=company) for _ in range(2)]
    admin = member(company, MemberTier.ADMIN, user__email="a-admin@example.com")
    client.force_login(admin)
    url = reverse("companies:members")
    client.get(url)  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(MEMBERS_PAGE_SIZE + 4):
        member(
            company,
            MemberTier.VIEWER,
            sites=sites[: index % 2 + 1],
            user__email=f"m{index:03d}@example.com",
        )
    with CaptureQueriesContext(connection) as many:
        first = client.get(url).content.decode()
    assert len(many) == len(few)
    assert first.count("data-member=") == MEMBERS_PAGE_SIZE
    assert 'data-member="a-admin@example.com"' in first and 'rel="next"' in first
    last = client.get(url + "?page=2").content.decode()
    assert last.count("data-member=") == 5
    assert 'data-member="m028@example.com"' in last
    assert f"{sites[0].name}, {sites[1].name}" in last  # scoped sites still shown


def test_deactivating_is_offered_on_the_members_own_page(client):
    company = CompanyFactory()
    admin = member(company, MemberTier.ADMIN, user__email="a-admin@example.com")
    viewer = member(company, MemberTier.VIEWER, user__email="v@example.com")
    client.force_login(admin)
    listing = client.get(reverse("companies:members")).content.decode()
    assert "Deactivate" not in listing  # one link a row: to the member's page
    edit = reverse("companies:member_edit", args=[viewer.membership.pk])
    assert edit in listing
    page = client.get(edit).content.decode()
    deactivate = reverse("companies:member_deactivate", args=[viewer.membership.pk])
    assert f'action="{deactivate}"' in page and "Deactivate this member" in page
