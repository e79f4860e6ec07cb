"""Sensitive changes: reauthentication first, immediate effect on the member's other
sessions, and a rejected company's resubmission."""

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.companies import services
from portal.companies.models import (
    AuditEvent,
    CompanyStatus,
    Invitation,
    Membership,
    MemberTier,
)
from portal.taxonomy.models import Segment
from tests.portal.accounts.helpers import reauthenticate, sign_in_recently
from tests.portal.companies.factories import CompanyFactory, credit_code, member
from tests.portal.companies.test_cross_tenant import snapshot

pytestmark = pytest.mark.django_db

REAUTHENTICATE = "/en/accounts/reauthenticate/"


@pytest.fixture
def company():
    return CompanyFactory(legal_name="Lotus Reauth Trading Co., Ltd.")


@pytest.fixture
def admin(company):
    return member(company, MemberTier.ADMIN)


def _company_data(company, **changes):
    data = {
        "legal_name": company.legal_name,
        "registration_number": company.registration_number,
        "country": company.country,
        "size_band": "10-49",
        "billing_address": "9 Changed Road",
    }
    data.update(changes)
    return data


def _sensitive_posts(company, admin):
    """(url name, kwargs, data) of every change that needs a recent sign-in."""
    viewer = member(company, MemberTier.VIEWER)
    former = member(company, MemberTier.VIEWER)
    Membership.objects.filter(user=former).update(is_active=False)
    invitation = services.invitation_create(
        actor=admin, email="open@example.com", tier=MemberTier.VIEWER
    )
    role = services.role_save(
        actor=admin, company=company, name="Auditors", permission_codes=[]
    )
    return [
        ("companies:member_edit", {"pk": viewer.membership.pk}, {"tier": "manager"}),
        ("companies:member_deactivate", {"pk": viewer.membership.pk}, {}),
        ("companies:member_reactivate", {"pk": former.membership.pk}, {}),
        (
            "companies:invitation_create",
            {},
            {"email": "new@example.com", "tier": "viewer"},
        ),
        ("companies:invitation_resend", {"pk": invitation.pk}, {}),
        ("companies:invitation_revoke", {"pk": invitation.pk}, {}),
        ("companies:edit", {}, _company_data(company, size_band="50-249")),
        ("companies:roles", {}, {"name": "Billers", "permissions": ["view_bills"]}),
        ("companies:role_edit", {"pk": role.pk}, {"name": "Renamed"}),
        ("companies:role_delete", {"pk": role.pk}, {}),
    ]


def test_every_sensitive_change_asks_a_stale_session_to_reauthenticate(
    client, company, admin
):
    posts = _sensitive_posts(company, admin)
    client.force_login(admin)  # signed in, but no password confirmed recently
    before = snapshot(company)
    for name, kwargs, data in posts:
        url = reverse(name, kwargs=kwargs)
        response = client.post(url, data)
        assert response.status_code == 302, name
        assert response["Location"].startswith(REAUTHENTICATE), name
        assert f"next={url.replace('/', '%2F')}" in response["Location"], name
        # Reading the page needs no password; only the change does.
        if name in ("companies:member_edit", "companies:edit", "companies:roles"):
            assert client.get(url).status_code == 200, name
    assert snapshot(company) == before
    assert not Invitation.objects.filter(email="new@example.com").exists()


def test_reauthentication_comes_back_and_replays_the_change(client, company, admin):
    viewer = member(company, MemberTier.VIEWER)
    url = reverse("companies:member_edit", args=[viewer.membership.pk])
    client.force_login(admin)
    response = client.post(url, {"tier": "manager"})
    assert response["Location"].startswith(REAUTHENTICATE)
    assert Membership.objects.get(user=viewer).tier == MemberTier.VIEWER
    assert not AuditEvent.objects.filter(action="member.tier_changed").exists()
    assert client.get(response["Location"]).status_code == 200
    # A wrong password changes nothing either.
    assert reauthenticate(client, next_url=url, password="wrong").status_code == 200
    assert Membership.objects.get(user=viewer).tier == MemberTier.VIEWER

    response = reauthenticate(client, next_url=url)
    assert response.status_code == 302
    assert response["Location"] == reverse("companies:members")
    assert Membership.objects.get(user=viewer).tier == MemberTier.MANAGER
    assert AuditEvent.objects.filter(
        action="member.tier_changed", actor=admin, company=company
    ).exists()


def test_a_confirmed_password_is_good_for_five_minutes(client, company, admin):
    viewer = member(company, MemberTier.VIEWER)
    url = reverse("companies:member_edit", args=[viewer.membership.pk])
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        sign_in_recently(client, admin)
        response = client.post(url, {"tier": "operator"})
        assert response["Location"] == reverse("companies:members")
        traveller.shift(301)
        response = client.post(url, {"tier": "manager"})
        assert response["Location"].startswith(REAUTHENTICATE)
    assert Membership.objects.get(user=viewer).tier == MemberTier.OPERATOR


