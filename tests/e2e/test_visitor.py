"""A visitor's journey through the public portal, in a real browser.

Slugs and titles come from the demo content (cms/demo/content.py), so the journey
follows whatever `seed_demo` builds.
"""

import re

import pytest
from playwright.sync_api import expect

from cms.demo import content
from tests.e2e.helpers import axe_check, screenshot

pytestmark = pytest.mark.e2e


def _sme_solution_and_product() -> tuple[dict, dict]:
    """The first SME solution of the demo and the first product it bundles."""
    products = {item["code"]: item for item in content.PRODUCTS}
    solution = next(s for s in content.SOLUTIONS if "sme" in s["segments"])
    code = solution["products"][0][0]
    return solution, products[code]


def _visit(page, name: str) -> None:
    expect(page.locator("h1").first).to_be_visible()
    screenshot(page, name)
    axe_check(page)


def test_visitor_goes_from_home_to_a_product_demo_and_manual(page):
    solution, product = _sme_solution_and_product()

    page.goto("/en/")
    _visit(page, "visitor-1-home")

    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="SME", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"/en/sme/$"))
    _visit(page, "visitor-2-sme")

    page.locator("main").get_by_role(
        "link", name=solution["title"], exact=True
    ).first.click()
    expect(page).to_have_url(re.compile(rf"/en/.*{solution['slug']}/$"))
    expect(page.locator("h1")).to_have_text(solution["title"])
    _visit(page, "visitor-3-solution")

    page.locator("main").get_by_role(
        "link", name=product["title"], exact=True
    ).first.click()
    expect(page).to_have_url(re.compile(rf"/en/.*{product['slug']}/$"))
    expect(page.locator("h1")).to_have_text(product["title"])
    _visit(page, "visitor-4-product")

    _click_through_walkthrough(page)
    _download_manual(page)


def _click_through_walkthrough(page) -> None:
    walkthrough = page.locator("[data-walkthrough]")
    steps = walkthrough.locator(".walkthrough-step")
    total = steps.count()
    assert total >= 2, "the demo product should have a walkthrough of several steps"
    position = walkthrough.locator("[data-walkthrough-position]")
    previous = walkthrough.get_by_role("button", name="Previous step")
    following = walkthrough.get_by_role("button", name="Next step")
    walkthrough.scroll_into_view_if_needed()

    expect(position).to_have_text(f"1 / {total}")
    expect(previous).to_be_disabled()
    for number in range(1, total + 1):
        expect(position).to_have_text(f"{number} / {total}")
        expect(steps.nth(number - 1)).to_be_visible()
        expect(steps.nth(number - 1).locator("figcaption")).to_contain_text(
            f"Step {number} of {total}"
        )
        expect(walkthrough.locator(".walkthrough-step:visible")).to_have_count(1)
        expect(
            walkthrough.locator(".walkthrough-step:visible img")
        ).to_have_js_property("complete", True)
        if number == 2:
            screenshot(page, "visitor-5-walkthrough-step-2")
        if number < total:
            following.click()
    expect(following).to_be_disabled()
    previous.click()
    expect(position).to_have_text(f"{total - 1} / {total}")
    # A step's screenshot actually loaded (media is served, the image is not broken).
    width = walkthrough.locator(".walkthrough-step:visible img").evaluate(
        "img => img.naturalWidth"
    )
    assert width > 0, "the walkthrough screenshot did not load"


def _download_manual(page) -> None:
    manuals = page.locator("section", has=page.locator("#manuals-heading"))
    link = manuals.get_by_role("link").first
    expect(link).to_be_visible()
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    data = open(download.path(), "rb").read()  # noqa: SIM115 - read once, small file
    assert data.startswith(b"%PDF-"), data[:40]
    assert len(data) > 1000
    assert b"%%EOF" in data[-1024:]


def test_language_switch_keeps_the_page(page):
    _solution, product = _sme_solution_and_product()
    page.goto("/en/sme/")
    page.locator("main").get_by_role(
        "link", name=product["title"], exact=True
    ).first.click()
    english_url = page.url
    code = page.locator("[data-product-code]").get_attribute("data-product-code")
    assert code == product["code"]

    page.locator(".language-switcher a[hreflang='zh-hans']").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/"))
    expect(page.locator("html")).to_have_attribute("lang", re.compile("^zh"))
    expect(page.locator("h1")).to_have_text(product["zh"]["title"])
    expect(page.locator("[data-product-code]")).to_have_attribute(
        "data-product-code", product["code"]
    )
    assert page.url == english_url.replace("/en/", "/zh-hans/", 1)
    _visit(page, "visitor-6-product-zh")

    page.locator(".language-switcher a[hreflang='en']").click()
    expect(page).to_have_url(english_url)
    expect(page.locator("h1")).to_have_text(product["title"])


def test_every_main_section_renders_and_is_accessible(page):
    page.goto("/en/")
    nav = page.get_by_role("navigation", name="Main")
    hrefs = [link.get_attribute("href") for link in nav.get_by_role("link").all()]
    assert len(hrefs) >= 7, hrefs  # three segments and four sections
    for href in hrefs:
        response = page.goto(href)
        assert response.status == 200, href
        _visit(page, "section" + href.replace("/", "-").rstrip("-"))


def test_knowledge_article_renders_and_is_accessible(page):
    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Help centre"
    ).click()
    _visit(page, "visitor-7-help-centre")
    article = page.locator("main .card-grid a").first
    title = article.inner_text()
    article.click()
    expect(page.locator("h1")).to_have_text(title)
    _visit(page, "visitor-8-article")
