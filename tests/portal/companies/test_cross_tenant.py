"""The cross-tenant matrix: every company route, every method, every outsider.

Routes come from the URL resolver and are classified in tests/portal/tenancy.py;
an unclassified route fails `test_every_route_is_classified`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from portal.appointments.models import Appointment
from portal.companies.models import (
    Company,
    CompanyRole,
    CompanySite,
    CompanySiteUserObjectPermission,
    Invitation,
    Membership,
    MemberTier,
    StaffGroup,
)
from tests.portal.companies.factories import (
    CompanyFactory,
    SiteFactory,
    member,
    staff,
)
from tests.portal.tenancy import ROUTES, THIRD_PARTY_PREFIXES, Kind

pytestmark = pytest.mark.django_db

METHODS = ("get", "post", "put", "patch", "delete")
OUTSIDERS = (
    "other_admin",
    "other_viewer",
    "unassigned_manager",
    "editor",
    "anonymous",
)
HOSTILE_DATA = {
    "tier": "admin",
    "name": "Hijacked",
    "email": "attacker@example.com",
    "reason": "Hijacked",
    "permissions": ["manage_company"],
    "legal_name": "Hijacked",
    "action": "verify",
}


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            full_ns = f"{namespace}:{ns}" if namespace and ns else ns or namespace
            yield from _walk(
                pattern.url_patterns, prefix + str(pattern.pattern), full_ns
            )
        elif isinstance(pattern, URLPattern):
            name = pattern.name
            if name and namespace:
                name = f"{namespace}:{name}"
            yield prefix + str(pattern.pattern), name


def portal_routes() -> list[tuple[str, str | None]]:
    return [
        (path, name)
        for path, name in _walk(get_resolver().url_patterns)
        if not path.startswith(THIRD_PARTY_PREFIXES)
    ]


def test_every_route_is_classified():
    unclassified = [
        f"{path} ({name})" for path, name in portal_routes() if name not in ROUTES
    ]
    assert not unclassified, (
        "Classify these routes in tests/portal/tenancy.py: " + ", ".join(unclassified)
    )


@dataclass
class Victim:
    company: Company
    admin: object
    viewer: object
    site: CompanySite
    role: CompanyRole
    invitation: Invitation
    markers: list[str] = field(default_factory=list)


@pytest.fixture
def victim():
    from portal.companies import services

    manager = staff(StaffGroup.ACCOUNT_MANAGERS, email="am.victim@example.com")
    company = CompanyFactory(
        legal_name="Zebra Secret Holdings Ltd.", account_manager=manager
    )
    admin = member(company, MemberTier.ADMIN, user__email="boss@zebra-secret.example")
    site = SiteFactory(company=company, name="Zebra Secret Branch")
    viewer = member(
        company, MemberTier.VIEWER, user__email="viewer@zebra-secret.example"
    )
    role = services.role_save(
        actor=admin, company=company, name="Zebra Auditor", permission_codes=[]
    )
    invitation = services.invitation_create(
        actor=admin, email="invitee@zebra-secret.example", tier=MemberTier.VIEWER
    )
    return Victim(
        company=company,
        admin=admin,
        viewer=viewer,
        site=site,
        role=role,
        invitation=invitation,
        markers=["Zebra Secret", "zebra-secret.example", "Zebra Auditor"],
    )


@pytest.fixture
def outsiders():
    other = CompanyFactory(legal_name="Other Outsider Ltd.")
    return {
        "other_admin": member(other, MemberTier.ADMIN),
        "other_viewer": member(other, MemberTier.VIEWER),
        "unassigned_manager": staff(StaffGroup.ACCOUNT_MANAGERS),
        "editor": staff(StaffGroup.EDITORS),
        "anonymous": None,
    }


def snapshot(company: Company) -> tuple:
    """Everything an outsider could try to change in the victim company."""
    company.refresh_from_db()
    return (
        (company.legal_name, company.status, company.segment_id, company.region_id),
        tuple(
            Membership.objects.filter(company=company)
            .order_by("pk")
            .values_list("pk", "tier", "role_id", "is_active", "is_scoped")
        ),
        tuple(
            Invitation.objects.filter(company=company)
            .order_by("pk")
            .values_list("pk", "status", "nonce", "tier")
        ),
        tuple(
            CompanyRole.objects.filter(company=company)
            .order_by("pk")
            .values_list("pk", "name", "permissions")
        ),
        tuple(
            CompanySite.objects.filter(company=company)
            .order_by("pk")
            .values_list("pk", "name", "address")
        ),
        CompanySiteUserObjectPermission.objects.filter(
            content_object__company=company
        ).count(),
        tuple(
            Appointment.objects.filter(company=company)
            .order_by("pk")
            .values_list("pk", "status", "starts_at", "sequence")
        ),
    )


def _client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _login_redirect(response) -> bool:
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


def _check(route_name, url, victim, outsiders, *, object_route: bool):
    before = snapshot(victim.company)
    failures = []
    for actor_name in OUTSIDERS:
        client = _client(outsiders[actor_name])
        for method in METHODS:
            response = getattr(client, method)(url, data=HOSTILE_DATA)
            body = response.content.decode(errors="replace")
            where = f"{route_name} {method.upper()} as {actor_name}"
            if response.status_code >= 500:
                failures.append(f"{where}: {response.status_code}")
            if object_route and not (
                response.status_code in (404, 405) or _login_redirect(response)
            ):
                failures.append(f"{where}: {response.status_code}")
            leaked = [marker for marker in victim.markers if marker in body]
            if leaked:
                failures.append(f"{where}: shows {leaked}")
            if snapshot(victim.company) != before:
                failures.append(f"{where}: changed the victim company")
                before = snapshot(victim.company)
    assert not failures, "\n".join(failures)


OBJECT_ROUTES = sorted(
    name for name, route in ROUTES.items() if route.kind is Kind.COMPANY_OBJECT
)
OWN_ROUTES = sorted(
    name for name, route in ROUTES.items() if route.kind is Kind.OWN_COMPANY
)


@pytest.mark.parametrize("route_name", OBJECT_ROUTES)
def test_outsiders_cannot_reach_company_objects(route_name, victim, outsiders):
    url = reverse(route_name, kwargs=ROUTES[route_name].make(victim))
    _check(route_name, url, victim, outsiders, object_route=True)


@pytest.mark.parametrize("route_name", OWN_ROUTES)
def test_own_company_pages_show_outsiders_nothing_of_others(
    route_name, victim, outsiders
):
    route = ROUTES[route_name]
    # A route with arguments and no `make` fails here rather than going untested.
    url = reverse(route_name, kwargs=route.make(victim) if route.make else None)
    _check(route_name, url, victim, outsiders, object_route=False)


def test_the_victims_own_admin_does_reach_the_objects(victim):
    """The matrix would pass vacuously if the routes were broken for everyone."""
    client = _client(victim.admin)
    for route_name in OBJECT_ROUTES:
        url = reverse(route_name, kwargs=ROUTES[route_name].make(victim))
        response = client.get(url)
        # POST-only actions answer a GET with 405; the rest render.
        assert response.status_code in (200, 405), (route_name, response.status_code)
    response = client.get(reverse("companies:members"))
    assert b"viewer@zebra-secret.example" in response.content
