"""Random member management checked against a small pure model of the rules.

The model knows tiers, activity and site scopes and says, for every step, whether
the services must accept or refuse it and what everyone may then do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)

from portal.companies import services
from portal.companies.models import MemberTier, StaffGroup
from portal.companies.permissions import (
    TIER_PERMISSIONS,
    PortalPermission,
    has_permission,
    staff_companies,
)
from tests.portal.companies.factories import (
    CompanyFactory,
    SiteFactory,
    UserFactory,
    member,
    staff,
)

TIERS = list(MemberTier)
MANAGE = PortalPermission.MANAGE_MEMBERS


@dataclass
class ModelMember:
    tier: MemberTier
    active: bool = True
    sites: frozenset[int] | None = None  # None: all sites

    @property
    def perms(self):
        return TIER_PERMISSIONS[self.tier]


@dataclass
class Model:
    members: dict[int, ModelMember] = field(default_factory=dict)

    def admins(self) -> int:
        return sum(
            1 for m in self.members.values() if m.active and m.tier == MemberTier.ADMIN
        )

    def may_grant(self, actor: int, tier: MemberTier, sites) -> bool:
        a = self.members[actor]
        if not a.active or MANAGE not in a.perms:
            return False
        if tier == MemberTier.ADMIN and (a.tier != MemberTier.ADMIN or sites):
            return False
        if not TIER_PERMISSIONS[tier] <= a.perms:
            return False
        return a.sites is None or (bool(sites) and set(sites) <= a.sites)

    def may_manage(self, actor: int, target: int) -> bool:
        a, t = self.members[actor], self.members[target]
        if not a.active or MANAGE not in a.perms:
            return False
        if t.tier == MemberTier.ADMIN and a.tier != MemberTier.ADMIN:
            return False
        return a.tier == MemberTier.ADMIN or t.perms <= a.perms

    def may_change(self, actor, target, tier, sites) -> bool:
        if not self.may_manage(actor, target) or not self.may_grant(actor, tier, sites):
            return False
        t = self.members[target]
        if actor == target and not TIER_PERMISSIONS[tier] <= t.perms:
            return False
        return not (
            t.tier == MemberTier.ADMIN
            and tier != MemberTier.ADMIN
            and t.active
            and self.admins() <= 1
        )

    def may_deactivate(self, actor, target) -> bool:
        t = self.members[target]
        if not self.may_manage(actor, target):
            return False
        return not (t.active and t.tier == MemberTier.ADMIN and self.admins() <= 1)


class MemberRules(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.company = CompanyFactory()
        self.sites = [SiteFactory(company=self.company) for _ in range(3)]
        founder = member(self.company, MemberTier.ADMIN)
        self.users = [founder]
        self.model = Model({0: ModelMember(MemberTier.ADMIN)})
        self.managers = [staff(StaffGroup.ACCOUNT_MANAGERS) for _ in range(2)]
        self.admin_staff = staff(StaffGroup.OPERATOR_ADMINS)
        self.assigned = None

    def _user(self, index):
        user = self.users[index]
        return type(user).objects.get(pk=user.pk)  # a new request

    def _membership(self, index):
        return self._user(index).membership

    def _sites(self, picks):
        return [self.sites[i] for i in sorted(set(picks))]

    def _run(self, allowed: bool, call):
        try:
            call()
        except (ValidationError, PermissionDenied) as error:
            assert not allowed, f"refused but the model allows it: {error}"
            return False
        assert allowed, "accepted but the model forbids it"
        return True

    @rule(
        actor=st.integers(0, 20),
        tier=st.sampled_from(TIERS),
        picks=st.lists(st.integers(0, 2), max_size=2),
    )
    def invite(self, actor, tier, picks):
        actor %= len(self.users)
        sites = self._sites(picks)
        allowed = self.model.may_grant(actor, tier, [s.pk for s in sites])
        email = f"m{len(self.users)}-{self.company.pk}@example.com"
        result = {}

        def call():
            result["inv"] = services.invitation_create(
                actor=self._user(actor),
                email=email,
                tier=tier,
                scoped=bool(sites),
                sites=sites,
            )

        if self._run(allowed, call):
            user = UserFactory(email=email)
            services.invitation_accept(
                user=user, token=services.invitation_token(result["inv"])
            )
            self.users.append(user)
            self.model.members[len(self.users) - 1] = ModelMember(
                tier, sites=frozenset(s.pk for s in sites) if sites else None
            )

    @rule(
        actor=st.integers(0, 20),
        subject=st.integers(0, 20),
        tier=st.sampled_from(TIERS),
        picks=st.lists(st.integers(0, 2), max_size=2),
    )
    def change(self, actor, subject, tier, picks):
        actor %= len(self.users)
        target = subject % len(self.users)
        sites = self._sites(picks)
        allowed = self.model.may_change(actor, target, tier, [s.pk for s in sites])

        def call():
            services.member_update(
                actor=self._user(actor),
                membership=self._membership(target),
                tier=tier,
                scoped=bool(sites),
                sites=sites,
            )

        if self._run(allowed, call):
            t = self.model.members[target]
            t.tier = tier
            t.sites = frozenset(s.pk for s in sites) if sites else None

    @rule(actor=st.integers(0, 20), subject=st.integers(0, 20))
    def deactivate(self, actor, subject):
        actor %= len(self.users)
        target = subject % len(self.users)
        allowed = self.model.may_deactivate(actor, target)

        def call():
            services.member_deactivate(
                actor=self._user(actor), membership=self._membership(target)
            )

        if self._run(allowed, call):
            self.model.members[target].active = False

    @rule(manager=st.integers(0, 1))
    def reassign(self, manager):
        services.company_assign(
            actor=self.admin_staff,
            company=self.company,
            account_manager=self.managers[manager],
        )
        self.assigned = manager

    @invariant()
    def permissions_match_the_model(self):
        for index, expected in self.model.members.items():
            user = self._user(index)
            for perm in PortalPermission:
                want = expected.active and perm in expected.perms
                assert has_permission(user, perm) is want, (index, perm)
            for site in self.sites:
                want = expected.active and (
                    expected.sites is None or site.pk in expected.sites
                )
                got = has_permission(user, PortalPermission.VIEW_SERVICES, site=site)
                assert got is want, (index, site.pk)
        assert self.model.admins() >= 1

    @invariant()
    def only_the_assigned_manager_sees_the_company(self):
        for index, manager in enumerate(self.managers):
            sees = staff_companies(manager).filter(pk=self.company.pk).exists()
            assert sees is (index == self.assigned)


@pytest.mark.django_db
def test_member_rules_follow_the_model():
    run_state_machine_as_test(
        MemberRules,
        settings=settings(
            max_examples=25,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
