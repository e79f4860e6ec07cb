"""Search fixtures: a clean index per test and a way to add articles to it."""

import itertools

import pytest
from haystack import connections

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _query_log_written_at_once(monkeypatch):
    """Each search's count is written in its request, inside the test's
    transaction (the batching itself is tested on its own)."""
    from search import services

    monkeypatch.setattr(services, "QUERY_LOG_FLUSH_SECONDS", 0)


@pytest.fixture
def search_index(db):
    """An empty index: each test indexes only the content it creates, so counts do
    not depend on the seeded demo articles."""
    backend = connections["default"].get_backend()
    backend.clear()
    return backend


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run a content change and the index tasks it queues, as the worker would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def make_article(db, on_commit, search_index):
    """Create and publish a knowledge article; the queued index task runs
    (unless `index=False`: the test then writes the index itself)."""
    from wagtail.models import Locale

    from cms.models import KnowledgeArticlePage, KnowledgeCategory, KnowledgeIndexPage
    from portal.taxonomy.models import Segment

    def make(
        title,
        body="",
        *,
        language="en",
        segments=(),
        restricted_segments=(),
        category=None,
        publish=True,
        index=True,
    ):
        locale = Locale.objects.get(language_code=language)
        parent = KnowledgeIndexPage.objects.get(locale=locale)
        number = next(_numbers)
        page = KnowledgeArticlePage(
            title=title,
            slug=f"test-article-{number}",
            body=[("paragraph", f"<p>{body or title}</p>")],
            external_id=f"T-{number}",
            live=False,
        )
        if category:
            page.category, _ = KnowledgeCategory.objects.get_or_create(
                slug=category, defaults={"name": category.title()}
            )

        def create():
            parent.add_child(instance=page)
            page.segments.set(Segment.objects.filter(code__in=segments))
            page.restricted_segments.set(
                Segment.objects.filter(code__in=restricted_segments)
            )
            revision = page.save_revision()
            if publish:
                revision.publish()

        if index:
            on_commit(create)
        else:
            create()
        return KnowledgeArticlePage.objects.get(pk=page.pk)

    return make


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, with the TOTP authenticator staff must have."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=admin_user,
        type=Authenticator.Type.TOTP,
        data={"secret": "JBSWY3DPEHPK3PXP"},
    )
    return admin_user
