"""Demo companies, members at every tier, account managers and a team lead.

`seed_companies()` runs inside `manage.py seed_demo` before the demo users are
created; the users themselves are registered with cms.demo.users and attached to
their company by `after_create`. Staff demo users get a TOTP authenticator with a
public secret so they can pass the staff MFA requirement in development.
Development only: the passwords and the TOTP secret are public.
"""

from __future__ import annotations

from functools import partial

from django.contrib.auth.models import Group
from django.db.models import Q
from guardian.shortcuts import assign_perm

from cms.demo.users import DemoUser, register_demo_user
from portal.companies.credit_code import credit_code_check_character
from portal.companies.models import (
    Company,
    CompanySite,
    CompanyStatus,
    Membership,
    MemberTier,
    StaffGroup,
    Team,
    ValueBand,
)
from portal.companies.permissions import SITE_ACCESS_PERMISSION
from portal.taxonomy.models import Industry, Region, Segment

#: Public TOTP secret (base32) of every demo staff account: add it to an
#: authenticator app, or compute codes with allauth's hotp_value in tests.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 (public, dev)
PASSWORD = "company-demo-2026"  # noqa: S105 (public demo password, development only)

# (key, legal name, segment, industry, region, value band, account manager key)
COMPANIES = [
    (
        "harbour",
        "Harbour Tea House Co., Ltd.",
        "sme",
        "hospitality",
        "east",
        ValueBand.STANDARD,
        "am1",
    ),
    (
        "pearl",
        "Pearl River Print Shop",
        "sme",
        "retail",
        "south",
        ValueBand.STANDARD,
        "am2",
    ),
    (
        "summit",
        "Summit Precision Manufacturing Co., Ltd.",
        "enterprise",
        "manufacturing",
        "north",
        ValueBand.GOLD,
        "am1",
    ),
    (
        "jade",
        "Jade Bank of Commerce",
        "enterprise",
        "finance",
        "east",
        ValueBand.PLATINUM,
        "am1",
    ),
    (
        "civic",
        "Municipal Bureau of Civic Services",
        "government",
        "education",
        "north",
        ValueBand.SILVER,
        "am2",
    ),
    (
        "health",
        "Provincial Health Commission",
        "government",
        "healthcare",
        "west",
        ValueBand.SILVER,
        "am2",
    ),
    (
        "newco",
        "Newco Logistics (pending)",
        "sme",
        "logistics",
        "west",
        ValueBand.STANDARD,
        None,
    ),
]

# The bank has branches; its branch managers see only their own branch.
BRANCHES = {"jade": ["Shanghai Pudong branch", "Hangzhou West Lake branch"]}


def _credit_code(index: int) -> str:
    body = f"91310000{index:09d}"
    return body + credit_code_check_character(body)


def _company_key_user(key: str, tier: str) -> str:
    return f"{tier}@{key}.example-customer.test"


def seed_companies() -> None:
    """Create or update the demo companies and their sites (idempotent)."""
    for index, (key, name, segment, industry, region, band, _am) in enumerate(
        COMPANIES, start=1
    ):
        company, _ = Company.objects.update_or_create(
            country="CN",
            registration_number=_credit_code(7_000 + index),
            defaults={
                "legal_name": name,
                "segment": Segment.objects.get(code=segment),
                "industry": Industry.objects.filter(slug=industry).first(),
                "region": Region.objects.filter(code=region).first(),
                "value_band": band,
                "billing_address": f"{index} Demo Road, {region.title()} district",
                "status": (
                    CompanyStatus.PENDING if key == "newco" else CompanyStatus.VERIFIED
                ),
            },
        )
        if company.group_id is None:
            company.group = Group.objects.create(name=f"Company #{company.pk}")
            company.save(update_fields=["group"])
        for branch in BRANCHES.get(key, []):
            CompanySite.objects.get_or_create(company=company, name=branch)


def _company(key: str) -> Company:
    number = _credit_code(7_000 + [c[0] for c in COMPANIES].index(key) + 1)
    return Company.objects.get(country="CN", registration_number=number)


def _join(user, *, key: str, tier: str, branch: str | None = None) -> None:
    company = _company(key)
    membership, _ = Membership.objects.update_or_create(
        user=user,
        defaults={
            "company": company,
            "tier": tier,
            "is_active": True,
            "is_scoped": branch is not None,
        },
    )
    user.groups.add(company.group)
    if branch is not None:
        site = CompanySite.objects.get(company=company, name=branch)
        assign_perm(SITE_ACCESS_PERMISSION, user, site)


