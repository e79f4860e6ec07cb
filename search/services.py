"""Writes of search: the query log, article feedback and the knowledge base import."""

import atexit
import datetime
import hashlib
import logging
import threading
import time

from django.db import connection, transaction
from django.utils import timezone

from cms.models import ArticleFeedback, KnowledgeArticlePage
from search.models import SearchQueryStat

logger = logging.getLogger(__name__)


def normalise_logged_query(query: str) -> str:
    return " ".join(query.lower().split())[:200]


def query_log_record(*, query: str, language: str, total: int) -> None:
    """Count one search of a query today (and whether it found nothing).

    The count is kept in this process and written by `query_log_flush`, at most
    QUERY_LOG_FLUSH_SECONDS later, with every other search counted meanwhile in
    one transaction: searches do not wait for a database write each (with
    several web processes on SQLite they would queue for its one writer).
    """
    text = normalise_logged_query(query)
    if not text:
        return
    key = (text, language or "", timezone.localdate())
    now = time.monotonic()
    with _pending_lock:
        searches, empty, _last = _pending.get(key, (0, 0, 0))
        _pending[key] = (searches + 1, empty + (total == 0), total)
        due = now - _pending_since[0] >= QUERY_LOG_FLUSH_SECONDS
    if due:
        query_log_flush()


def query_log_flush() -> int:
    """Write the searches counted in this process to SearchQueryStat; returns how
    many (query, language, day) rows changed. Called by `query_log_record` when
    the counts are due and when the process exits."""
    global _pending
    with _pending_lock:
        counted, _pending = _pending, {}
        _pending_since[0] = time.monotonic()
    if not counted:
        return 0
    _query_stats_add(
        [
            (text, language, day, searches, empty, last)
            for (text, language, day), (searches, empty, last) in counted.items()
        ]
    )
    return len(counted)


def _query_stats_add(rows: list[tuple]) -> None:
    """Add (query, language, date, searches, empty, last total) rows to the
    counts: one upsert statement run for every row, in one transaction.

    The database adds to an existing row or creates it (INSERT ... ON CONFLICT,
    in SQLite and PostgreSQL alike), so two processes flushing at once add up
    correctly; Django's bulk_create can only overwrite the counts. An ORM update
    (and maybe a create) a row took about 1 ms, hundreds a flush, and the web
    process answered nothing meanwhile.
    """
    meta = SearchQueryStat._meta
    quote = connection.ops.quote_name
    columns = [
        quote(meta.get_field(name).column)
        for name in (
            "query",
            "language",
            "date",
            "searches",
            "zero_result_searches",
            "last_total",
        )
    ]
    table = quote(meta.db_table)
    searches, empty, last = columns[3:]
    # Names from the model's metadata, quoted; the values are parameters.
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(columns[:3])}) DO UPDATE SET "
        f"{searches} = {table}.{searches} + excluded.{searches}, "
        f"{empty} = {table}.{empty} + excluded.{empty}, "
        f"{last} = excluded.{last}"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)


# Searches counted in this process and not yet written: (query, language, day) ->
# (searches, searches without results, the last total).
QUERY_LOG_FLUSH_SECONDS = 10
_pending: dict[tuple[str, str, datetime.date], tuple[int, int, int]] = {}
_pending_since = [time.monotonic()]
_pending_lock = threading.Lock()


@atexit.register
def _flush_at_exit() -> None:
    try:
        query_log_flush()
    except Exception:  # noqa: BLE001 - the database may be gone at exit
        logger.warning("Could not write the last search counts.", exc_info=True)


def article_feedback_record(
    *,
    article: KnowledgeArticlePage,
    helpful: bool,
    query: str = "",
    comment: str = "",
    user=None,
) -> ArticleFeedback:
    """Store a reader's “did this answer your question?” with the query behind it."""
    return ArticleFeedback.objects.create(
        article=article,
        helpful=helpful,
        query=query.strip()[:200],
        comment=comment.strip()[:2000],
        user=user if user is not None and user.is_authenticated else None,
    )


class RecordError(ValueError):
    """A knowledge base record that cannot be imported; the message says why."""


IMPORT_LANGUAGES = ("en", "zh-hans")


def _clean_record(record) -> dict:
    if not isinstance(record, dict):
        raise RecordError("the line must be a JSON object")
    cleaned = {}
    for name in ("id", "title", "body", "language"):
        value = record.get(name)
        if not isinstance(value, str) or not value.strip():
            raise RecordError(f'"{name}" must be a non-empty string')
        cleaned[name] = value.strip()
    if len(cleaned["id"]) > 100:
        raise RecordError('"id" must be at most 100 characters')
    if len(cleaned["title"]) > 255:
        raise RecordError('"title" must be at most 255 characters')
    if cleaned["language"] not in IMPORT_LANGUAGES:
        raise RecordError(
            f'"language" must be one of {", ".join(IMPORT_LANGUAGES)}, '
            f'not "{cleaned["language"]}"'
        )
    category = record.get("category") or ""
    if not isinstance(category, str) or len(category) > 100:
        raise RecordError('"category" must be a name of at most 100 characters')
    cleaned["category"] = category.strip()
    for name in ("tags", "segments"):
        values = record.get(name) or []
        if not isinstance(values, list) or not all(
            isinstance(v, str) and v.strip() for v in values
        ):
            raise RecordError(f'"{name}" must be a list of non-empty strings')
        cleaned[name] = sorted({v.strip() for v in values})
    if any(len(tag) > 100 for tag in cleaned["tags"]):
        raise RecordError("each tag must be at most 100 characters")
    return cleaned


