"""Anonymous page cache: hits, and invalidation by publish, unpublish, move, delete."""

import pytest

from cms.models import KnowledgeArticlePage, ProductPage

pytestmark = pytest.mark.django_db

PATH = "/en/products/cloud-pbx/"


def _cache_state(client, path=PATH):
    return client.get(path).headers.get("X-Page-Cache")


@pytest.fixture
def product():
    return ProductPage.objects.get(
        product_code="UC-CLOUDPBX", locale__language_code="en"
    )


def test_second_anonymous_view_is_a_hit(client):
    assert _cache_state(client) == "miss"
    response = client.get(PATH)
    assert response.headers["X-Page-Cache"] == "hit"
    assert b"Cloud PBX" in response.content


def test_a_hit_carries_the_headers_of_the_rendered_page(client):
    miss = client.get(PATH)
    hit = client.get(PATH)
    assert hit.headers["X-Page-Cache"] == "hit"
    for header in ("Content-Type", "Content-Language", "X-Frame-Options", "Vary"):
        assert hit.headers[header] == miss.headers[header], header
    assert hit.content == miss.content
    assert not hit.cookies


@pytest.fixture
def signed_in(client, django_user_model):
    client.force_login(
        django_user_model.objects.get(email="editor@example-telecom.test")
    )
    return client


def _features(*titles):
    return [("feature", {"title": title, "text": ""}) for title in titles]


def test_fragments_and_routes_follow_a_publish(
    signed_in, product, django_capture_on_commit_callbacks
):
    """A signed-in visitor's page is rendered afresh around cached published-content
    fragments and a cached route: a publish must renew both."""
    assert signed_in.get(PATH).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        product.slug = "cloud-pbx-renamed"
        product.features = _features("Published feature")
        product.save_revision().publish()
    # The old address now redirects (Wagtail records a redirect on a slug change).
    assert signed_in.get(PATH).url == "/en/products/cloud-pbx-renamed/"
    response = signed_in.get("/en/products/cloud-pbx-renamed/")
    assert response.status_code == 200
    assert b"Published feature" in response.content


def test_preview_is_never_served_from_the_fragment_cache(signed_in, product):
    assert signed_in.get(PATH).status_code == 200  # fills the fragment cache
    product.features = _features("Draft-only feature")
    preview = product.make_preview_request()
    assert b"Draft-only feature" in preview.content
    assert b"Draft-only feature" not in signed_in.get(PATH).content


def test_signed_in_visitor_bypasses_the_cache(client, django_user_model):
    _cache_state(client)
    user = django_user_model.objects.get(email="editor@example-telecom.test")
    client.force_login(user)
    assert client.get(PATH).headers.get("X-Page-Cache") is None


def test_publish_invalidates(client, product, django_capture_on_commit_callbacks):
    _cache_state(client)
    assert _cache_state(client) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Cloud PBX Plus"
        product.save_revision().publish()
    response = client.get(PATH)
    assert response.headers["X-Page-Cache"] == "miss"
    assert b"Cloud PBX Plus" in response.content


def test_unpublish_invalidates(client, product, django_capture_on_commit_callbacks):
    assert _cache_state(client, "/en/products/") == "miss"
    assert b"Cloud PBX" in client.get("/en/products/").content
    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    response = client.get("/en/products/")
    assert response.headers["X-Page-Cache"] == "miss"
    assert b"Cloud PBX" not in response.content
    assert client.get(PATH).status_code == 404


def test_move_invalidates(client, django_capture_on_commit_callbacks):
    article = KnowledgeArticlePage.objects.get(
        slug="report-a-fault", locale__language_code="en"
    )
    _cache_state(client, "/en/help/report-a-fault/")
    assert _cache_state(client, "/en/help/report-a-fault/") == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        article.move(article.get_parent(), pos="first-child")
    assert _cache_state(client, "/en/help/report-a-fault/") == "miss"


def test_delete_invalidates(client, django_capture_on_commit_callbacks):
    article = KnowledgeArticlePage.objects.get(
        slug="report-a-fault", locale__language_code="en"
    )
    _cache_state(client, "/en/help/")
    assert _cache_state(client, "/en/help/") == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    response = client.get("/en/help/")
    assert response.headers["X-Page-Cache"] == "miss"
    assert "Report a fault" not in response.content.decode()


def test_main_navigation_of_views_without_a_page_follows_a_publish(
    client, django_user_model, django_capture_on_commit_callbacks
):
    """Account and work pages share one cached copy of the main navigation per
    language; a publish renews it, and each language keeps its own."""
    from cms.models import ProductIndexPage

    client.force_login(
        django_user_model.objects.get(email="admin@jade.example-customer.test")
    )
    index = ProductIndexPage.objects.get(locale__language_code="en")
    assert f">{index.title}</a>".encode() in client.get("/en/company/").content
    with django_capture_on_commit_callbacks(execute=True):
        index.title = "Products and packages"
        index.save_revision().publish()
    english = client.get("/en/company/").content
    assert b">Products and packages</a>" in english
    chinese = client.get("/zh-hans/company/").content
    assert b">Products and packages</a>" not in chinese
    main_nav = english.split(b'class="main-nav"')[1].split(b"</nav>")[0]
    assert b"aria-current" not in main_nav
