"""The account menu: "your sessions" (see and end them) and MFA settings behind
reauthentication, security keys included."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.portal.accounts.helpers import sign_in_recently
from tests.portal.companies.factories import UserFactory

pytestmark = pytest.mark.django_db

REAUTHENTICATE = "/en/accounts/reauthenticate/"


def _device(user, agent: str) -> Client:
    device = Client(HTTP_USER_AGENT=agent)
    device.force_login(user)
    assert device.get(reverse("usersessions_list")).status_code == 200
    return device


def test_sessions_page_is_in_the_account_menu_and_lists_each_session(client):
    user = UserFactory()
    _device(user, "Phone browser/1.0")
    laptop = _device(user, "Laptop browser/2.0")
    home = laptop.get("/en/").content.decode()
    assert f'href="{reverse("usersessions_list")}"' in home
    page = laptop.get(reverse("usersessions_list")).content.decode()
    assert "Phone browser/1.0" in page and "Laptop browser/2.0" in page
    assert 'aria-current="page"' in page.split('class="account-subnav"')[1]


def test_ending_other_sessions_signs_them_out_on_their_next_request():
    user = UserFactory()
    phone = _device(user, "Phone browser/1.0")
    laptop = _device(user, "Laptop browser/2.0")
    response = laptop.post(reverse("usersessions_list"))
    assert response.status_code == 302
    response = phone.get(reverse("companies:dashboard"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    page = laptop.get(reverse("usersessions_list")).content.decode()
    assert "Laptop browser/2.0" in page and "Phone browser/1.0" not in page


@pytest.mark.parametrize(
    "url_name", ["mfa_activate_totp", "mfa_generate_recovery_codes", "mfa_add_webauthn"]
)
def test_mfa_settings_ask_a_stale_session_to_reauthenticate(client, url_name):
    user = UserFactory()
    client.force_login(user)
    url = reverse(url_name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTHENTICATE)
    sign_in_recently(client, user)
    assert client.get(url).status_code == 200


def test_security_keys_are_offered(client):
    user = UserFactory()
    sign_in_recently(client, user)
    page = client.get(reverse("mfa_index")).content.decode()
    assert reverse("mfa_add_webauthn") in page
    add = client.get(reverse("mfa_add_webauthn")).content.decode()
    assert "webauthn.js" in add and "creation_options" in add
