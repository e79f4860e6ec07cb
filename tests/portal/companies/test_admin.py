"""Operator staff in the Wagtail admin: company decisions with their audit trail, a
read-only view of members, tiers and scopes, and the staff teams."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.urls import reverse

from portal.companies import permissions
from portal.companies.models import (
    AuditEvent,
    CompanyStatus,
    MemberTier,
    StaffGroup,
    Team,
)
from portal.companies.services import role_save
from portal.taxonomy.models import Region, Segment
from tests.portal.companies.factories import (
    CompanyFactory,
    SiteFactory,
    member,
    staff,
    team,
)

pytestmark = pytest.mark.django_db


def with_mfa(user):
    """Staff must have a second factor before the admin lets them in."""
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


@pytest.fixture
def operator_admin(client):
    user = with_mfa(staff(StaffGroup.OPERATOR_ADMINS, email="opadmin@test.example"))
    client.force_login(user)
    return user


def _detail(company):
    return reverse("companies_admin:detail", args=[company.pk])


def test_operator_admin_verifies_rejects_reclassifies_and_assigns(
    client, operator_admin
):
    company = CompanyFactory(status=CompanyStatus.PENDING)
    url = _detail(company)
    # A rejection needs a reason the customer can act on.
    client.post(url, {"action": "reject", "reason": ""})
    company.refresh_from_db()
    assert company.status == CompanyStatus.PENDING
    client.post(url, {"action": "reject", "reason": "The licence is unreadable."})
    company.refresh_from_db()
    assert company.status == CompanyStatus.REJECTED
    assert company.rejection_reason == "The licence is unreadable."
    assert client.post(url, {"action": "verify"}).status_code == 302
    company.refresh_from_db()
    assert company.status == CompanyStatus.VERIFIED
    government = Segment.objects.get(code="government")
    client.post(url, {"action": "classify", "segment": government.pk})
    manager = staff(StaffGroup.ACCOUNT_MANAGERS)
    client.post(url, {"action": "assign", "account_manager": manager.pk})
    company.refresh_from_db()
    assert company.segment == government and company.account_manager == manager
    events = {
        event.action: event
        for event in AuditEvent.objects.filter(company=company, actor=operator_admin)
    }
    assert events["company.rejected"].data == {"reason": "The licence is unreadable."}
    assert {"company.verified", "company.reclassified"} <= set(events)
    assert events["company.assigned"].data == {"from": None, "to": manager.pk}


def test_account_managers_see_their_companies_but_do_not_assign(client):
    manager = with_mfa(staff(StaffGroup.ACCOUNT_MANAGERS))
    mine = CompanyFactory(account_manager=manager, status=CompanyStatus.PENDING)
    other = CompanyFactory()
    client.force_login(manager)
    # Django's LocaleMiddleware turns an admin 404 into a redirect to the
    # language-prefixed path, which is a 404 too: follow it.
    assert client.get(_detail(other), follow=True).status_code == 404
    response = client.get(_detail(mine))
    assert response.status_code == 200
    assert b'value="assign"' not in response.content
    colleague = staff(StaffGroup.ACCOUNT_MANAGERS)
    client.post(_detail(mine), {"action": "assign", "account_manager": colleague.pk})
    mine.refresh_from_db()
    assert mine.account_manager == manager
    assert not AuditEvent.objects.filter(action="company.assigned").exists()


def test_staff_see_members_tiers_roles_and_scopes_read_only(client, operator_admin):
    company = CompanyFactory()
    admin = member(company, MemberTier.ADMIN, user__email="chief@lotus.example")
    branch = SiteFactory(company=company, name="Suzhou branch")
    member(
        company, MemberTier.OPERATOR, sites=[branch], user__email="ops@lotus.example"
    )
    auditor = member(company, MemberTier.VIEWER, user__email="audit@lotus.example")
    role = role_save(
        actor=admin,
        company=company,
        name="Bill readers",
        permission_codes=["view_bills"],
    )
    auditor.membership.role = role
    auditor.membership.save()
    response = client.get(_detail(company))
    body = response.content.decode()
    assert response.status_code == 200
    row = body.split('data-member="ops@lotus.example"')[1].split("</tr>")[0]
    assert "Operator" in row and "Suzhou branch" in row
    row = body.split('data-member="chief@lotus.example"')[1].split("</tr>")[0]
    assert "Company administrator" in row and "All sites" in row
    row = body.split('data-member="audit@lotus.example"')[1].split("</tr>")[0]
    assert "Bill readers" in row
    assert "View bills" in body
    # Nothing on the page changes a member: no member forms, no member routes.
    assert "/company/members/" not in body


def test_operator_admin_manages_teams_and_it_is_audited(client, operator_admin):
    lead = staff(StaffGroup.TEAM_LEADS)
    first, second = (
        staff(StaffGroup.ACCOUNT_MANAGERS),
        staff(StaffGroup.ACCOUNT_MANAGERS),
    )
    company = CompanyFactory(account_manager=second)
    assert client.get(reverse("teams:index")).status_code == 200
    response = client.post(
        reverse("teams:add"),
        {
            "name": "South SME team",
            "segment": Segment.objects.get(code="sme").pk,
            "region": Region.objects.first().pk,
            "lead": lead.pk,
            "members": [first.pk],
        },
    )
    assert response.status_code == 302
    created = Team.objects.get(name="South SME team")
    assert list(created.members.all()) == [first]
    assert company not in permissions.staff_companies(
        type(lead).objects.get(pk=lead.pk)
    )

    response = client.post(
        reverse("teams:edit", args=[created.pk]),
        {"name": "South SME team", "lead": lead.pk, "members": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    # The lead now sees the companies of the new member at once.
    assert company in permissions.staff_companies(type(lead).objects.get(pk=lead.pk))
    saved = AuditEvent.objects.filter(action="team.saved", actor=operator_admin)
    assert saved.count() == 2
    assert saved.first().data["to"]["members"] == sorted([first.pk, second.pk])

    assert client.post(reverse("teams:delete", args=[created.pk])).status_code == 302
    assert not Team.objects.filter(pk=created.pk).exists()
    assert AuditEvent.objects.filter(action="team.deleted").exists()


def test_team_form_takes_only_team_leads_and_account_managers(client, operator_admin):
    editor = staff(StaffGroup.EDITORS)
    response = client.post(
        reverse("teams:add"),
        {"name": "Odd team", "lead": editor.pk, "members": [editor.pk]},
    )
    assert response.status_code == 200
    assert not Team.objects.filter(name="Odd team").exists()


@pytest.mark.parametrize("group", [StaffGroup.ACCOUNT_MANAGERS, StaffGroup.TEAM_LEADS])
def test_other_staff_cannot_manage_teams(client, group):
    user = with_mfa(staff(group))
    existing = team(lead=staff(StaffGroup.TEAM_LEADS), members=[])
    client.force_login(user)
    for url in (
        reverse("teams:index"),
        reverse("teams:add"),
        reverse("teams:edit", args=[existing.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    client.post(reverse("teams:delete", args=[existing.pk]))
    assert Team.objects.filter(pk=existing.pk).exists()
    assert not AuditEvent.objects.filter(action__startswith="team.").exists()
