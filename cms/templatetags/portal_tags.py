"""Template tags of the portal theme."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from cms import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language that keeps the visitor on the same page.

    On a Wagtail page it links each language to that page's translation (or the
    translated home page when there is none); elsewhere it translates the URL.
    """
    request = context.get("request")
    page = context.get("page") or context.get("self")
    current = get_language()
    codes = [code for code, _name in settings.LANGUAGES]
    targets = (
        selectors.translation_links(page=page, languages=codes)
        if isinstance(page, Page)
        else {}
    )
    links = []
    for code, name in settings.LANGUAGES:
        target = targets.get(code)
        url = target.get_url(request) if target is not None else None
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {"code": code, "name": name, "url": url, "active": code == current}
        )
    return links