def _assign_manager(user, *, keys: list[str]) -> None:
    for key in keys:
        Company.objects.filter(pk=_company(key).pk).update(account_manager=user)


def _lead_team(user, *, members: list[str]) -> None:
    from portal.accounts.models import User

    team, _ = Team.objects.get_or_create(name="East & North enterprise team")
    team.lead = user
    team.segment = Segment.objects.get(code="enterprise")
    team.save()
    team.members.set(User.objects.filter(email__in=members))


def _register_members() -> None:
    people = [
        ("harbour", MemberTier.ADMIN, None, "Hu", "Anna"),
        ("harbour", MemberTier.MANAGER, None, "He", "Bo"),
        ("harbour", MemberTier.OPERATOR, None, "Han", "Chao"),
        ("harbour", MemberTier.VIEWER, None, "Huang", "Dan"),
        ("harbour", MemberTier.BILLING, None, "Hou", "Fei"),
        ("jade", MemberTier.ADMIN, None, "Jiang", "Gang"),
        ("jade", MemberTier.MANAGER, "Shanghai Pudong branch", "Jin", "Hui"),
        ("jade", MemberTier.OPERATOR, "Hangzhou West Lake branch", "Ji", "Jun"),
        ("jade", MemberTier.VIEWER, None, "Jia", "Kai"),
        ("summit", MemberTier.ADMIN, None, "Shi", "Lei"),
        ("civic", MemberTier.ADMIN, None, "Cao", "Ming"),
        ("civic", MemberTier.VIEWER, None, "Cai", "Na"),
        ("health", MemberTier.ADMIN, None, "He", "Ping"),
        ("pearl", MemberTier.ADMIN, None, "Pan", "Qing"),
        ("newco", MemberTier.ADMIN, None, "Niu", "Rui"),
    ]
    for key, tier, branch, last, first in people:
        email = _company_key_user(key, tier if branch is None else f"{tier}-branch")
        role = f"Customer {MemberTier(tier).label}"
        if branch:
            role += f" ({branch} only)"
        register_demo_user(
            DemoUser(
                role=f"{role} · {key}",
                email=email,
                password=PASSWORD,
                first_name=first,
                last_name=last,
                after_create=partial(_join, key=key, tier=tier, branch=branch),
            )
        )


def _register_staff() -> None:
    register_demo_user(
        DemoUser(
            role="Account manager (MFA)",
            email="am1@example-telecom.test",
            password=PASSWORD,
            first_name="Qiang",
            last_name="Wang",
            groups=(StaffGroup.ACCOUNT_MANAGERS,),
            is_staff=True,
            after_create=partial(_assign_manager, keys=["harbour", "summit", "jade"]),
        )
    )
    register_demo_user(
        DemoUser(
            role="Account manager (MFA)",
            email="am2@example-telecom.test",
            password=PASSWORD,
            first_name="Li",
            last_name="Zhao",
            groups=(StaffGroup.ACCOUNT_MANAGERS,),
            is_staff=True,
            after_create=partial(_assign_manager, keys=["pearl", "civic", "health"]),
        )
    )
    register_demo_user(
        DemoUser(
            role="Team lead (MFA)",
            email="lead@example-telecom.test",
            password=PASSWORD,
            first_name="Jing",
            last_name="Sun",
            groups=(StaffGroup.TEAM_LEADS,),
            is_staff=True,
            after_create=partial(_lead_team, members=["am1@example-telecom.test"]),
        )
    )
    register_demo_user(
        DemoUser(
            role="Operator admin (MFA)",
            email="opadmin@example-telecom.test",
            password=PASSWORD,
            first_name="Hong",
            last_name="Ma",
            groups=(StaffGroup.OPERATOR_ADMINS, StaffGroup.EDITORS),
            is_staff=True,
        )
    )


def ensure_staff_mfa() -> None:
    """Give every staff demo account the public demo TOTP authenticator."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    from portal.accounts.models import User

    staff = User.objects.filter(email__endswith="example-telecom.test").filter(
        Q(is_staff=True) | Q(groups__name__in=list(StaffGroup.values))
    )
    for user in staff.distinct():
        if not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)


_register_members()
_register_staff()
