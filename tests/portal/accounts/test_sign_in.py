"""Sign-in protections: admin logins through allauth, audit of sign-ins, staff MFA."""

import pytest

from portal.companies.models import AuditEvent, StaffGroup
from tests.portal.companies.factories import UserFactory, staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_admin_logins_redirect_to_allauth(client, path):
    response = client.get(path + "?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert "next=%2Fadmin%2Fpages%2F" in response["Location"]
    assert client.post(path, {"username": "x", "password": "y"}).status_code == 302


def test_failed_and_successful_sign_ins_are_audited(client):
    from allauth.account.models import EmailAddress

    user = UserFactory(email="signin@example.com")
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    client.post(
        "/en/accounts/login/", {"login": user.email, "password": "wrong password"}
    )
    assert AuditEvent.objects.filter(
        action="auth.sign_in_failed", actor_email=user.email
    ).exists()
    client.post(
        "/en/accounts/login/", {"login": user.email, "password": "correct horse 42"}
    )
    assert AuditEvent.objects.filter(action="auth.signed_in", actor=user).exists()


def test_staff_without_mfa_are_sent_to_set_it_up(client):
    client.force_login(staff(StaffGroup.ACCOUNT_MANAGERS))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/2fa/totp/activate/" in response["Location"]
