"""Template tags of the portal theme."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

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
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if isinstance(page, Page):
            url = _translated_page_url(page, code, request)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {"code": code, "name": name, "url": url, "active": code == current}
        )
    return links


def _translated_page_url(page, language_code, request):
    try:
        locale = Locale.objects.get_for_language(language_code)
    except Locale.DoesNotExist:
        return None
    translation = page.get_translation_or_none(locale)
    if translation is None or not translation.live:
        home = (
            page.get_site().root_page.get_translation_or_none(locale)
            if page.get_site()
            else None
        )
        translation = home
    return translation.get_url(request) if translation else None
