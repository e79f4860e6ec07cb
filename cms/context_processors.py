"""Template context every page needs: the navigation of the active language, and
the content generation that keys fragment caches (see cms.page_cache)."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale

from cms import selectors
from cms.page_cache import request_generation


def navigation(request):
    if request.path.startswith(("/admin/", "/django-admin/")):
        return {}
    language = get_language() or "en"
    generation = request_generation(request)
    key = f"nav:{generation}:{language}"
    nav = cache.get(key)
    if nav is None:
        try:
            locale = Locale.objects.get_for_language(language)
        except Locale.DoesNotExist:
            return {"nav": {}}
        nav = selectors.navigation_for_locale(locale=locale)
        cache.set(key, nav, settings.PAGE_CACHE_SECONDS)
    return {
        "nav": nav,
        "content_generation": generation,
        "fragment_cache_seconds": settings.PAGE_CACHE_SECONDS,
    }