def _body_blocks(text: str) -> list[tuple[str, str]]:
    """Plain text to paragraph blocks: blank lines separate paragraphs."""
    from django.utils.html import escape

    blocks = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        chunk = chunk.strip()
        if chunk:
            lines = "<br/>".join(escape(line) for line in chunk.split("\n"))
            blocks.append(("paragraph", f"<p>{lines}</p>"))
    return blocks


def _category_for(name: str):
    from django.utils.text import slugify

    from cms.models import KnowledgeCategory

    if not name:
        return None
    found = KnowledgeCategory.objects.filter(name__iexact=name).first()
    found = found or KnowledgeCategory.objects.filter(name_zh_hans=name).first()
    if found:
        return found
    slug = slugify(name)[:60] or "category"
    if KnowledgeCategory.objects.filter(slug=slug).exists() or slug == "category":
        slug = f"{slug}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
    is_chinese = any("\u3400" <= ch <= "\u9fff" for ch in name)
    return KnowledgeCategory.objects.create(
        name=name, name_zh_hans=name if is_chinese else "", slug=slug
    )


def _unique_slug(parent, title: str, external_id: str) -> str:
    from django.utils.text import slugify

    base = (slugify(title)[:60] or slugify(external_id)[:60] or "article").strip("-")
    slug, n = base, 1
    while parent.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def knowledge_article_import(
    *, record, dry_run: bool = False
) -> tuple[str, int | None]:
    """Create or update one knowledge article from an import record and publish it.

    Idempotent by (`id`, language): the id is kept as the page's external_id.
    Returns ("created" | "updated" | "unchanged", page id); raises RecordError on
    bad input.
    Used by `manage.py import_kb`; the caller runs it in a transaction.
    """
    from wagtail.models import Locale

    from cms.models import KnowledgeArticlePage, KnowledgeIndexPage
    from portal.taxonomy.models import Segment

    data = _clean_record(record)
    locale = Locale.objects.filter(language_code=data["language"]).first()
    parent = (
        KnowledgeIndexPage.objects.filter(locale=locale).first() if locale else None
    )
    if parent is None:
        raise RecordError(
            f"there is no knowledge base page in {data['language']}; "
            "create it (or run seed_demo) first"
        )
    segments = list(Segment.objects.filter(code__in=data["segments"]))
    unknown = set(data["segments"]) - {s.code for s in segments}
    if unknown:
        raise RecordError(f"unknown segments: {', '.join(sorted(unknown))}")
    page = (
        KnowledgeArticlePage.objects.filter(external_id=data["id"], locale=locale)
        .order_by("pk")
        .first()
    )
    blocks = _body_blocks(data["body"])
    if not blocks:
        raise RecordError('"body" has no text')
    if dry_run:
        return ("updated" if page else "created"), None
    category = _category_for(data["category"])
    if page is not None and _same_content(page, data, category):
        return "unchanged", page.pk
    created = page is None
    if created:
        page = KnowledgeArticlePage(
            title=data["title"],
            slug=_unique_slug(parent, data["title"], data["id"]),
            locale=locale,
            external_id=data["id"],
        )
    page.title = data["title"]
    page.summary = ""
    page.body = blocks
    page.category = category
    page.segments.set(segments)
    page.tags.set(data["tags"], clear=True)
    if created:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return ("created" if created else "updated"), page.pk


def pages_index(*, page_ids: list[int], progress=None) -> None:
    """Index these knowledge articles now, in batches (import_kb calls it)."""
    from haystack import connections

    from cms.models import KnowledgeArticlePage

    index = connections["default"].get_unified_index().get_index(KnowledgeArticlePage)
    backend = connections["default"].get_backend()
    for start in range(0, len(page_ids), 200):
        batch = page_ids[start : start + 200]
        backend.update(index, list(index.index_queryset().filter(pk__in=batch)))
        if progress is not None:
            progress.update(len(batch))


def _same_content(page, data: dict, category) -> bool:
    body_now = " ".join(
        block.value.source for block in page.body if block.block_type == "paragraph"
    )
    body_new = " ".join(value for _kind, value in _body_blocks(data["body"]))
    return (
        page.live
        and page.title == data["title"]
        and body_now == body_new
        and page.category_id == (category.pk if category else None)
        and sorted(t.name for t in page.tags.all()) == data["tags"]
        and sorted(s.code for s in page.segments.all()) == data["segments"]
    )
