"""Each page needs a small, fixed number of queries however much content exists."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import (
    KnowledgeArticlePage,
    KnowledgeIndexPage,
    ManualKind,
    ProductIndexPage,
    ProductManual,
    ProductPage,
    SolutionPage,
    SolutionProduct,
    WalkthroughStep,
)
from portal.taxonomy.models import Industry, Segment

pytestmark = pytest.mark.django_db

# path -> the most queries a cold view may take (navigation and page cache
# empty; about 15 of them build the navigation, which is cached afterwards)
BUDGETS = {
    "/en/": 36,
    "/en/sme/": 46,
    "/en/enterprise/": 42,
    "/en/solutions/": 34,
    "/en/solutions/connected-store/": 37,
    "/zh-hans/solutions/connected-store/": 38,
    "/en/products/": 31,
    "/en/products/business-fibre-500/": 39,
    "/zh-hans/products/business-fibre-500/": 40,
    "/en/events/": 33,
    "/en/help/": 31,
    "/en/help/report-a-fault/": 35,
}


def _queries(client, path) -> int:
    client.get(path)  # first view creates the image renditions
    cache.clear()  # measure the uncached page, navigation included
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def _add_content(count: int) -> None:
    """More products (with demo steps and manuals) and articles, all published."""
    template = ProductPage.objects.get(
        product_code="FIBRE-BIZ-500", locale__language_code="en"
    )
    step = template.walkthrough_steps.first()
    manual = template.manuals.first()
    products = ProductIndexPage.objects.get(locale__language_code="en")
    help_index = KnowledgeIndexPage.objects.get(locale__language_code="en")
    sme = Segment.objects.get(code="sme")
    retail = Industry.objects.get(slug="retail")
    solution = SolutionPage.objects.get(
        slug="connected-store", locale__language_code="en"
    )
    for number in range(count):
        product = ProductPage(
            title=f"Extra package {number}",
            slug=f"extra-package-{number}",
            product_code=f"EXTRA-{number}",
            family="connectivity",
            is_hot=True,
            is_standard_package=True,
            summary="An extra package.",
            price_guidance="¥1 per month",
        )
        product.walkthrough_steps = [
            WalkthroughStep(title=f"Step {i}", image=step.image) for i in range(4)
        ]
        product.manuals = [
            ProductManual(document=manual.document, kind=ManualKind.GUIDE)
        ]
        products.add_child(instance=product)
        product.segments.set([sme])
        product.industries.set([retail])
        product.save_revision().publish()
        solution.solution_products.add(SolutionProduct(product=product))
        article = KnowledgeArticlePage(
            title=f"Extra article {number}",
            slug=f"extra-article-{number}",
            body=[{"type": "paragraph", "value": "<p>More help.</p>"}],
            category=KnowledgeArticlePage.objects.filter(slug="report-a-fault")
            .first()
            .category,
        )
        help_index.add_child(instance=article)
        article.products.set([template])
        article.save_revision().publish()
    solution.save_revision().publish()


def test_query_counts_are_small_and_do_not_grow_with_content(client):
    before = {path: _queries(client, path) for path in BUDGETS}
    over = {path: n for path, n in before.items() if n > BUDGETS[path]}
    assert over == {}, before
    _add_content(4)
    after = {path: _queries(client, path) for path in BUDGETS}
    assert after == before


def test_a_signed_in_product_view_reuses_what_everyone_shares(
    client, django_user_model
):
    """A signed-in customer's product page is rendered for them, but the route, the
    navigation and the published content around their own parts are shared."""
    client.force_login(
        django_user_model.objects.get(email="admin@jade.example-customer.test")
    )
    path = "/en/products/business-fibre-500/"
    assert client.get(path).status_code == 200  # fills the shared caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    # What remains is theirs: session, user, allauth's session activity, their
    # company membership and permissions, and the product's trial policy.
    assert len(captured) <= 18, "\n".join(q["sql"][:150] for q in captured)


@pytest.mark.parametrize(
    "email, shown",
    [
        ("editor@example-telecom.test", True),
        ("admin@jade.example-customer.test", False),
    ],
)
def test_the_editing_toolbar_is_for_staff_only(client, django_user_model, email, shown):
    """Wagtail's userbar on a page for staff; customers' pages skip it and the two
    permission queries Wagtail would spend deciding so."""
    client.force_login(django_user_model.objects.get(email=email))
    response = client.get("/en/products/business-fibre-500/")
    assert response.status_code == 200
    assert ("wagtail-userbar" in response.content.decode()) is shown