# --- Immediate effect on the member's other sessions ------------------------


def _devices(user, count=2) -> list[Client]:
    """Clients signed in as `user`, each seen once (allauth tracks the session)."""
    devices = []
    for _ in range(count):
        device = Client()
        device.force_login(user)
        assert device.get(reverse("companies:dashboard")).status_code == 200
        devices.append(device)
    return devices


def _signed_out(device) -> bool:
    response = device.get(reverse("companies:dashboard"))
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_lowering_a_tier_ends_the_members_sessions_on_the_next_request(
    client, company, admin
):
    manager = member(company, MemberTier.MANAGER)
    phone, laptop = _devices(manager)
    assert phone.get(reverse("companies:members")).status_code == 200
    sign_in_recently(client, admin)
    url = reverse("companies:member_edit", args=[manager.membership.pk])
    assert client.post(url, {"tier": "viewer"}).status_code == 302
    assert _signed_out(phone) and _signed_out(laptop)
    # Signed in again, the member has the lower tier's rights only.
    phone.force_login(manager)
    assert phone.get(reverse("companies:members")).status_code == 404
    dashboard = phone.get(reverse("companies:dashboard")).content
    assert b'data-permission="order"' not in dashboard
    # The administrator's own session is untouched.
    assert client.get(reverse("companies:members")).status_code == 200


def test_deactivation_ends_the_members_sessions_on_the_next_request(
    client, company, admin
):
    operator = member(company, MemberTier.OPERATOR)
    phone, laptop = _devices(operator)
    sign_in_recently(client, admin)
    url = reverse("companies:member_deactivate", args=[operator.membership.pk])
    assert client.post(url).status_code == 302
    assert _signed_out(phone) and _signed_out(laptop)
    phone.force_login(operator)
    response = phone.get(reverse("companies:dashboard"))
    assert b"switched off" in response.content


def test_raising_a_tier_keeps_the_members_sessions(client, company, admin):
    viewer = member(company, MemberTier.VIEWER)
    (phone,) = _devices(viewer, count=1)
    sign_in_recently(client, admin)
    url = reverse("companies:member_edit", args=[viewer.membership.pk])
    assert client.post(url, {"tier": "manager"}).status_code == 302
    assert phone.get(reverse("companies:members")).status_code == 200


# --- A rejected company corrects its details and resubmits ---------------------


def _reject(company):
    company.status = CompanyStatus.REJECTED
    company.rejection_reason = "The registration number does not match the licence."
    company.save()


def test_rejected_company_corrects_and_resubmits(client, company, admin):
    _reject(company)
    sign_in_recently(client, admin)
    dashboard = client.get(reverse("companies:dashboard"))
    assert b"does not match the licence" in dashboard.content
    assert reverse("companies:resubmit").encode() in dashboard.content
    assert client.get(reverse("companies:resubmit")).status_code == 200
    number = credit_code(424242)
    response = client.post(
        reverse("companies:resubmit"),
        _company_data(company, registration_number=number, segment="enterprise"),
    )
    assert response["Location"] == reverse("companies:dashboard")
    company.refresh_from_db()
    assert company.status == CompanyStatus.PENDING
    assert company.registration_number == number
    assert company.segment == Segment.objects.get(code="enterprise")
    assert company.rejection_reason == ""
    event = AuditEvent.objects.get(action="company.resubmitted", company=company)
    assert event.data["rejection_reason"].startswith("The registration number")
    assert event.data["changed"]["registration_number"] == number
    # Back on the dashboard as a pending company; the route is closed again.
    assert b"Pending verification" in client.get(reverse("companies:dashboard")).content
    assert client.get(reverse("companies:resubmit")).status_code == 404


def test_resubmission_needs_a_recent_sign_in(client, company, admin):
    _reject(company)
    client.force_login(admin)
    response = client.post(reverse("companies:resubmit"), _company_data(company))
    assert response["Location"].startswith(REAUTHENTICATE)
    company.refresh_from_db()
    assert company.status == CompanyStatus.REJECTED


def test_only_a_rejected_companys_administrators_resubmit(client, company, admin):
    viewer = member(company, MemberTier.VIEWER)
    sign_in_recently(client, admin)
    assert client.get(reverse("companies:resubmit")).status_code == 404  # verified
    _reject(company)
    sign_in_recently(client, viewer)
    dashboard = client.get(reverse("companies:dashboard"))
    assert b"Ask your company administrator" in dashboard.content
    assert client.get(reverse("companies:resubmit")).status_code == 404
    response = client.post(reverse("companies:resubmit"), _company_data(company))
    assert response.status_code == 404
    company.refresh_from_db()
    assert company.status == CompanyStatus.REJECTED
