"""WebAuthn (security keys) with Chromium's virtual authenticator: a customer adds a
key after confirming the password, signs out, and signs in with password + key.

WebAuthn needs a secure context and a domain as relying-party id, so this test
talks to the deployment as http://localhost:<port> (127.0.0.1 is not a valid RP id;
http://localhost counts as secure in Chromium and in fido2's origin check).
"""

from __future__ import annotations

import pytest

from tests.e2e.helpers import (
    axe_check,
    confirm_password,
    screenshot,
    sign_up_and_verify,
)

pytestmark = pytest.mark.e2e

PASSWORD = "Green-lantern-hums-77"


@pytest.fixture
def key_page(browser, portal_server):
    """A page on http://localhost with a virtual platform authenticator attached."""
    base_url = portal_server.base_url.replace("127.0.0.1", "localhost")
    context = browser.new_context(
        base_url=base_url, locale="en-US", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable", {"enableUI": False})
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    page.authenticator = (cdp, authenticator["authenticatorId"])
    yield page
    context.close()


def credentials(page) -> list:
    cdp, authenticator_id = page.authenticator
    reply = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
    return reply["credentials"]


def test_security_key_is_added_and_signs_in(key_page, portal_server):
    page = key_page
    email = "keyholder@lotus-e2e.example"
    sign_up_and_verify(page, portal_server, email, PASSWORD)

    # Adding a key is an MFA change: allauth asks for the password first.
    page.goto("/en/accounts/2fa/webauthn/add/")
    confirm_password(page, PASSWORD)
    assert page.url.endswith("/en/accounts/2fa/webauthn/add/"), page.url
    axe_check(page)
    screenshot(page, "webauthn-add")
    page.fill("input[name='name']", "Virtual key")
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url("**/accounts/2fa/recovery-codes/")
    assert len(credentials(page)) == 1
    page.goto("/en/accounts/2fa/")
    assert "You have added 1 security key." in page.inner_text("main")
    screenshot(page, "webauthn-mfa-index")

    # Signing in again now takes the password and then the key.
    page.locator(".account-menu summary").click()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    page.goto("/en/accounts/login/")
    page.fill("input[name='login']", email)
    page.fill("input[name='password']", PASSWORD)
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    axe_check(page)
    screenshot(page, "webauthn-authenticate")
    page.get_by_role("button", name="Use a security key").click()
    page.wait_for_url(lambda url: "/accounts/2fa/authenticate/" not in url)
    page.goto("/en/accounts/sessions/")
    assert "/accounts/login/" not in page.url
    assert email in page.inner_text("header")
