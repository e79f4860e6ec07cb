"""Template tags of the portal theme."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page

from cms import selectors
from portal.companies import permissions

register = template.Library()


@register.filter(expects_localtime=True)
def short_datetime(value) -> str:
    """`2026-11-23 18:45` in the current time zone: the portal's timestamp format.

    What `date:"Y-m-d H:i"` printed, at a fifth of its cost: the work queue and
    request lists print one a row.
    """
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


@register.simple_tag(takes_context=True)
def staff_userbar(context):
    """Wagtail's editing toolbar, on CMS pages and for operator staff only.

    Customers never get it (asking Wagtail would cost each of their pages two
    permission queries to answer no); on the portal's own views, such as the work
    queue, it would only link to the admin, which the header already does.
    """
    request = context.get("request")
    if request is None or not isinstance(context.get("page"), Page):
        return ""
    if not permissions.is_staff_member(request.user):
        return ""
    return wagtailuserbar(context)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language that keeps the visitor on the same page.

    On a Wagtail page it links each language to that page's translation (or the
    translated home page when there is none); elsewhere it translates the URL.
    """
    request = context.get("request")
    page = context.get("page") or context.get("self")
    current = get_language()
    key = _content_key(context, "language-links", page)
    if key is not None:
        links = cache.get(key)
        if links is None:
            links = _language_links(request, page, current)
            cache.set(key, links, settings.PAGE_CACHE_SECONDS)
        return links
    return _language_links(request, page, current)


def _language_links(request, page, current):
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


def _content_key(context, name: str, page) -> str | None:
    """Cache key of a fragment that depends only on published content, or None
    when it must not be cached: outside a Wagtail page, or in a preview (whose
    draft content the live page's key would hide)."""
    request = context.get("request")
    generation = context.get("content_generation")
    if not isinstance(page, Page) or page.pk is None or generation is None:
        return None
    if request is None or getattr(request, "is_preview", False):
        return None
    return f"fragment:{name}:{generation}:{page.pk}:{get_language()}"


def _pageless_key(context, name: str) -> str | None:
    """Cache key of a fragment on a view that is not a Wagtail page (an account
    or work page): the fragment then depends on published content and language
    only, the same on every such view."""
    generation = context.get("content_generation")
    if generation is None or context.get("request") is None:
        return None
    return f"fragment:{name}:{generation}:-:{get_language()}"


class ContentFragmentNode(template.Node):
    def __init__(self, nodelist, name: str, page_var):
        self.nodelist = nodelist
        self.name = name
        self.page_var = page_var

    def render(self, context):
        page = self.page_var.resolve(context, ignore_failures=True)
        if page is None:
            key = _pageless_key(context, self.name)
        else:
            key = _content_key(context, self.name, page)
        if key is None:
            return self.nodelist.render(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, settings.PAGE_CACHE_SECONDS)
        return html


@register.tag
def content_fragment(parser, token):
    """`{% content_fragment "name" page %}...{% endcontent_fragment %}` caches the
    enclosed HTML until the next publish (the content generation changes), per
    page, or once for all views without a page.

    For parts of a page that show published content only, never the visitor's
    own data: a signed-in customer's page is rendered afresh around them.
    """
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a fragment name and a page: {{% {bits[0]} 'name' page %}}"
        )
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    return ContentFragmentNode(nodelist, name, parser.compile_filter(bits[2]))
