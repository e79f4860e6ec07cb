"""Wagtail admin and serving hooks of the portal's CMS."""

from wagtail import hooks

from cms.page_cache import mark_cacheable


@hooks.register("before_serve_page")
def allow_anonymous_page_cache(page, request, serve_args, serve_kwargs):
    mark_cacheable(request)
