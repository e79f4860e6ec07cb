"""Browser journey of appointments: a customer books a site survey with their
account manager, finds it in the list, moves it and cancels it; the manager sees it
in the work area and adds the video call's link, which the customer then sees."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import axe_check, login, screenshot

# The bank's admin: unscoped, the company has two branches, am1 is its manager.
CUSTOMER = "admin@jade.example-customer.test"
MANAGER = "am1@example-telecom.test"
PASSWORD = "company-demo-2026"


def test_book_reschedule_and_cancel_a_site_survey(new_page):
    customer = new_page()
    login(customer, CUSTOMER, PASSWORD)
    customer.goto("/en/appointments/")
    customer.get_by_role("link", name="Book an appointment").first.click()
    customer.get_by_role("link", name="Site survey").click()
    expect(customer.locator("h1")).to_have_text("Site survey")
    customer.locator("#id_site").select_option(label="Hangzhou West Lake branch")
    first_day = customer.locator(".slot-day").first
    first_day.locator("label").first.click()
    chosen = first_day.locator("label").first.inner_text().strip()
    customer.get_by_label("What should we prepare? (optional)").fill(
        "Cabling for the new teller counters."
    )
    axe_check(customer)
    screenshot(customer, "appointments-1-book")
    customer.get_by_role("button", name="Book this time").click()

    expect(customer.locator(".status")).to_contain_text("Booked")
    expect(customer.locator("main")).to_contain_text("Hangzhou West Lake branch")
    expect(customer.locator("main")).to_contain_text(chosen.split("–")[0])
    reference = re.search(r"AP-\d+", customer.locator("h1").inner_text()).group(0)
    axe_check(customer)
    screenshot(customer, "appointments-2-booked")

    customer.get_by_role("link", name="All appointments").click()
    row = customer.locator("tr", has_text=reference)
    expect(row).to_contain_text("Site survey")
    expect(row).to_contain_text("Booked")
    axe_check(customer)
    screenshot(customer, "appointments-3-list")

    manager = new_page()
    login(manager, MANAGER, PASSWORD)
    manager.goto("/en/appointments/work/")
    expect(manager.locator("main")).to_contain_text(reference)
    # The manager adds the video call; the customer's page offers to join it.
    booked = manager.locator("tr", has_text=reference)
    booked.get_by_text("Add a video link").click()
    booked.get_by_label("Video call address (https://)").fill(
        "https://meet.example.test/jade-survey"
    )
    booked.get_by_role("button", name="Save and send the invitation").click()
    expect(manager.locator(".messages")).to_contain_text("The video link is saved")
    axe_check(manager)
    screenshot(manager, "appointments-4-manager")

    row.get_by_role("link", name=reference).click()
    expect(customer.get_by_role("link", name="Join the video call")).to_have_attribute(
        "href", "https://meet.example.test/jade-survey"
    )
    customer.get_by_role("link", name="Reschedule").click()
    second_day = customer.locator(".slot-day").nth(1)
    second_day.locator("label").nth(2).click()
    new_time = second_day.locator("label").nth(2).inner_text().strip()
    screenshot(customer, "appointments-5-reschedule")
    customer.get_by_role("button", name="Move to this time").click()
    expect(customer.locator(".status")).to_contain_text("Rescheduled")
    expect(customer.locator("main")).to_contain_text(new_time.split("–")[0])

    customer.get_by_role("link", name="Cancel the appointment").click()
    # An empty reason is refused by the browser; the server says why as well.
    customer.get_by_label("Why do you cancel?").fill("The counters arrive later.")
    customer.get_by_role("button", name="Cancel the appointment").click()
    expect(customer.locator(".status")).to_contain_text("Cancelled")
    expect(customer.locator("main")).to_contain_text("The counters arrive later.")
    expect(customer.get_by_role("link", name="Reschedule")).to_have_count(0)
    axe_check(customer)
    screenshot(customer, "appointments-6-cancelled")
