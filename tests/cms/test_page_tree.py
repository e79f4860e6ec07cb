"""Which page type may live under which: the tree rules editors work within."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from cms.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    KnowledgeArticlePage,
    KnowledgeIndexPage,
    ProductIndexPage,
    ProductPage,
    SegmentPage,
    SolutionIndexPage,
    SolutionPage,
)

pytestmark = pytest.mark.django_db

ALLOWED_CHILDREN = {
    HomePage: {
        SegmentPage,
        SolutionIndexPage,
        ProductIndexPage,
        EventIndexPage,
        KnowledgeIndexPage,
    },
    SolutionIndexPage: {SolutionPage},
    ProductIndexPage: {ProductPage},
    EventIndexPage: {EventPage},
    KnowledgeIndexPage: {KnowledgeArticlePage},
    SegmentPage: set(),
    SolutionPage: set(),
    ProductPage: set(),
    EventPage: set(),
    KnowledgeArticlePage: set(),
}


@pytest.mark.parametrize("parent_model", list(ALLOWED_CHILDREN))
def test_allowed_subpage_models(parent_model):
    allowed = {m for m in parent_model.allowed_subpage_models() if m is not Page}
    assert allowed == ALLOWED_CHILDREN[parent_model]


def test_home_page_only_under_the_root():
    root = Page.get_first_root_node()
    home = HomePage.objects.get(locale__language_code="en")
    assert HomePage.can_create_at(root)
    assert not HomePage.can_create_at(home)


def test_index_pages_at_most_once_per_home():
    home = HomePage.objects.get(locale__language_code="en")
    for model in (
        SolutionIndexPage,
        ProductIndexPage,
        EventIndexPage,
        KnowledgeIndexPage,
    ):
        assert model.objects.child_of(home).exists()
        assert not model.can_create_at(home), model


def test_product_only_under_the_product_index():
    products = ProductIndexPage.objects.get(locale__language_code="en")
    solutions = SolutionIndexPage.objects.get(locale__language_code="en")
    home = HomePage.objects.get(locale__language_code="en")
    assert ProductPage.can_create_at(products)
    assert not ProductPage.can_create_at(solutions)
    assert not ProductPage.can_create_at(home)


def test_creating_a_disallowed_child_fails():
    solutions = SolutionIndexPage.objects.get(locale__language_code="en")
    product = ProductPage(
        title="Misplaced product", slug="misplaced", product_code="MISPLACED-1",
        family="cloud",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        solutions.add_child(instance=product)
    assert not ProductPage.objects.filter(slug="misplaced").exists()


def test_article_under_a_product_is_refused():
    product = ProductPage.objects.filter(locale__language_code="en").first()
    article = KnowledgeArticlePage(title="Wrong place", slug="wrong-place", body=[])
    with pytest.raises(ValidationError):
        product.add_child(instance=article)
