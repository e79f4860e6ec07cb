from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Portal content")

    def ready(self):
        from cms import page_cache

        page_cache.connect_invalidation()
