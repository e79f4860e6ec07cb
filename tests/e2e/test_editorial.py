"""The editorial workflow in the Wagtail admin, end to end in a real browser.

An editor creates a product and submits it for moderation, a reviewer approves it
(which publishes it), and an anonymous visitor sees it at once, although the
products page was cached beforehand in both gunicorn workers.
"""

import re
import uuid

import pytest
from playwright.sync_api import expect

from cms.demo.users import DEMO_USERS
from tests.e2e.helpers import axe_check, login, screenshot

pytestmark = pytest.mark.e2e

PRODUCTS_URL = "/en/products/"


def _demo_user(role: str):
    return next(user for user in DEMO_USERS if user.role == role)


def _admin_login(page, user) -> None:
    # The admin signs in through the site's allauth form (and its MFA rules).
    login(page, user.email, user.password, next_url="/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def _products_index_id(portal_server) -> int:
    output = portal_server.manage(
        "shell",
        "-c",
        "from cms.models import ProductIndexPage; "
        "print(ProductIndexPage.objects.get(locale__language_code='en').pk)",
    ).stdout
    # `shell` may print a banner first; the id is the last line.
    return int(output.strip().splitlines()[-1])


def _footer_action(page, selector: str):
    """Open the admin's footer action menu and return one of its buttons."""
    menu = page.locator(".w-dropdown-button", has=page.locator(selector)).last
    menu.get_by_role("button", name="More actions").click()
    button = menu.locator(selector)
    expect(button).to_be_visible()
    return button


def _products_page_html(page) -> tuple[str, str | None]:
    response = page.goto(PRODUCTS_URL)
    assert response.status == 200
    return page.content(), response.headers.get("x-page-cache")


def test_editor_submits_a_product_reviewer_publishes_it_visitor_sees_it(
    portal_server, new_page
):
    suffix = uuid.uuid4().hex[:6].upper()
    title = f"Edge Compute Node {suffix}"
    code = f"EDGE-{suffix}"
    parent_id = _products_index_id(portal_server)

    # The visitor's products page is in the page cache of both workers.
    visitor = new_page()
    cache_states = set()
    for _ in range(8):
        html, cache_state = _products_page_html(visitor)
        assert title not in html
        cache_states.add(cache_state)
    assert "hit" in cache_states, cache_states

    editor = new_page()
    _admin_login(editor, _demo_user("Content editor"))
    editor.goto(f"/admin/pages/add/cms/productpage/{parent_id}/")
    editor.locator("#id_title").fill(title)
    editor.locator("#id_summary").fill("Compute at the edge of our 5G network.")
    editor.locator("#id_product_code").fill(code)
    editor.locator("#id_family").select_option("cloud")
    screenshot(editor, "editorial-1-new-product")
    _footer_action(editor, "button[name='action-submit']").click()
    expect(editor.locator(".messages")).to_contain_text(re.compile("submitted", re.I))
    screenshot(editor, "editorial-2-submitted")

    # Submitted is not published: the visitor still does not see it.
    html, _state = _products_page_html(visitor)
    assert title not in html

    reviewer = new_page()
    _admin_login(reviewer, _demo_user("Reviewer"))
    # The reviewer's dashboard lists the page awaiting review.
    reviewer.get_by_role("link", name=title).first.click()
    expect(reviewer).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    approve = _footer_action(
        reviewer,
        "button[data-workflow-action-name='approve']"
        ":not([data-workflow-action-modal-url])",
    )
    screenshot(reviewer, "editorial-3-review")
    approve.click()
    expect(reviewer.locator(".messages")).to_contain_text(
        re.compile("approved|published|updated", re.I)
    )

    # Every worker serves the new product at once: the cache generation moved on.
    for _ in range(8):
        html, _state = _products_page_html(visitor)
        assert title in html
    visitor.locator("main").get_by_role("link", name=title).click()
    expect(visitor.locator("h1")).to_have_text(title)
    expect(visitor.locator("[data-product-code]")).to_have_attribute(
        "data-product-code", code
    )
    screenshot(visitor, "editorial-4-visitor-sees-product")
    axe_check(visitor)


def test_editor_may_not_publish_nor_manage_users(portal_server, new_page):
    editor = new_page()
    _admin_login(editor, _demo_user("Content editor"))
    response = editor.goto("/admin/users/")
    assert "/admin/users/" not in editor.url or response.status in (302, 403)
    expect(editor.locator("body")).not_to_contain_text("Add a user")
    parent_id = _products_index_id(portal_server)
    response = editor.goto(f"/admin/pages/add/cms/productpage/{parent_id}/")
    assert response.status == 200
    expect(editor.locator("#id_title")).to_be_visible()
    expect(editor.locator("button[name='action-submit']")).to_have_count(1)
    expect(editor.locator("button[name='action-publish']")).to_have_count(0)
