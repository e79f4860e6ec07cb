"""Template context every page needs: the navigation of the active language."""

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale

from cms import selectors
from cms.page_cache import current_generation


def navigation(request):
    if request.path.startswith(("/admin/", "/django-admin/")):
        return {}
    language = get_language() or "en"
    key = f"nav:{current_generation()}:{language}"
    nav = cache.get(key)
    if nav is None:
        try:
            locale = Locale.objects.get_for_language(language)
        except Locale.DoesNotExist:
            return {"nav": {}}
        nav = selectors.navigation_for_locale(locale=locale)
        cache.set(key, nav, 600)
    return {"nav": nav}
