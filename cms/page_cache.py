"""Whole-page caching for anonymous visitors, invalidated by publishing.

Wagtail pages served to a visitor without a session are stored in the cache under
the current *generation*. Publishing, unpublishing, moving or deleting a page (or
editing a shared vocabulary that pages show) starts a new generation once the
editor's transaction commits, so no visitor sees a stale page after a publish.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

# Cookies an anonymous visitor may carry without the page becoming personal.
NEUTRAL_COOKIES = {"csrftoken", "django_language"}
CACHEABLE_FLAG = "_portal_page_cacheable"


def current_generation() -> int:
    from cms.models import PageCacheGeneration

    # Read on every request, cached pages included, where building the ORM query
    # took most of the time of a cache hit; the plain statement is the same read.
    table = connection.ops.quote_name(PageCacheGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {table} WHERE id = 1")  # noqa: S608 (no input)
        row = cursor.fetchone()
    return row[0] if row else 0


def request_generation(request) -> int:
    """The generation this request sees, read once per request.

    Templates key their fragment caches on it too (`content_generation`), so a
    publish makes cached fragments stale at the same moment as cached pages.
    """
    generation = getattr(request, "_portal_content_generation", None)
    if generation is None:
        generation = current_generation()
        request._portal_content_generation = generation
    return generation


def start_new_generation() -> None:
    """Make every cached page stale; called after content changes commit."""
    from cms.models import PageCacheGeneration

    updated = PageCacheGeneration.objects.filter(pk=1).update(
        value=models.F("value") + 1
    )
    if not updated:
        PageCacheGeneration.objects.get_or_create(pk=1, defaults={"value": 1})


def _invalidate_on_commit(**kwargs):
    transaction.on_commit(start_new_generation)


def mark_cacheable(request) -> None:
    """Called by Wagtail's before_serve_page hook: this response is a public page."""
    setattr(request, CACHEABLE_FLAG, True)


def _request_is_anonymous(request) -> bool:
    return request.method in ("GET", "HEAD") and set(request.COOKIES) <= NEUTRAL_COOKIES


def _cache_key(request, generation: int) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"page:{generation}:{digest}"


class AnonymousPageCacheMiddleware:
    """Serves and stores Wagtail pages for anonymous visitors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_anonymous(request):
            return self.get_response(request)
        key = _cache_key(request, request_generation(request))
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._should_store(request, response):
            # The headers the inner middleware added (content language, Vary,
            # X-Frame-Options, ...) are replayed with the page; cookies never are.
            cache.set(
                key,
                (response.content, list(response.items())),
                settings.PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _should_store(request, response) -> bool:
        return (
            getattr(request, CACHEABLE_FLAG, False)
            and request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )


def connect_invalidation() -> None:
    from wagtail.models import Page, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from cms.models import KnowledgeCategory
    from portal.taxonomy.models import Industry, Region, Segment

    page_published.connect(_invalidate_on_commit, dispatch_uid="page_cache_publish")
    page_unpublished.connect(_invalidate_on_commit, dispatch_uid="page_cache_unpublish")
    post_page_move.connect(_invalidate_on_commit, dispatch_uid="page_cache_move")
    post_delete.connect(
        _invalidate_on_commit, sender=Page, dispatch_uid="page_cache_delete"
    )
    for model in (KnowledgeCategory, Industry, Region, Segment, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                _invalidate_on_commit,
                sender=model,
                dispatch_uid=f"page_cache_{model.__name__}_{signal}",
            )
