"""Customer pages: registration, invitations through the browser-facing views,
constant query counts, and page access by segment."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.companies.models import (
    AuditEvent,
    Company,
    CompanyStatus,
    Membership,
    MemberTier,
    StaffGroup,
)
from portal.taxonomy.models import Segment
from tests.portal.accounts.helpers import sign_in_recently
from tests.portal.companies.factories import (
    CompanyFactory,
    SiteFactory,
    UserFactory,
    credit_code,
    member,
    staff,
)

pytestmark = pytest.mark.django_db


def test_register_company_form_validates_credit_code(client):
    user = UserFactory()
    client.force_login(user)
    url = reverse("companies:register")
    data = {
        "legal_name": "Lotus Bakery",
        "registration_number": "91350100M000100Y44",
        "country": "CN",
        "segment": "sme",
        "size_band": "1-9",
        "billing_address": "2 Lotus Lane",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert b"check character" in response.content
    assert not Company.objects.filter(legal_name="Lotus Bakery").exists()
    data["registration_number"] = credit_code(55555)
    response = client.post(url, data)
    assert response.status_code == 302
    company = Company.objects.get(legal_name="Lotus Bakery")
    assert company.status == CompanyStatus.PENDING
    assert Membership.objects.get(user=user).tier == MemberTier.ADMIN


def test_invite_accept_and_raise_through_views(
    client, django_capture_on_commit_callbacks
):
    company = CompanyFactory()
    admin = member(company, MemberTier.ADMIN)
    sign_in_recently(client, admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("companies:invitation_create"),
            {"email": "colleague@example.com", "tier": "viewer"},
        )
    assert response.status_code == 302
    link = re.search(r"https?://\S+/invitations/accept/\S+/", mail.outbox[-1].body)[0]
    path = link.split("://", 1)[1].split("/", 1)[1]
    colleague = UserFactory(email="colleague@example.com")
    client.force_login(colleague)
    assert client.get("/" + path).status_code == 200
    assert client.post("/" + path).status_code == 302
    assert client.get(reverse("companies:members")).status_code == 404
    dashboard = client.get(reverse("companies:dashboard"))
    assert b'data-permission="order"' not in dashboard.content
    sign_in_recently(client, admin)
    membership = Membership.objects.get(user=colleague)
    response = client.post(
        reverse("companies:member_edit", args=[membership.pk]), {"tier": "manager"}
    )
    assert response.status_code == 302
    client.force_login(colleague)
    dashboard = client.get(reverse("companies:dashboard"))
    assert b'data-permission="order"' in dashboard.content
    assert client.get(reverse("companies:members")).status_code == 200
    assert AuditEvent.objects.filter(
        company=company, action="member.tier_changed"
    ).exists()


def test_denied_access_is_audited(client):
    viewer = member(CompanyFactory(), MemberTier.VIEWER)
    client.force_login(viewer)
    assert client.get(reverse("companies:audit")).status_code == 404
    assert AuditEvent.objects.filter(action="access.denied", actor=viewer).exists()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url_name", ["companies:members", "companies:dashboard"])
def test_list_pages_cost_constant_queries(client, url_name):
    company = CompanyFactory()
    sites = [SiteFactory(company=company) for _ in range(4)]
    admin = member(company, MemberTier.ADMIN)
    client.force_login(admin)
    for index in range(3):
        member(company, MemberTier.OPERATOR, sites=sites[: index % 3 + 1])
    url = reverse(url_name)
    _queries(client, url)  # warm caches (content types, session)
    few = _queries(client, url)
    for index in range(20):
        member(company, MemberTier.VIEWER, sites=sites[: index % 4 + 1])
    many = _queries(client, url)
    assert few == many


def test_restricted_article_follows_segment(client):
    from cms.models import KnowledgeArticlePage

    article = KnowledgeArticlePage.objects.live().filter(locale__language_code="en")[0]
    article.restricted_segments.set([Segment.objects.get(code="enterprise")])
    article.save()
    url = article.url
    assert client.get(url).status_code == 302
    client.force_login(member(CompanyFactory(), MemberTier.VIEWER))
    assert client.get(url).status_code == 404
    enterprise = CompanyFactory(segment=Segment.objects.get(code="enterprise"))
    client.force_login(member(enterprise, MemberTier.VIEWER))
    assert client.get(url).status_code == 200
    client.force_login(staff(StaffGroup.EDITORS))
    assert client.get(url).status_code == 200


def test_audit_log_names_actions_in_the_readers_language(client):
    from portal.companies.audit import AuditAction, audit_record, register_action_labels

    company = CompanyFactory()
    admin = member(company, MemberTier.ADMIN)
    audit_record(action=AuditAction.INVITATION_SENT, actor=admin, company=company)
    audit_record(action="test.labelled", actor=admin, company=company)
    register_action_labels({"test.labelled": "Labelled by its app"})
    client.force_login(admin)
    page = client.get("/zh-hans/company/audit/").content.decode()
    assert "邀请已发送" in page and "invitation.sent" not in page
    assert "Labelled by its app" in page
