"""The site and the page a URL leads to, kept until the next publish.

Wagtail finds the site of each request with one query and walks the page tree to
the requested page two queries a level. Both only change when content is
published, unpublished, moved or deleted, or a site is edited, which start a new
content generation (cms.page_cache); so the answers are cached for the current
generation, and a cached route costs one query, for the page itself.

Wagtail keeps both answers on the request (`request._wagtail_site` and
`request._wagtail_route_for_request`, as its `Site.find_for_request` and
`Page.route_for_request` document); this middleware fills them in before Wagtail
looks. Were Wagtail to stop reading them, pages would still be served, only with
Wagtail's own queries.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from cms.page_cache import request_generation


def _key(request, kind: str, *parts) -> str:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]
    return f"{kind}:{request_generation(request)}:{digest}"


def site_for_request(request) -> Site | None:
    """Wagtail's `Site.find_for_request`, cached per host and port."""
    key = _key(request, "site", request._get_raw_host(), request.get_port())
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            cache.set(key, site, settings.PAGE_CACHE_SECONDS)
    return site


def page_route_for_request(request, path: str):
    """Wagtail's `Page.route_for_request`, with the page's identity cached.

    Only routes that end on a page itself are cached (not a sub-route a page type
    adds, which Wagtail computes again); the page is fetched fresh and must still
    be live.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    key = _key(request, "route", site.pk, get_language(), path)
    target = cache.get(key)
    if target:
        pk, content_type_id = target
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=pk, live=True).first()
        if page is not None:
            try:
                return page.route(request, [])
            except Http404:
                return None
    result = Page.route_for_request(request, path)
    if result is not None and not result.args and not result.kwargs:
        page = result.page
        cache.set(key, (page.pk, page.content_type_id), settings.PAGE_CACHE_SECONDS)
    return result


class RouteCacheMiddleware:
    """Gives every view the cached site of the request, and Wagtail's page view
    the cached route."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Portal views link to pages too (`pageurl` finds the site of the request).
        if not hasattr(request, "_wagtail_site"):
            site = site_for_request(request)
            if site is not None:
                request._wagtail_site = site
        if view_func is not wagtail_views.serve:
            return None
        if not hasattr(request, "_wagtail_route_for_request"):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            request._wagtail_route_for_request = page_route_for_request(request, path)
        return None
