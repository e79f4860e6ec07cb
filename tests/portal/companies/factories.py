"""Factories for companies, sites, members and staff; other apps' tests use them too."""

import itertools

import factory
from django.contrib.auth.models import Group
from guardian.shortcuts import assign_perm

from portal.accounts.models import User
from portal.companies.credit_code import credit_code_check_character
from portal.companies.models import (
    Company,
    CompanySite,
    CompanyStatus,
    Membership,
    MemberTier,
    StaffGroup,
    Team,
)
from portal.taxonomy.models import Segment

_codes = itertools.count(1)


def credit_code(n: int) -> str:
    """A valid unified social credit code, different for every n."""
    body = f"91110000{n:09d}"
    return body + credit_code_check_character(body)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    password = factory.django.Password("correct horse 42")


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    legal_name = factory.Sequence(lambda n: f"Example Trading {n} Co., Ltd.")
    registration_number = factory.LazyFunction(lambda: credit_code(next(_codes)))
    segment = factory.LazyFunction(lambda: Segment.objects.get(code="sme"))
    status = CompanyStatus.VERIFIED
    group = factory.LazyAttribute(
        lambda o: Group.objects.create(name=f"Company: {o.legal_name}")
    )


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompanySite

    company = factory.SubFactory(CompanyFactory)
    name = factory.Sequence(lambda n: f"Branch {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    company = factory.SubFactory(CompanyFactory)
    user = factory.SubFactory(UserFactory)
    tier = MemberTier.VIEWER


def member(company, tier=MemberTier.VIEWER, *, sites=None, **kwargs) -> User:
    """A user who is an active member of `company`, scoped to `sites` if given."""
    membership = MembershipFactory(
        company=company, tier=tier, is_scoped=sites is not None, **kwargs
    )
    if company.group_id:
        membership.user.groups.add(company.group)
    for site in sites or []:
        assign_perm("companies.access_companysite", membership.user, site)
    return membership.user


def staff(*groups: str, **kwargs) -> User:
    """A staff user in the given staff groups."""
    user = UserFactory(is_staff=True, **kwargs)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def team(*, lead: User, members: list[User]) -> Team:
    team = Team.objects.create(name=f"Team of {lead.email}", lead=lead)
    team.members.set(members)
    return team


__all__ = [
    "CompanyFactory",
    "MembershipFactory",
    "SiteFactory",
    "StaffGroup",
    "UserFactory",
    "credit_code",
    "member",
    "staff",
    "team",
]
