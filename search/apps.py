from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.core.cache import cache
        from django.db.models.signals import post_delete, post_save
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion

        from search.models import SynonymGroup
        from search.selectors import PROMOTED_QUERIES_CACHE_KEY, SYNONYM_CACHE_KEY

        def forget_synonyms(**kwargs):
            cache.delete(SYNONYM_CACHE_KEY)

        def forget_promoted_queries(**kwargs):
            cache.delete(PROMOTED_QUERIES_CACHE_KEY)

        for signal in (post_save, post_delete):
            signal.connect(
                forget_synonyms,
                sender=SynonymGroup,
                weak=False,  # a local function would be garbage-collected
                dispatch_uid=f"synonyms_{signal}",
            )
            for model in (SearchPromotion, Query):
                signal.connect(
                    forget_promoted_queries,
                    sender=model,
                    weak=False,
                    dispatch_uid=f"promoted_{model.__name__}_{signal}",
                )
