"""Browser journey of company accounts: sign up, verify e-mail, register a company,
operator verification with MFA, invite a viewer, raise them to manager.

E-mails are read from the deployment's gunicorn log: without EMAIL_URL the portal
uses the console e-mail backend.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest

from tests.e2e.helpers import axe_check, login, screenshot

pytestmark = pytest.mark.e2e

PASSWORD = "Blue-kettle-sings-42"
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # portal/companies/demo.py


def totp(secret: str, *, at: float | None = None) -> str:
    """RFC 6238 code (SHA-1, 6 digits, 30 s), as allauth's authenticators use."""
    key = base64.b32decode(secret)
    counter = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def last_link(server, pattern: str, *, after: int = 0, timeout: float = 15) -> str:
    """The last URL matching `pattern` that the server e-mailed (console backend)."""
    log = server.log_dir / "gunicorn.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")[after:]
        links = re.findall(r"https?://[^\s\"<>]+" + pattern + r"[^\s\"<>]*", text)
        if links:
            return links[-1]
        time.sleep(0.3)
    raise AssertionError(f"No e-mail with a link matching {pattern!r} was sent.")


def log_size(server) -> int:
    return len((server.log_dir / "gunicorn.log").read_text(errors="replace"))


def relative(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def sign_up_and_verify(page, server, email: str, *, next_url: str = "") -> None:
    mark = log_size(server)
    page.goto("/en/accounts/signup/" + (f"?next={next_url}" if next_url else ""))
    page.fill("input[name='email']", email)
    page.fill("input[name='password1']", PASSWORD)
    page.fill("input[name='password2']", PASSWORD)
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_load_state()
    page.goto(relative(last_link(server, "/accounts/confirm-email/", after=mark)))
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_load_state()


def test_company_accounts_journey(page, new_page, portal_server):
    server = portal_server
    # 1. A customer signs up, verifies the address and registers the company.
    sign_up_and_verify(page, server, "founder@lotus-e2e.example")
    page.goto("/en/company/register/")
    axe_check(page)
    page.fill("input[name='legal_name']", "Lotus E2E Trading Co., Ltd.")
    page.fill("input[name='registration_number']", "91350100M000100Y43")
    page.check("input[name='segment'][value='enterprise']")
    page.fill("textarea[name='billing_address']", "8 Lotus Road, Fuzhou")
    page.locator("main form button[type='submit']").click()
    page.wait_for_url("**/en/company/")
    assert "Pending verification" in page.inner_text("main")
    screenshot(page, "company-pending-dashboard")

    # 2. The operator admin signs in with MFA and verifies the company.
    operator = new_page()
    login(operator, "opadmin@example-telecom.test", "company-demo-2026")
    if "/mfa/" in operator.url or operator.locator("input[name='code']").count():
        operator.fill("input[name='code']", totp(DEMO_TOTP_SECRET))
        operator.locator("main form button[type='submit']").first.click()
        operator.wait_for_load_state()
    operator.goto("/admin/companies/?q=Lotus")
    operator.get_by_role("link", name="Lotus E2E Trading Co., Ltd.").click()
    operator.get_by_role("button", name="Verify company").click()
    operator.wait_for_load_state()
    assert "is verified" in operator.inner_text("body")
    screenshot(operator, "company-admin-verified")

    # 3. The company admin invites a colleague as viewer.
    page.goto("/en/company/members/")
    mark = log_size(server)
    page.fill("input[name='email']", "colleague@lotus-e2e.example")
    page.select_option("select[name='tier']", "viewer")
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_load_state()
    assert "colleague@lotus-e2e.example" in page.inner_text("main")
    axe_check(page)
    screenshot(page, "company-members")
    invitation = relative(last_link(server, "/invitations/accept/", after=mark))

    # 4. The colleague signs up, accepts, and cannot order or manage members.
    colleague = new_page()
    sign_up_and_verify(colleague, server, "colleague@lotus-e2e.example")
    colleague.goto(invitation)
    colleague.get_by_role("button", name="Accept the invitation").click()
    colleague.wait_for_url("**/en/company/")
    permissions = colleague.locator("[data-permission]")
    codes = permissions.evaluate_all("els => els.map(e => e.dataset.permission)")
    assert "order" not in codes and "manage_members" not in codes
    assert colleague.goto("/en/company/members/").status == 404

    # 5. The admin raises the colleague to manager: it takes effect at once.
    page.goto("/en/company/members/")
    page.locator("tr[data-member='colleague@lotus-e2e.example'] a").first.click()
    page.select_option("select[name='tier']", "manager")
    page.get_by_role("button", name="Save access").click()
    page.wait_for_url("**/en/company/members/")

    colleague.goto("/en/company/")
    codes = colleague.locator("[data-permission]").evaluate_all(
        "els => els.map(e => e.dataset.permission)"
    )
    assert "order" in codes and "manage_members" in codes
    assert colleague.goto("/en/company/members/").status == 200
    screenshot(colleague, "company-manager-dashboard")
