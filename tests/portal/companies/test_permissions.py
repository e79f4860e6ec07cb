"""Unit tests of the permission module's decisions."""

import pytest

from portal.companies.models import (
    Company,
    CompanySite,
    CompanyStatus,
    MemberTier,
    StaffGroup,
)
from portal.companies.permissions import (
    TIER_PERMISSIONS,
    PortalPermission,
    audience_keys_for_user,
    has_permission,
    is_account_manager,
    is_operator_admin,
    is_team_lead,
    membership_for,
    scope_queryset,
    staff_companies,
)
from tests.portal.companies.factories import (
    CompanyFactory,
    SiteFactory,
    UserFactory,
    member,
    staff,
    team,
)

pytestmark = pytest.mark.django_db
P = PortalPermission


def test_tiers_grant_their_documented_sets():
    company = CompanyFactory()
    for tier, granted in TIER_PERMISSIONS.items():
        user = member(company, tier)
        for perm in PortalPermission:
            assert has_permission(user, perm) is (perm in granted), (tier, perm)


def test_admin_has_everything_and_viewer_cannot_order():
    company = CompanyFactory()
    assert has_permission(member(company, MemberTier.ADMIN), P.MANAGE_MEMBERS)
    viewer = member(company, MemberTier.VIEWER)
    assert not has_permission(viewer, P.ORDER)
    assert not has_permission(viewer, P.MANAGE_MEMBERS)


def test_pending_company_cannot_order_trial_or_raise_requests():
    company = CompanyFactory(status=CompanyStatus.PENDING)
    admin = member(company, MemberTier.ADMIN)
    assert membership_for(admin) is not None
    for perm in (P.ORDER, P.START_TRIALS, P.RAISE_REQUESTS):
        assert not has_permission(admin, perm)
    assert has_permission(admin, P.MANAGE_MEMBERS)


def test_rejected_company_gives_no_membership():
    admin = member(CompanyFactory(status=CompanyStatus.REJECTED), MemberTier.ADMIN)
    assert membership_for(admin) is None
    assert not has_permission(admin, P.VIEW_SERVICES)


def test_members_cannot_act_in_another_company():
    mine, other = CompanyFactory(), CompanyFactory()
    admin = member(mine, MemberTier.ADMIN)
    assert has_permission(admin, P.VIEW_SERVICES, company=mine)
    assert not has_permission(admin, P.VIEW_SERVICES, company=other)
    assert not has_permission(admin, P.VIEW_SERVICES, site=SiteFactory(company=other))


def test_scoped_member_only_within_sites():
    company = CompanyFactory()
    north, south = SiteFactory(company=company), SiteFactory(company=company)
    user = member(company, MemberTier.MANAGER, sites=[north])
    assert has_permission(user, P.ORDER, site=north)
    assert not has_permission(user, P.ORDER, site=south)
    sites = scope_queryset(
        user,
        CompanySite.objects.all(),
        perm=P.VIEW_SERVICES,
        site_field="pk",
    )
    assert list(sites) == [north]


def test_scope_queryset_filters_company_first():
    mine, other = CompanyFactory(), CompanyFactory()
    user = member(mine, MemberTier.VIEWER)
    qs = scope_queryset(
        user, Company.objects.all(), perm=P.VIEW_SERVICES, company_field="pk"
    )
    assert list(qs) == [mine]
    assert not scope_queryset(
        user, Company.objects.all(), perm=P.ORDER, company_field="pk"
    ).exists()
    assert not scope_queryset(
        UserFactory(), Company.objects.all(), perm=P.VIEW_SERVICES, company_field="pk"
    ).exists()
    assert other not in qs


def test_staff_see_assigned_team_or_all_companies():
    manager = staff(StaffGroup.ACCOUNT_MANAGERS)
    colleague = staff(StaffGroup.ACCOUNT_MANAGERS)
    lead = staff(StaffGroup.TEAM_LEADS)
    admin = staff(StaffGroup.OPERATOR_ADMINS)
    editor = staff(StaffGroup.EDITORS)
    team(lead=lead, members=[manager])
    assigned = CompanyFactory(account_manager=manager)
    elsewhere = CompanyFactory(account_manager=colleague)
    assert is_account_manager(manager) and is_team_lead(lead)
    assert is_operator_admin(admin) and not is_operator_admin(manager)
    assert set(staff_companies(manager)) == {assigned}
    assert set(staff_companies(lead)) == {assigned}
    assert {assigned, elsewhere} <= set(staff_companies(admin))
    assert not staff_companies(editor).exists()
    assert has_permission(manager, P.VIEW_SERVICES, company=assigned)
    assert not has_permission(manager, P.VIEW_SERVICES, company=elsewhere)
    assert not has_permission(manager, P.ORDER, company=assigned)


def test_audience_keys():
    assert audience_keys_for_user(UserFactory()) == {"public"}
    company = CompanyFactory()
    user = member(company, MemberTier.VIEWER)
    assert audience_keys_for_user(user) == {
        "public",
        "segment:sme",
        f"group:{company.group_id}",
    }
    pending = member(CompanyFactory(status=CompanyStatus.PENDING))
    assert "segment:sme" not in audience_keys_for_user(pending)
    assert "*" in audience_keys_for_user(staff(StaffGroup.EDITORS))


def test_permission_checks_are_memoised(django_assert_num_queries):
    company = CompanyFactory()
    sites = [SiteFactory(company=company) for _ in range(5)]
    user = member(company, MemberTier.OPERATOR, sites=sites[:2])
    user = type(user).objects.get(pk=user.pk)
    with django_assert_num_queries(2):  # membership, then the site scope
        results = [has_permission(user, P.VIEW_SERVICES, site=s) for s in sites]
    assert results == [True, True, False, False, False]
