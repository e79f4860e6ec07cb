"""Trials in a real browser: an SME starts, converts and orders; a government trial
waits for the account manager. Users and products come from the demo seed."""

import subprocess

import pytest
from playwright.sync_api import expect

from portal.companies.demo import PASSWORD
from tests.e2e.helpers import axe_check, login, screenshot

pytestmark = pytest.mark.e2e


def test_sme_starts_a_trial_converts_it_and_downloads_the_quote(page, tmp_path):
    login(page, "admin@pearl.example-customer.test", PASSWORD)
    page.goto("/en/products/team-mobile-50/")
    page.get_by_role("link", name="Start a free trial").click()
    expect(page.locator("h1")).to_contain_text("Start a free trial")
    page.get_by_label("What do you want to try it for?").fill(
        "Phones for the shop staff"
    )
    screenshot(page, "trials-1-start")
    page.get_by_role("button", name="Request the trial").click()

    trial = page.locator("article.trial[data-state='active']").first
    expect(trial).to_be_visible()
    expect(page.locator("[data-secret]")).to_be_visible()
    expect(trial.locator("[data-login]")).to_be_visible()
    screenshot(page, "trials-2-active-with-secret")
    axe_check(page)
    page.reload()
    expect(page.locator("[data-secret]")).to_have_count(0)

    trial.get_by_role("link", name="Convert to a quote").click()
    page.get_by_role("button", name="Create the quote").click()
    expect(page.locator("[data-quote-status='offered']")).to_be_visible()
    page.get_by_role("button", name="Accept the quote and order").click()
    expect(page.locator("[data-order]")).to_be_visible()
    screenshot(page, "trials-3-quote-accepted")
    axe_check(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the quote (PDF)").click()
    pdf_path = tmp_path / "quote.pdf"
    download_info.value.save_as(pdf_path)
    text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "报价单" in text and "Pearl River Print Shop" in text


def test_government_trial_waits_for_approval(page):
    login(page, "admin@civic.example-customer.test", PASSWORD)
    page.goto("/en/products/virtual-data-centre/")
    page.get_by_role("link", name="Start a free trial").click()
    page.get_by_label("What do you want to try it for?").fill(
        "Pilot for the records office"
    )
    page.get_by_role("button", name="Request the trial").click()
    trial = page.locator("article.trial").first
    expect(trial).to_have_attribute("data-state", "requested")
    expect(trial).to_contain_text("Waiting for approval")
    expect(page.locator("[data-secret]")).to_have_count(0)
    screenshot(page, "trials-4-government-waiting")
    axe_check(page)
