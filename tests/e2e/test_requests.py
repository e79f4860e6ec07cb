"""Browser journeys of service requests: a complex request from raise to rating, and a
question answered by a suggested article."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import axe_check, login, screenshot

CUSTOMER = "admin@harbour.example-customer.test"
MANAGER = "am1@example-telecom.test"
PASSWORD = "company-demo-2026"


def test_complex_request_from_raise_to_rating(new_page):
    customer = new_page()
    login(customer, CUSTOMER, PASSWORD)
    customer.goto("/en/requests/new/")
    # A billing question is company-wide (no site) and handled by the manager.
    customer.get_by_role("link", name="Billing question").click()
    customer.fill("#id_subject", "Shop internet charged twice this month")
    customer.fill("#id_answer_invoice", "INV-2026-0042")
    customer.fill("#id_answer_question", "The March bill has the line twice.")
    screenshot(customer, "requests-1-raise")
    customer.get_by_role("button", name="Send request").click()
    expect(customer.locator("h1")).to_contain_text("Shop internet charged")
    expect(customer.locator(".sla")).to_contain_text("We will respond by")
    reference = re.search(r"SR-\d+", customer.locator("h1").inner_text()).group(0)
    axe_check(customer)
    screenshot(customer, "requests-2-detail")

    manager = new_page()
    login(manager, MANAGER, PASSWORD)
    manager.goto("/en/requests/work/")
    # The demo's own requests come first by SLA urgency (a critical fault); among
    # the customer's company's requests the new one leads.
    expect(manager.locator("#queue")).to_contain_text(reference)
    manager.fill("#id_company", "Harbour Tea")
    manager.get_by_role("button", name="Filter", exact=True).click()
    first_row = manager.locator("#queue tbody tr").first
    expect(first_row).to_contain_text(reference)
    screenshot(manager, "requests-3-queue")
    first_row.get_by_role("link", name=reference).click()
    expect(manager.locator(".routing")).to_contain_text("account manager")
    manager.fill("#work-form textarea[name='body']", "Is the router's power light on?")
    manager.get_by_role("button", name="Ask the customer (pauses the clock)").click()
    expect(manager.locator("main")).to_contain_text("Waiting for the customer")
    screenshot(manager, "requests-4-work")

    customer.reload()
    expect(customer.locator(".sla")).to_contain_text("paused")
    customer.fill(
        "#message-form textarea[name='body']", "Yes, power is on, link is off."
    )
    customer.get_by_role("button", name="Send answer").click()
    expect(customer.locator(".timeline")).to_contain_text("power is on")

    manager.reload()
    manager.fill(
        "#work-form textarea[name='body']", "Replaced the fibre modem remotely."
    )
    manager.get_by_role("button", name="Resolve").click()
    expect(manager.locator("main")).to_contain_text(
        "Resolved, awaiting the customer's confirmation"
    )

    customer.reload()
    customer.locator("#rate-form label", has_text="5").first.click()
    customer.fill("#rate-form textarea[name='comment']", "Quick and clear.")
    customer.get_by_role("button", name="Send rating").click()
    expect(customer.locator("main")).to_contain_text("You rated this service 5 of 5.")
    expect(customer.locator(".status")).to_contain_text("Closed")
    screenshot(customer, "requests-5-rated")


def test_suggested_article_closes_the_attempt(new_page):
    customer = new_page()
    login(customer, CUSTOMER, PASSWORD)
    customer.goto("/en/requests/new/billing-question/")
    customer.locator("#id_subject").press_sequentially("business bill", delay=30)
    suggestions = customer.locator("#deflection-list li")
    expect(suggestions.first).to_be_visible()
    screenshot(customer, "requests-6-deflection")
    suggestions.first.get_by_role("button", name="This solved it").click()
    expect(customer.locator("#deflection-done")).to_contain_text(
        "No request was raised"
    )
    customer.goto("/en/requests/")
    expect(customer.locator("main")).not_to_contain_text("business bill")
