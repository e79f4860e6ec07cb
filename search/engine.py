"""What the portal asks of a search backend, independent of Whoosh or Elasticsearch.

Both backends in search/backends implement `portal_search(spec)` and
`portal_autocomplete(...)` with these types, so views, the API and the benches
run the same code on either engine.
"""

from dataclasses import dataclass, field

from haystack import connections

FACET_FIELDS = ("type", "segments", "family", "language", "category")
SORTS = ("relevance", "date")


@dataclass(frozen=True)
class SearchSpec:
    """One search: the text, who asks, what to narrow by, which page."""

    query: str
    audience: frozenset[str]
    filters: dict[str, str] = field(default_factory=dict)
    expansions: tuple[str, ...] = ()
    sort: str = "relevance"
    offset: int = 0
    limit: int = 10
    with_facets: bool = True


@dataclass
class Hit:
    doc_id: str
    title: str
    url: str
    type: str
    language: str
    external_id: str
    score: float
    snippet: str  # HTML: escaped text with <mark> around the matched words
    published: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class Outcome:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    suggestion: str | None = None


@dataclass
class Suggestion:
    title: str
    url: str
    type: str


def backend():
    """The configured haystack backend (Whoosh or Elasticsearch) of this process."""
    return connections["default"].get_backend()


def warm() -> None:
    """Prepare the search backend before web workers are forked from this process
    (gunicorn.conf.py), so they share what it builds; a backend with nothing to
    prepare (Elasticsearch) does nothing."""
    prepare = getattr(backend(), "portal_warm", None)
    if prepare is not None:
        prepare()


def audience_everything(audience: frozenset[str]) -> bool:
    """True for keys that may see every document (operator staff)."""
    return "*" in audience
