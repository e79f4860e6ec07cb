"""Browser journey of company accounts: sign up, verify e-mail, register a company,
operator verification with MFA, invite a viewer (after confirming the password),
raise them to manager; and screenshots of the company and account pages in both
languages.

E-mails are read from the deployment's gunicorn log: without EMAIL_URL the portal
uses the console e-mail backend.
"""

from __future__ import annotations

import pytest

from tests.e2e.helpers import (
    axe_check,
    confirm_password,
    last_link,
    log_size,
    login,
    relative,
    screenshot,
    sign_up_and_verify,
)

pytestmark = pytest.mark.e2e

PASSWORD = "Blue-kettle-sings-42"


def test_company_accounts_journey(page, new_page, portal_server):
    server = portal_server
    # 1. A customer signs up, verifies the address and registers the company.
    sign_up_and_verify(page, server, "founder@lotus-e2e.example", PASSWORD)
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
    operator.goto("/admin/companies/?q=Lotus")
    operator.get_by_role("link", name="Lotus E2E Trading Co., Ltd.").click()
    operator.get_by_role("button", name="Verify company").click()
    operator.wait_for_load_state()
    assert "is verified" in operator.inner_text("body")
    screenshot(operator, "company-admin-verified")

    # 3. The company admin invites a colleague as viewer: a sensitive change, so
    # allauth asks for the password first and then sends the invitation.
    page.goto("/en/company/members/")
    mark = log_size(server)
    page.get_by_role("link", name="Invite a colleague").click()
    page.fill("input[name='email']", "colleague@lotus-e2e.example")
    page.select_option("select[name='tier']", "viewer")
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_load_state()
    axe_check(page)
    screenshot(page, "account-reauthenticate")
    confirm_password(page, PASSWORD)
    page.wait_for_url("**/en/company/members/")
    assert "colleague@lotus-e2e.example" in page.inner_text("main")
    axe_check(page)
    screenshot(page, "company-members")
    invitation = relative(last_link(server, "/invitations/accept/", after=mark))

    # 4. The colleague signs up, accepts, and cannot order or manage members.
    colleague = new_page()
    sign_up_and_verify(colleague, server, "colleague@lotus-e2e.example", PASSWORD)
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


COMPANY_PAGES = ["company/", "company/members/", "company/roles/", "company/sites/"]
COMPANY_PAGES += ["company/details/", "company/audit/"]
ACCOUNT_PAGES = ["accounts/email/", "accounts/password/change/", "accounts/2fa/"]
ACCOUNT_PAGES += ["accounts/sessions/"]
# MFA settings ask for the password first (allauth's reauthentication).
MFA_PAGES = ["accounts/2fa/totp/activate/", "accounts/2fa/webauthn/add/"]
SIGNED_OUT_PAGES = ["accounts/login/", "accounts/signup/", "accounts/password/reset/"]


def _shoot(page, language: str, path: str) -> None:
    axe_check(page)
    screenshot(page, f"{language}-{path.strip('/').replace('/', '-')}")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_company_and_account_pages(page, new_page, language):
    """Screenshots (test-artifacts/<language>-<path>.png) and axe checks of the
    company settings pages and the allauth pages, signed in and out."""
    login(page, "admin@harbour.example-customer.test", "company-demo-2026")
    for path in COMPANY_PAGES + ACCOUNT_PAGES:
        response = page.goto(f"/{language}/{path}")
        assert response.status == 200 and page.url.endswith(path), page.url
        _shoot(page, language, path)
    page.goto(f"/{language}/{MFA_PAGES[0]}")
    assert f"/{language}/accounts/reauthenticate/" in page.url
    _shoot(page, language, "accounts/reauthenticate/")
    confirm_password(page, "company-demo-2026")
    for path in MFA_PAGES:
        page.goto(f"/{language}/{path}")
        assert page.url.endswith(path), page.url
        _shoot(page, language, path)
    page.locator(".account-menu summary").click()
    _shoot(page, language, "account-menu")

    visitor = new_page()
    for path in SIGNED_OUT_PAGES:
        visitor.goto(f"/{language}/{path}")
        _shoot(visitor, language, path)
