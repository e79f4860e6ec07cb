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
