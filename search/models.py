"""Search vocabulary editors manage (synonyms), the log behind the query report, and
the per-language proxies the index holds request types through."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from portal.support.models import RequestType

_SEPARATORS = re.compile(r"[,，;；\n]+")


@register_snippet
class SynonymGroup(models.Model):
    """Words or phrases that mean the same to a customer, in any language.

    Applied when a query is run (no re-indexing needed): a query containing one term
    also finds documents with the others, ranked a little below exact matches.
    """

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "Two or more words or phrases with the same meaning, separated by commas "
            "or new lines, for example: 宽带, broadband, internet access."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")

    def __str__(self):
        return ", ".join(self.term_list())[:120]

    def term_list(self) -> list[str]:
        seen: list[str] = []
        for term in _SEPARATORS.split(self.terms):
            term = " ".join(term.split()).lower()
            if term and term not in seen:
                seen.append(term)
        return seen


class SearchQueryStat(models.Model):
    """How often a normalised query was searched on a day, and how often in vain."""

    query = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=10, blank=True)
    date = models.DateField(_("date"), db_index=True)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_searches = models.PositiveIntegerField(
        _("searches without results"), default=0
    )
    last_total = models.PositiveIntegerField(_("results last time"), default=0)

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "date"], name="search_query_stat_unique"
            )
        ]

    def __str__(self):
        return f"{self.query} ({self.date}: {self.searches})"


class RequestTypeInEnglish(RequestType):
    """A request type as the search index holds it in English.

    haystack indexes one document per model instance, and customers search the
    request types they may file in English and in Chinese, each document with its
    own title, link and language: so each language indexes a proxy of the model
    (search/search_indexes.py). No table of its own.
    """

    class Meta:
        proxy = True
        default_permissions = ()
        verbose_name = _("request type (English search document)")


class RequestTypeInChinese(RequestType):
    """A request type as the search index holds it in Chinese (see above)."""

    class Meta:
        proxy = True
        default_permissions = ()
        verbose_name = _("request type (Chinese search document)")
