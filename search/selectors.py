"""Read functions of search: run a query for a user, autocomplete, the query report.

Views and the API call these; the audience of the asking user always filters the
results, and the keys come from the one permission module (search.audience).
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone
from wagtail.search.utils import normalise_query_string

from portal.companies.permissions import can_view_page
from search import audience, engine
from search.models import SearchQueryStat, SynonymGroup

SYNONYM_CACHE_KEY = "search:synonym-groups"
PROMOTED_QUERIES_CACHE_KEY = "search:promoted-queries"
MAX_EXPANSIONS = 6


@dataclass
class Promotion:
    title: str
    url: str
    description: str


@dataclass
class SearchPage:
    """What a results page or the API shows for one query."""

    query: str
    outcome: engine.Outcome
    promotions: list[Promotion] = field(default_factory=list)
    page: int = 1
    per_page: int = 10

    @property
    def page_count(self) -> int:
        return max(1, -(-self.outcome.total // self.per_page))


def synonym_groups() -> list[list[str]]:
    """All synonym groups as lists of lower-case terms (cached until one changes)."""
    groups = cache.get(SYNONYM_CACHE_KEY)
    if groups is None:
        groups = [g.term_list() for g in SynonymGroup.objects.all()]
        groups = [g for g in groups if len(g) > 1]
        cache.set(SYNONYM_CACHE_KEY, groups, 3600)
    return groups


def _contains(text: str, term: str) -> bool:
    if re.search(r"[\u3400-\u9fff]", term):
        return term in text
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None


def synonym_expansions(*, query: str) -> tuple[str, ...]:
    """The other terms of every synonym group the query mentions."""
    text = " ".join(query.lower().split())
    expansions: list[str] = []
    for group in synonym_groups():
        if any(_contains(text, term) for term in group):
            expansions += [t for t in group if not _contains(text, t)]
    return tuple(dict.fromkeys(expansions))[:MAX_EXPANSIONS]


def promoted_queries() -> frozenset[str]:
    """The query strings editors promoted pages for (cached until one changes), so
    the many searches without promotions need no database query."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    found = cache.get(PROMOTED_QUERIES_CACHE_KEY)
    if found is None:
        found = frozenset(
            SearchPromotion.objects.values_list("query__query_string", flat=True)
        )
        cache.set(PROMOTED_QUERIES_CACHE_KEY, found, 3600)
    return found


def promotions_for(*, query: str, user, language: str | None) -> list[Promotion]:
    """Editor's picks for this query that this user may see, in the editors' order."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    normalised = normalise_query_string(query)
    if normalised not in promoted_queries():
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page", "page__locale")
        .order_by("sort_order")
    )
    promotions = []
    for pick in picks:
        page = pick.page
        if page is not None:
            page = page.specific
            if not page.live or (language and page.locale.language_code != language):
                continue
            if not can_view_page(user, page):
                continue
        promotions.append(
            Promotion(
                title=pick.title,
                url=page.get_url() if page is not None else pick.external_link_url,
                description=pick.description or getattr(page, "summary", ""),
            )
        )
    return promotions


def search_run(
    *,
    query: str,
    user,
    filters: dict[str, str] | None = None,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = 10,
    with_facets: bool = True,
) -> SearchPage:
    """Search everything this user may see; filters use index field names."""
    keys = audience.keys_for_user(user)
    filters = dict(filters or {})
    spec = engine.SearchSpec(
        query=query,
        audience=keys,
        filters=filters,
        expansions=synonym_expansions(query=query),
        sort=sort,
        offset=(page - 1) * per_page,
        limit=per_page,
        with_facets=with_facets,
    )
    outcome = engine.backend().portal_search(spec)
    promotions = (
        promotions_for(query=query, user=user, language=filters.get("language"))
        if page == 1
        else []
    )
    return SearchPage(
        query=query,
        outcome=outcome,
        promotions=promotions,
        page=page,
        per_page=per_page,
    )


def autocomplete_titles(
    *, prefix: str, user, language: str = "", limit: int = 8
) -> list[engine.Suggestion]:
    """Titles starting with (a word starting with) the prefix, for the search box."""
    return engine.backend().portal_autocomplete(
        prefix=prefix,
        audience=audience.keys_for_user(user),
        language=language,
        limit=limit,
    )


def query_report(*, days: int = 30, limit: int = 50) -> dict:
    """Most frequent queries and queries that found nothing, with counts."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    recent = SearchQueryStat.objects.filter(date__gte=since)
    grouped = recent.values("query", "language")
    top = grouped.annotate(
        total=Sum("searches"), empty=Sum("zero_result_searches")
    ).order_by("-total", "query")[:limit]
    zero = (
        grouped.annotate(empty=Sum("zero_result_searches"), total=Sum("searches"))
        .filter(empty__gt=0)
        .order_by("-empty", "query")[:limit]
    )
    return {"days": days, "top": list(top), "zero": list(zero)}
