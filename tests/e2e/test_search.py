"""A reader's search journey in a real browser: the header box, a facet, an article
and its "did this answer your question?" feedback, stored with the query.

The article comes from the demo content (cms/demo/content.py), so the journey
follows whatever `seed_demo` builds.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from cms.demo import content
from tests.e2e.helpers import axe_check, login, screenshot

pytestmark = pytest.mark.e2e

QUERY = "bill"


def _billing_article() -> tuple[str, str]:
    """The slug and English title of the demo's first billing article."""
    article = next(a for a in content.ARTICLES if a[1] == "billing")
    return article[0], article[4]


def _stored_feedback(server, slug: str) -> list[dict]:
    script = (
        "import json; from cms.models import ArticleFeedback; "
        "print(json.dumps(list(ArticleFeedback.objects.filter("
        f"article__slug={slug!r}).values('helpful', 'query'))))"
    )
    output = server.manage("shell", "-c", script).stdout.strip()
    return json.loads(output.splitlines()[-1])  # after the shell's import notice


def test_search_narrow_open_article_and_answer_feedback(page, portal_server):
    slug, title = _billing_article()
    before = _stored_feedback(portal_server, slug)

    page.goto("/en/")
    # The script turns the header box into a combobox with title suggestions.
    header = page.locator("header").get_by_role("search")
    header.get_by_role("combobox", name="Search").fill(QUERY)
    header.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(rf"/en/search/\?q={QUERY}"))
    expect(page.get_by_role("status").first).to_contain_text(f"for “{QUERY}”")
    results = page.locator(".search-results .search-result")
    expect(results.first).to_be_visible()
    screenshot(page, "search-1-results")
    axe_check(page)

    facets = page.get_by_role("complementary", name="Narrow the results")
    facets.locator("[data-facet='type']").get_by_role(
        "link", name=re.compile(r"^Help articles \(\d+\)$")
    ).click()
    expect(page).to_have_url(re.compile(r"[?&]type=article"))
    expect(
        facets.locator("[data-facet='type'] a[aria-current='true']")
    ).to_contain_text("Help articles")
    expect(results.first).to_be_visible()
    for kind in results.evaluate_all("items => items.map(i => i.dataset.type)"):
        assert kind == "article"
    screenshot(page, "search-2-narrowed")
    axe_check(page)

    page.locator(".search-results").get_by_role("link", name=title).click()
    expect(page).to_have_url(re.compile(rf"/en/.*{slug}/$"))
    expect(page.locator("h1")).to_have_text(title)

    feedback = page.get_by_role("group", name="Did this answer your question?")
    feedback.scroll_into_view_if_needed()
    feedback.get_by_role("button", name="Yes").click()
    expect(page.locator("[data-feedback-status]")).to_have_text(
        "Thank you for your feedback."
    )
    expect(feedback.get_by_role("button", name="Yes")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(feedback.get_by_role("button", name="No")).to_be_disabled()
    screenshot(page, "search-3-article-feedback")
    axe_check(page)

    stored = _stored_feedback(portal_server, slug)
    assert stored[len(before) :] == [{"helpful": True, "query": QUERY}]


def test_customer_finds_a_request_form_from_the_search_box(page):
    """Self-service starts from search: a signed-in customer's query finds the
    request type their company may file, and its result opens the form."""
    login(page, "admin@harbour.example-customer.test", "company-demo-2026")
    page.goto("/en/")
    header = page.locator("header").get_by_role("search")
    header.get_by_role("combobox", name="Search").fill("change bandwidth")
    header.get_by_role("button", name="Search").click()
    facets = page.get_by_role("complementary", name="Narrow the results")
    facets.locator("[data-facet='type']").get_by_role(
        "link", name=re.compile(r"^Service requests \(\d+\)$")
    ).click()
    expect(page).to_have_url(re.compile(r"[?&]type=request"))
    result = page.locator(".search-results .search-result").first
    expect(result.locator(".card-meta")).to_have_text("Service requests · English")
    screenshot(page, "search-4-request-type")
    axe_check(page)
    result.get_by_role("link", name="Change bandwidth").click()
    expect(page).to_have_url(re.compile(r"/en/requests/new/change-bandwidth/$"))
    expect(page.locator("h1")).to_contain_text("Change bandwidth")
