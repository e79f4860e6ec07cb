"""Haystack's Whoosh backend with Chinese/English analysis and a fast query path.

Indexing goes through haystack (update_index, rebuild_index, the queued signal
processor). Searching bypasses haystack's per-query index refresh: one searcher per
index generation is kept per process with the arrays that make filters, facets and
autocomplete cheap, and it is replaced as soon as a writer commits.
"""

import bisect
import html
import os
import re
import threading
from collections import OrderedDict

import numpy as np
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from whoosh.codec.whoosh3 import W3LeafMatcher, W3PerDocReader
from whoosh.columns import FixedBytesColumn
from whoosh.fields import COLUMN, DATETIME, KEYWORD, STORED, TEXT, Schema
from whoosh.fields import ID as WHOOSH_ID
from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile
from whoosh.writing import AsyncWriter

from search import audience as search_audience
from search import embeddings, engine
from search.analyzers import (
    ChineseEnglishAnalyzer,
    ChineseEnglishPairAnalyzer,
    query_pairs,
    query_terms,
    snippet_pattern,
)

# Weights of the fields a query runs against (BM25F per field, summed).
FIELD_BOOSTS = {"title": 3.0, "alt_titles": 1.5, "text": 1.0}
EXPANSION_WEIGHT = 0.6
# Adjacent word pairs of the query found adjacent in a document (the `pairs` field,
# BM25 like the words) add to its score with this weight: the phrase matching of
# a general engine, one more field the query runs against.
PHRASE_WEIGHT = 0.5
PAIRS = "pairs"
SINGLE_VALUED_FACETS = ("type", "language", "family", "category")
MULTI_VALUED_FACETS = ("segments",)
SNIPPET_CHARS = 220
BM25_K1, BM25_B = 1.2, 0.75
# Hybrid ranking: relevance = (1 - DENSE_WEIGHT) * lexical score / best lexical
# score + DENSE_WEIGHT * cosine similarity, over the lexical and the vector top-k.
DENSE_WEIGHT = 0.5
HYBRID_CANDIDATES = 100
# A document no query word matched is a result only when this similar to the query
# (unrelated texts score about 0 to 0.1 with this model).
DENSE_MIN_SIMILARITY = 0.25
# Postings kept in memory per index generation (per process).
TERM_CACHE_BYTES = 128 * 1024 * 1024
# Of those, read before the first search when the view is warmed (warm_for_workers):
# the longest postings, the costliest for a query to read.
WARM_TERM_BYTES = TERM_CACHE_BYTES // 2
POSTINGS_BLOCK = 128  # postings a Whoosh block holds (its default blocklimit)


def _cached_length_reader(self, fieldname, column):
    """Whoosh's W3PerDocReader._cached_reader, remembering a missing column too.

    Whoosh looks for a field's length file on disk again for every posting of a
    field that has none (keywords, a text field empty in every document): millions
    of stat() calls when a large segment is written or lengths are read.
    """
    if fieldname not in self._readers:
        has_column = self.has_column(fieldname)
        self._readers[fieldname] = (
            self.column_reader(fieldname, column) if has_column else None
        )
    return self._readers[fieldname]


W3PerDocReader._cached_reader = _cached_length_reader


class _MemoryReader:
    """A read-only file over a memoryview, without copying it."""

    def __init__(self, buffer: memoryview):
        self._buffer = buffer
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        start = self._position
        stop = len(self._buffer) if size is None or size < 0 else start + size
        self._position = min(stop, len(self._buffer))
        return bytes(self._buffer[start : self._position])

    def readline(self, size: int = -1) -> bytes:
        line = bytearray()
        while size < 0 or len(line) < size:
            chunk = self.read(64 if size < 0 else min(64, size - len(line)))
            end = chunk.find(b"\n")
            if end >= 0:
                self._position -= len(chunk) - end - 1
                return bytes(line + chunk[: end + 1])
            line += chunk
            if not chunk:
                break
        return bytes(line)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position}.get(
            whence, len(self._buffer)
        )
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        self._buffer = memoryview(b"")


class _MappedBufferFile(BufferFile):
    """Whoosh's BufferFile for a file inside a compound segment, reading the
    memory-mapped segment in place. Whoosh's copies it into an io.BytesIO on
    every open: a worker's postings, stored fields and vector columns, some
    170 MB at 50,000 articles, copied into each worker on each new index
    generation instead of shared through the page cache."""

    def __init__(self, buf, name=None, onclose=None):
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _MemoryReader(buf)


compound.BufferFile = _MappedBufferFile


def read_postings(
    reader, field: str, text: str, first: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers and frequencies of a term, read a block at a time, in
    the segments from document number `first` on (a segment boundary).

    Whoosh's matchers yield one posting per Python call (and decode positions to
    get a weight); reading its blocks' id and weight arrays directly is some 20
    times faster, which matters for the first query after each commit. Deleted
    documents are included.
    """
    ids, weights = [], []
    for leaf, offset in reader.leaf_readers():
        if offset < first or (field, text) not in leaf:
            continue
        matcher = leaf.postings(field, text)
        matcher = getattr(matcher, "child", matcher)  # unwrap the deletion filter
        if not isinstance(matcher, W3LeafMatcher):
            pairs = list(matcher.items_as("weight"))
            ids.append(np.array([p[0] for p in pairs], dtype=np.int32) + offset)
            weights.append(np.array([p[1] for p in pairs], dtype=np.float32))
            continue
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.append(np.asarray(matcher._ids, dtype=np.int32) + offset)
            weights.append(np.asarray(matcher._weights, dtype=np.float32))
            matcher._next_block()
    if not ids:
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
    return np.concatenate(ids), np.concatenate(weights)


class ChineseWhooshSearchBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        """An explicit schema: analysed text, keyword facets, stored display fields.

        Text fields keep term frequencies but not positions (phrase=False, as
        Elasticsearch's `index_options: freqs`): phrases are matched through the
        `pairs` field, and a postings block without positions reads two to three
        times faster (each new term of a query reads its postings once per
        index generation) and takes less than half the space.
        """
        analyzer = ChineseEnglishAnalyzer()
        schema_fields = {
            ID: WHOOSH_ID(stored=True, unique=True),
            DJANGO_CT: WHOOSH_ID(stored=True),
            DJANGO_ID: WHOOSH_ID(stored=True),
        }
        content_field_name = ""
        for field in fields.values():
            name = field.index_fieldname
            if field.document:
                content_field_name = name
                schema_fields[name] = TEXT(
                    analyzer=analyzer, stored=True, phrase=False, spelling=True
                )
            elif not field.indexed:
                schema_fields[name] = STORED()
            elif field.field_type in ("date", "datetime"):
                schema_fields[name] = DATETIME(stored=True, sortable=True)
            elif field.is_multivalued:
                schema_fields[name] = KEYWORD(stored=True, commas=True)
            elif (
                getattr(field, "facet_for", None) is not None
                or field.faceted
                or field.__class__.__name__.startswith("Facet")
            ):
                schema_fields[name] = WHOOSH_ID(stored=True)
            else:
                schema_fields[name] = TEXT(analyzer=analyzer, stored=True, phrase=False)
        if content_field_name:
            # Word pairs of the document text, for phrase matching (not stored).
            schema_fields[PAIRS] = TEXT(
                analyzer=ChineseEnglishPairAnalyzer(), phrase=False
            )
        # Sentence embeddings of the documents (zeros when the model is not used),
        # a column so they follow every merge and deletion of the index.
        schema_fields[EMBEDDING] = COLUMN(FixedBytesColumn(embeddings.VECTOR_BYTES))
        return content_field_name, Schema(**schema_fields)

    def update(self, index, iterable, commit=True):
        """Haystack's update, with the embeddings of the batch computed together."""
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        docs = []
        for obj in iterable:
            try:
                doc = index.full_prepare(obj)
            except SkipDocument:
                continue
            doc = {key: self._from_python(value) for key, value in doc.items()}
            doc.pop("boost", None)
            docs.append(doc)
        if not docs:
            return
        complete_documents(docs)
        writer = AsyncWriter(self.index)
        for doc in docs:
            writer.update_document(**doc)
        writer.commit()
        if writer.ident is not None:
            writer.join()

    # The portal's query path -------------------------------------------------

    def portal_search(self, spec: engine.SearchSpec) -> engine.Outcome:
        """Rank, filter, facet and page one search; see search.engine.SearchSpec."""
        view = self._view()
        return view.search(spec)

    def portal_autocomplete(
        self, *, prefix: str, audience: frozenset[str], language: str, limit: int
    ) -> list[engine.Suggestion]:
        return self._view().autocomplete(
            prefix=prefix, audience=audience, language=language, limit=limit
        )

    def portal_warm(self) -> None:
        """Build the current generation's arrays and read its longest postings now,
        for the worker processes forked after this to inherit (see
        IndexView.warm_for_workers)."""
        if not self.setup_complete:
            self.setup()
        if self.index.doc_count_all():
            IndexView.warm_for_workers(self.path, self.index)

    def _view(self) -> "IndexView":
        if not self.setup_complete:
            self.setup()
        return IndexView.current(self.path, self.index)


class ChineseWhooshEngine(WhooshEngine):
    backend = ChineseWhooshSearchBackend


EMBEDDING = "embedding"


def complete_documents(docs: list[dict]) -> None:
    """Add what the index computes from prepared documents: the text's word pairs
    and, when hybrid ranking is on, the embedding."""
    for doc in docs:
        doc[PAIRS] = doc.get("text") or ""
    if not docs or not embeddings.enabled():
        return
    vectors = embeddings.document_vectors([doc.get("text") or "" for doc in docs])
    for doc, vector in zip(docs, vectors, strict=True):
        doc[EMBEDDING] = vector.tobytes()


class IndexView:
    """A searcher of one index generation with its cached arrays (one per process)."""

    _lock = threading.Lock()
    _current: dict[str, "IndexView"] = {}
    # Views warmed before worker processes were forked (gunicorn's preload_app),
    # whose arrays a worker's first view takes over: all of them for the same
    # generation, the shared segments' for a later one (see _keep_from).
    _inherited: dict[str, "IndexView"] = {}
    # What is bound to one process's open index files; everything else a view
    # holds is derived from its generation and valid in any process.
    _PER_PROCESS = ("searcher", "reader", "_lock")

    @classmethod
    def current(cls, path: str, index) -> "IndexView":
        signature = cls.signature(path, index)
        view = cls._current.get(path)
        if view is not None and view.signature == signature:
            return view
        with cls._lock:
            view = cls._current.get(path)
            if view is None or view.signature != signature:
                previous = view or cls._inherited.pop(path, None)
                view = cls(index.refresh(), signature, previous)
                cls._current[path] = view
        return view

    @classmethod
    def warm_for_workers(cls, path: str, index) -> None:
        """Warm a view of the current generation for the processes forked after
        this: built once, its arrays are shared by every worker (copy-on-write
        pages) instead of being built in each on its first searches. Its files
        are closed here: forked processes would share their read offsets, so
        each opens its own."""
        view = cls(index.refresh(), cls.signature(path, index))
        view.warm()
        view.searcher.close()
        cls._inherited[path] = view

    @staticmethod
    def signature(path: str, index) -> tuple:
        """The committed generation's TOC file: changes on every commit and rebuild."""
        generation = index.latest_generation()
        try:
            stat = os.stat(os.path.join(path, f"_{index.indexname}_{generation}.toc"))
        except OSError:
            return (generation, None)
        return (generation, stat.st_ino, stat.st_mtime_ns)

    def __init__(self, index, signature=None, previous: "IndexView | None" = None):
        """A view of the index's current generation; `previous`, a view of an
        earlier one, lends what is still valid."""
        self.signature = signature
        self.searcher = index.searcher()
        self.reader = self.searcher.reader()
        self._lock = threading.Lock()
        if previous is not None and previous.signature == signature:
            # The same generation (warmed before this process was forked).
            self.__dict__.update(
                (name, value)
                for name, value in vars(previous).items()
                if name not in self._PER_PROCESS
            )
            return
        self.size = self.reader.doc_count_all()
        self.segments = segment_ids(self.reader)
        self._term_cache: OrderedDict = OrderedDict()
        self._term_cache_bytes = 0
        self._mask_cache: OrderedDict = OrderedDict()
        self._facet_codes: dict[str, tuple[list[str], np.ndarray]] = {}
        self._facet_members: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}
        self._facet_combinations = None
        self._titles = None
        self._live = None
        self._field_lengths: dict[str, np.ndarray] = {}
        self._mean_lengths: dict[tuple[str, str | None], float] = {}
        self._collection_sizes: dict[str | None, int] = {}
        self._published_order = None
        self._vector_index = None
        self._clauses = None
        self._kept = 0
        self._earlier: dict[str, object] = {}
        if previous is not None:
            self._keep_from(previous)

    def _keep_from(self, previous: "IndexView") -> None:
        """Take over the previous view's arrays for the leading segments both
        generations share. Segments never change but for deletions, and a
        commit appends a segment or merges trailing small ones, so those
        documents keep their numbers: only the newer segments are read, as
        engines keep per-segment caches across refreshes. Deletions are
        applied through the new live mask."""
        kept = 0
        for mine, theirs in zip(self.segments, previous.segments, strict=False):
            if mine != theirs or mine[0] is None:
                break
            kept += mine[1]
        if not kept:
            return
        self._kept = kept
        self._earlier = {
            "lengths": {f: a[:kept] for f, a in previous._field_lengths.items()},
            "published": (
                previous._published_order[:kept]
                if previous._published_order is not None
                else None
            ),
            "vectors": previous._vector_index,
            "titles": previous._titles,
        }
        for key, entry in previous._term_cache.items():
            if len(key) == 2:  # (field, term): live document numbers, frequencies
                ids, tf = entry
                cut = int(np.searchsorted(ids, kept))
                self._remember_term(("kept", *key), (ids[:cut], tf[:cut]))

    def warm(self) -> None:
        """Build now what searches would build on first use: the per-document
        arrays, the autocomplete titles, the query model, and the postings of
        the terms with the most documents (up to WARM_TERM_BYTES)."""
        languages = [t.decode() for t in self.reader.lexicon("language")]
        for field in (*FIELD_BOOSTS, PAIRS):
            for language in (None, *languages):
                self._mean_length(field, language)
        for language in (None, *languages):
            self._collection_size(language)
        self._facet_table()
        self._audience_clauses()
        self._published()
        self._title_keys()
        if embeddings.enabled():
            self.vectors()
            embeddings.load()
        for field, text in self._longest_postings(WARM_TERM_BYTES):
            self._term_bm25(field, text, None)

    def _longest_postings(self, budget: int) -> list[tuple[str, str]]:
        """The (field, term) pairs with the most documents, longest first, whose
        cached arrays fit in `budget` bytes. Terms in fewer documents than a
        postings block holds are left out: they cost a query little to read."""
        found = sorted(
            (
                (info.doc_frequency(), field, term.decode())
                for field in (*FIELD_BOOSTS, PAIRS)
                if field in self.reader.schema
                for term, info in self.reader.iter_field(field)
                if info.doc_frequency() >= POSTINGS_BLOCK
            ),
            reverse=True,
        )
        chosen = []
        for frequency, field, term in found:
            # Cached as numbers and frequencies, and numbers and BM25 weights.
            budget -= 16 * frequency
            if budget < 0:
                break
            chosen.append((field, term))
        return chosen

    # Cached arrays ------------------------------------------------------------

    def _postings(self, field: str, text: str) -> np.ndarray:
        """Document numbers of one term's live documents."""
        return self._term_weights(field, text)[0]

    def _mask_of(self, field: str, values) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        for value in values:
            mask[self._postings(field, value)] = True
        return mask

    def _remember_mask(self, key, mask: np.ndarray) -> np.ndarray:
        mask.flags.writeable = False  # shared by every search that asks for it
        with self._lock:
            self._mask_cache[key] = mask
            if len(self._mask_cache) > 256:
                self._mask_cache.popitem(last=False)
        return mask

    def value_mask(self, field: str, value: str) -> np.ndarray:
        """Documents with this value of a facet field (cached, read-only)."""
        key = ("value", field, value)
        mask = self._mask_cache.get(key)
        if mask is None:
            mask = self._remember_mask(key, self._mask_of(field, [value]))
        return mask

    def live(self) -> np.ndarray:
        """Documents not deleted (from each segment's deletions: asking Whoosh
        document by document takes a Python call each)."""
        if self._live is None:
            mask = np.ones(self.size, dtype=bool)
            for leaf, offset in self.reader.leaf_readers():
                segment = leaf.segment()  # None for an empty index: no documents
                if segment is not None and segment.has_deletions():
                    deleted = np.fromiter(segment.deleted_docs(), dtype=np.int64)
                    mask[offset + deleted] = False
            self._live = mask
        return self._live

    def filter_mask(self, audience: frozenset[str], filters: dict) -> np.ndarray:
        """Documents these audience keys may see, narrowed by the given filters
        (cached, read-only)."""
        key = (audience, tuple(sorted(filters.items())))
        mask = self._mask_cache.get(key)
        if mask is not None:
            return mask
        mask = self.live().copy()
        if not engine.audience_everything(audience):
            # Every clause of a document's audience must hold: drop the documents
            # carrying any clause these keys do not satisfy.
            for clause in self._audience_clauses():
                if not search_audience.clause_satisfied(clause, audience):
                    mask[self._postings("audience", clause)] = False
        for name, value in filters.items():
            mask &= self.value_mask(name, value)
        return self._remember_mask(key, mask)

    def _audience_clauses(self) -> list[str]:
        if self._clauses is None:
            self._clauses = [t.decode() for t in self.reader.lexicon("audience")]
        return self._clauses

    def _codes(self, field: str) -> tuple[list[str], np.ndarray]:
        """A single-valued facet's values and each document's value as a number
        (len(values) for none): a column to count with np.bincount."""
        if field not in self._facet_codes:
            values = [t.decode() for t in self.reader.lexicon(field)]
            codes = np.full(self.size, len(values), dtype=np.int32)
            for code, value in enumerate(values):
                codes[self._postings(field, value)] = code
            self._facet_codes[field] = (values, codes)
        return self._facet_codes[field]

    def _members(self, field: str) -> tuple[list[str], np.ndarray, np.ndarray]:
        """A multi-valued facet's values, each document's combination of them (a
        number) and which values each combination holds (a 0/1 matrix): counting
        the combinations and multiplying gives every value's count."""
        if field not in self._facet_members:
            values = [t.decode() for t in self.reader.lexicon(field)]
            held = np.zeros((self.size, len(values)), dtype=bool)
            for column, value in enumerate(values):
                held[self._postings(field, value), column] = True
            combinations, combination_of = np.unique(held, axis=0, return_inverse=True)
            self._facet_members[field] = (
                values,
                combination_of.reshape(-1).astype(np.int32),
                combinations.astype(np.int64),
            )
        return self._facet_members[field]

    # Searching ------------------------------------------------------------------

    def _term_weights(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Document numbers and term frequencies of one term (cached per term)."""
        key = (field, text)
        cached = self._term_cache.get(key)
        if cached is not None:
            return cached
        kept = self._forget_term(("kept", field, text))
        if kept is not None:  # the shared segments' postings, read before
            ids, tf = read_postings(self.reader, field, text, first=self._kept)
            ids, tf = np.concatenate([kept[0], ids]), np.concatenate([kept[1], tf])
            live = self.live()[ids]
            if not live.all():
                ids, tf = ids[live], tf[live]
        elif (field, text) in self.reader:
            ids, tf = read_postings(self.reader, field, text)
            live = self.live()[ids]
            if not live.all():  # replaced and deleted documents still in segments
                ids, tf = ids[live], tf[live]
        else:
            ids, tf = np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
        self._remember_term(key, (ids, tf))
        return ids, tf

    def _term_bm25(
        self, field: str, text: str, language: str | None
    ) -> tuple[np.ndarray, np.ndarray, int]:
        """A term's documents, its BM25 weight in each before the idf, and its
        document frequency, over one language's documents or all (cached).

        The weight, tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / mean length)),
        depends on the document and the collection only, so a query multiplies
        it by the term's idf and adds it to the scores, as engines store
        per-term norms instead of reading field lengths for every query.
        """
        key = ("bm25", field, text, language)
        cached = self._term_cache.get(key)
        if cached is not None:
            return cached
        ids, tf = self._term_weights(field, text)
        if language and len(ids):
            df = int(np.count_nonzero(self.value_mask("language", language)[ids]))
        else:
            df = len(ids)
        mean = self._mean_length(field, language)
        norm = tf + BM25_K1 * (1 - BM25_B + BM25_B * self._lengths(field)[ids] / mean)
        weights = (tf * (BM25_K1 + 1) / norm).astype(np.float32)
        self._remember_term(key, (ids, weights, df))
        return ids, weights, df

    def _remember_term(self, key, entry: tuple) -> None:
        with self._lock:
            if key in self._term_cache:
                return
            self._term_cache[key] = entry
            self._term_cache_bytes += _nbytes(entry)
            while self._term_cache_bytes > TERM_CACHE_BYTES and self._term_cache:
                _, old = self._term_cache.popitem(last=False)
                self._term_cache_bytes -= _nbytes(old)

    def _forget_term(self, key) -> tuple | None:
        with self._lock:
            entry = self._term_cache.pop(key, None)
            if entry is not None:
                self._term_cache_bytes -= _nbytes(entry)
        return entry

    def _lengths(self, field: str) -> np.ndarray:
        """Per-document lengths of a field, for BM25 length norms."""
        if field not in self._field_lengths:
            kept = self._earlier.get("lengths", {}).pop(field, self._zeros()[:0])
            length = self.reader.doc_field_length
            self._field_lengths[field] = np.concatenate(
                [
                    kept,
                    np.fromiter(
                        (length(d, field, 0) for d in range(len(kept), self.size)),
                        dtype=np.float32,
                        count=self.size - len(kept),
                    ),
                ]
            )
        return self._field_lengths[field]

    def _mean_length(self, field: str, language: str | None) -> float:
        """A field's mean length over one language's documents or all."""
        key = (field, language)
        if key not in self._mean_lengths:
            lengths = self._lengths(field)
            if language:
                lengths = lengths[self.value_mask("language", language)]
            self._mean_lengths[key] = _mean_length(lengths)
        return self._mean_lengths[key]

    def _collection_size(self, language: str | None) -> int:
        """How many documents the word statistics are counted over."""
        if language not in self._collection_sizes:
            self._collection_sizes[language] = max(
                int(np.count_nonzero(self.value_mask("language", language)))
                if language
                else self.reader.doc_count(),
                1,
            )
        return self._collection_sizes[language]

    def _published(self) -> np.ndarray:
        if self._published_order is None:
            kept = self._earlier.pop("published", None)
            start = 0 if kept is None else len(kept)
            try:
                column = self.reader.column_reader("published", translate=False)
                values = [column[d] or 0 for d in range(start, self.size)]
            except Exception:  # noqa: BLE001 - no column: sort falls back to order
                values = list(range(start, self.size))
            values = np.array(values, dtype=np.float64)
            self._published_order = (
                values if kept is None else np.concatenate([kept, values])
            )
        return self._published_order

    def vectors(self) -> "VectorIndex | None":
        """The documents' embeddings, or None when no document has one."""
        if self._vector_index is None:
            kept = self._earlier.pop("vectors", None)
            if kept is None:
                self._vector_index = VectorIndex.from_reader(self.reader, self.size)
            else:
                self._vector_index = kept.extended(
                    self._kept, read_vectors(self.reader, self._kept, self.size)
                )
        return self._vector_index or None

    def scores(
        self,
        terms: list[str],
        expansions: list[list[str]],
        pairs: list[str] = (),
        language: str | None = None,
    ) -> np.ndarray:
        """BM25F-style scores of every document: per field BM25, boosted, summed.

        The query's word pairs score in the `pairs` field the same way, so a
        document with the words side by side ranks above one with them scattered.
        With a `language`, that language's documents are the collection the
        document frequencies and mean lengths are counted over; all documents
        without it. Computed with numpy over cached per-term arrays, which keeps
        a query over 50,000 documents in a fraction of a millisecond where
        Whoosh's pure-Python matchers take far longer.
        """
        scores = np.zeros(self.size, dtype=np.float32)
        total = self._collection_size(language)
        runs = [(1.0, field, boost, terms) for field, boost in FIELD_BOOSTS.items()]
        runs += [
            (EXPANSION_WEIGHT, field, boost, group)
            for group in expansions
            for field, boost in FIELD_BOOSTS.items()
        ]
        if pairs:
            runs.append((1.0, PAIRS, PHRASE_WEIGHT, pairs))
        for weight, field, boost, group in runs:
            for term in group:
                ids, term_weights, df = self._term_bm25(field, term, language)
                if not df:
                    continue
                idf = np.log(1 + (total - df + 0.5) / (df + 0.5))
                # Unbuffered, in place: twice as fast as scores[ids] += ... (with
                # float32 values: others take np.add.at's slow, casting path).
                np.add.at(scores, ids, np.float32(boost * weight * idf) * term_weights)
        return scores

    def search(self, spec: engine.SearchSpec) -> engine.Outcome:
        terms = query_terms(spec.query)
        expansions = [query_terms(e) for e in spec.expansions]
        expansions = [e for e in expansions if e and e != terms]
        if not spec.query.strip() or not self.size:
            return engine.Outcome(
                total=0, hits=[], facets={}, suggestion=self.suggest(spec.query)
            )
        selection = {
            name: self.value_mask(name, value) for name, value in spec.filters.items()
        }
        pairs = query_pairs(spec.query) if len(terms) > 1 else []
        # A language filter searches that language's documents as a collection of
        # their own (word statistics of one language are not diluted by the other,
        # as with one index per language).
        scores = (
            self.scores(terms, expansions, pairs, spec.filters.get("language"))
            if terms
            else self._zeros()
        )
        visible = self.filter_mask(spec.audience, {})
        wanted = visible.copy()
        for mask in selection.values():
            wanted &= mask
        matched = scores > 0
        vectors = self.vectors() if embeddings.enabled() else None
        if vectors is not None:
            query_vector = embeddings.query_vector(spec.query)
            scores, similar = hybrid_scores(
                scores, vectors, query_vector, wanted, limit=spec.offset + spec.limit
            )
            matched |= similar
        base = matched & visible
        result_mask = base & wanted
        total = int(np.count_nonzero(result_mask))
        facets = self.facets(base, selection) if spec.with_facets else {}
        hits = self.top_hits(terms, scores, result_mask, spec) if total else []
        suggestion = self.suggest(spec.query) if total < 3 else None
        return engine.Outcome(
            total=total, hits=hits, facets=facets, suggestion=suggestion
        )

    def _zeros(self) -> np.ndarray:
        return np.zeros(self.size, dtype=np.float32)

    def top_hits(self, terms, scores, result_mask, spec) -> list[engine.Hit]:
        candidates = np.flatnonzero(result_mask)
        wanted = spec.offset + spec.limit
        key = (
            self._published()[candidates] if spec.sort == "date" else scores[candidates]
        )
        if len(candidates) > wanted:
            top = np.argpartition(-key, wanted - 1)[:wanted]
        else:
            top = np.arange(len(candidates))
        # Ties broken by document number, so paging is stable.
        order = sorted(top.tolist(), key=lambda i: (-key[i], candidates[i]))
        chosen = [int(candidates[i]) for i in order][spec.offset : wanted]
        pattern = snippet_pattern(terms)
        hits = []
        for docnum in chosen:
            fields = self.reader.stored_fields(docnum)
            hits.append(
                engine.Hit(
                    doc_id=fields[ID],
                    title=fields.get("title", ""),
                    url=fields.get("url", ""),
                    type=fields.get("type", ""),
                    language=fields.get("language", ""),
                    external_id=fields.get("external_id") or "",
                    score=round(float(scores[docnum]), 4),
                    snippet=make_snippet(
                        body_of(fields.get("text", ""), fields.get("title", "")),
                        fields.get("summary") or "",
                        pattern,
                    ),
                    published=(
                        fields["published"].isoformat()
                        if fields.get("published")
                        else ""
                    ),
                )
            )
        return hits

    def facets(self, base: np.ndarray, selection: dict) -> dict[str, dict[str, int]]:
        """Counts per facet value; a facet's own selection does not narrow it.

        The matching documents' combinations of facet values are counted once
        (for the facets sharing a mask), and each facet's counts summed from
        them: one pass over the documents instead of one a facet.
        """
        joint, combinations = self._facet_table()
        facets = {}
        tallies: dict[tuple, np.ndarray] = {}
        for column, name in enumerate(engine.FACET_FIELDS):
            others = tuple(other for other in selection if other != name)
            tally = tallies.get(others)
            if tally is None:
                mask = base
                for other in others:
                    mask = mask & selection[other]
                # Indexing with the numbers is several times faster than with
                # the mask itself when about half the documents match.
                tally = tallies[others] = np.bincount(
                    joint[np.flatnonzero(mask)], minlength=len(combinations)
                )
            codes = combinations[:, column]
            if name in MULTI_VALUED_FACETS:
                values, _combination_of, held = self._members(name)
                counts = np.bincount(codes, weights=tally, minlength=len(held)) @ held
            else:
                values, _codes = self._codes(name)
                counts = np.bincount(codes, weights=tally, minlength=len(values) + 1)
            counts = zip(values, counts.astype(np.int64).tolist(), strict=False)
            facets[name] = dict(
                sorted(
                    ((v, c) for v, c in counts if c),
                    key=lambda i: (-i[1], i[0]),
                )
            )
        return facets

    def _facet_table(self) -> tuple[np.ndarray, np.ndarray]:
        """Each document's combination of facet values as one number, and each
        combination's code in every facet (a value's number, see _codes, or a
        combination of values, see _members), one column a facet."""
        if self._facet_combinations is None:
            columns, radices = [], []
            for name in engine.FACET_FIELDS:
                if name in MULTI_VALUED_FACETS:
                    _values, combination_of, held = self._members(name)
                    columns.append(combination_of)
                    radices.append(len(held))
                else:
                    values, codes = self._codes(name)
                    columns.append(codes)
                    radices.append(len(values) + 1)
            # The codes in mixed radix, one int64 a document: the product of
            # the radices (types x languages x families x categories x segment
            # combinations) is far below 2**63.
            key = np.zeros(self.size, dtype=np.int64)
            for column, radix in zip(columns, radices, strict=True):
                key = key * radix + column
            keys, joint = np.unique(key, return_inverse=True)
            combinations = np.empty((len(keys), len(columns)), dtype=np.int64)
            for position in reversed(range(len(columns))):
                keys, combinations[:, position] = np.divmod(keys, radices[position])
            self._facet_combinations = (
                joint.reshape(-1).astype(np.int32),
                combinations,
            )
        return self._facet_combinations

    def suggest(self, text: str) -> str | None:
        """A corrected query when some English words are unknown to the index."""
        words = re.findall(r"[A-Za-z]{3,}", text)
        if not words:
            return None
        corrector = self.reader.corrector("text")
        corrected = text
        changed = False
        for word in words:
            lowered = word.lower()
            if query_terms(lowered) and any(
                (field, t) in self.reader
                for t in query_terms(lowered)
                for field in ("text", "title")
            ):
                continue
            options = corrector.suggest(lowered, limit=1, maxdist=2)
            if options and options[0] != lowered:
                corrected = re.sub(rf"\b{re.escape(word)}\b", options[0], corrected)
                changed = True
        return corrected if changed else None

    # Autocomplete ---------------------------------------------------------------

    def _title_keys(self):
        """Sorted (key, docnum) pairs: each title and each word start within it,
        with the documents' titles, URLs, types, languages and audiences."""
        if self._titles is None:
            keys, docs = [], {}
            kept = self._earlier.pop("titles", None)
            if kept is not None:  # the shared segments' documents, read before
                for key, docnum in zip(kept[0], kept[1], strict=True):
                    if docnum < self._kept:
                        keys.append((key, docnum))
                docs = {d: doc for d, doc in kept[2].items() if d < self._kept}
            live = self.live()
            for docnum in range(self._kept if kept is not None else 0, self.size):
                if not live[docnum]:
                    continue
                stored = self.reader.stored_fields(docnum)
                title = stored.get("title") or ""
                docs[docnum] = (
                    title,
                    stored.get("url", ""),
                    stored.get("type", ""),
                    stored.get("language", ""),
                    tuple((stored.get("audience") or "").split(",")),
                )
                lowered = title.lower()
                keys.append((lowered, docnum))
                for match in re.finditer(r"(?<=[\s(/-])\w", lowered):
                    keys.append((lowered[match.start() :], docnum))
            keys.sort()
            self._titles = ([k for k, _ in keys], [d for _, d in keys], docs)
        return self._titles

    def autocomplete(self, *, prefix, audience, language, limit):
        prefix = " ".join(prefix.lower().split())
        if not prefix:
            return []
        keys, docnums, docs = self._title_keys()
        live = self.live()  # titles kept from an earlier generation may be gone
        everything = engine.audience_everything(audience)
        start = bisect.bisect_left(keys, prefix)
        found, seen = [], set()
        for position in range(start, len(keys)):
            if not keys[position].startswith(prefix) or len(found) >= limit:
                break
            docnum = docnums[position]
            if docnum in seen or not live[docnum]:
                continue
            title, url, kind, doc_language, doc_audience = docs[docnum]
            if language and doc_language != language:
                continue
            if not everything and not search_audience.allows(doc_audience, audience):
                continue
            seen.add(docnum)
            found.append(engine.Suggestion(title=title, url=url, type=kind))
        return found


class VectorIndex:
    """Unit document vectors with sign-bit codes for a fast first pass.

    The nearest documents are found the way vector engines do at scale: Hamming
    distance between binary codes (one bit per dimension, after centring) picks a
    shortlist, and cosine similarity orders it. The vectors are kept in memory
    as int8 with a scale per document (scalar quantisation, as Elasticsearch's
    int8 vector indexes and Lucene do): half the memory of the index's float16,
    and converting a shortlist's rows for the product takes a sixth of the
    time. The similarity moves by less than 0.01.
    """

    SHORTLIST = 300
    # Documents whose codes are compared per step: the XOR, bit count and sum of
    # one step stay in the CPU cache, where whole-array steps would each stream
    # megabytes through memory (most of a scan's time at 50,000 documents).
    SCAN_STEP = 8192

    def __init__(
        self, vectors: np.ndarray, present: np.ndarray, centre: np.ndarray | None = None
    ):
        """`vectors`: float16, one row per document number (zeros without one);
        `centre`: the codes' origin, the documents' mean unless given."""
        self.present = present  # documents that have an embedding
        if centre is None:
            centre = (
                vectors[present].astype(np.float32).mean(axis=0)
                if present.any()
                else np.zeros(vectors.shape[1], dtype=np.float32)
            )
        self.centre = centre
        # One row per 64-bit word of the codes, one column per document: each
        # row is XORed with one word of the query's code.
        self.codes = np.ascontiguousarray(self._words(vectors - self.centre).T)
        # Beyond any real distance: marks the documents a search may not return.
        self._excluded = np.uint16(self.codes.shape[0] * 64 + 1)
        self.quantised, self.scales = self._quantise(vectors)

    @staticmethod
    def _quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each row as int8 steps of its own scale (its largest value / 127)."""
        scales = np.abs(vectors).max(axis=1).astype(np.float32) / 127
        steps = np.divide(
            vectors,
            scales[:, None],
            out=np.zeros(vectors.shape, np.float32),
            where=scales[:, None] > 0,
        )
        return np.rint(steps).astype(np.int8), scales

    @staticmethod
    def _words(centred: np.ndarray) -> np.ndarray:
        """Sign bits packed into 64-bit words (rows padded to whole words)."""
        bits = np.packbits(np.atleast_2d(centred) > 0, axis=1)
        return np.pad(bits, ((0, 0), (0, -bits.shape[1] % 8))).view(np.uint64)

    def __bool__(self) -> bool:
        return bool(self.present.any())

    @classmethod
    def from_reader(cls, reader, size: int) -> "VectorIndex":
        vectors = read_vectors(reader, 0, size)
        return cls(vectors, vectors.any(axis=1))

    def extended(self, kept: int, vectors: np.ndarray) -> "VectorIndex":
        """This index's first `kept` documents followed by these (float16 rows),
        coded around the same centre."""
        joined = VectorIndex(vectors, vectors.any(axis=1), centre=self.centre)
        joined.present = np.concatenate([self.present[:kept], joined.present])
        joined.codes = np.concatenate([self.codes[:, :kept], joined.codes], axis=1)
        joined.quantised = np.concatenate([self.quantised[:kept], joined.quantised])
        joined.scales = np.concatenate([self.scales[:kept], joined.scales])
        return joined

    def similarity(self, docnums: np.ndarray, query: np.ndarray) -> np.ndarray:
        """Cosine similarity of these documents to the query (0 without a vector)."""
        rows = self.quantised[docnums].astype(np.float32)
        return (rows @ query) * self.scales[docnums]

    def distances(self, query: np.ndarray) -> np.ndarray:
        """Hamming distance of every document's code to the query's code."""
        code = self._words(query - self.centre).T  # (words, 1)
        words, size = self.codes.shape
        found = np.empty(size, dtype=np.uint16)
        differ = np.empty((words, min(size, self.SCAN_STEP)), dtype=np.uint64)
        counts = np.empty(differ.shape, dtype=np.uint8)
        for start in range(0, size, self.SCAN_STEP):
            stop = min(start + self.SCAN_STEP, size)
            step = slice(0, stop - start)
            np.bitwise_xor(self.codes[:, start:stop], code, out=differ[:, step])
            np.bitwise_count(differ[:, step], out=counts[:, step])
            np.sum(counts[:, step], axis=0, dtype=np.uint16, out=found[start:stop])
        return found

    def nearest(
        self, query: np.ndarray, mask: np.ndarray, k: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Document numbers of the (about) k most similar documents within mask,
        and their cosine similarity."""
        allowed = mask & self.present
        if np.count_nonzero(allowed) > self.SHORTLIST:
            distance = self.distances(query)
            # Arithmetic rather than distance[~allowed] = ..., several times faster.
            distance |= (~allowed).astype(np.uint16) * self._excluded
            # Every document as close as the SHORTLIST-th goes on to the exact
            # cosine, so none is left out by how ties happen to fall.
            # (np.partition of small integers is vectorised, np.argpartition not.)
            kth = np.partition(distance, self.SHORTLIST - 1)[self.SHORTLIST - 1]
            candidates = np.flatnonzero(distance <= kth)
        else:
            candidates = np.flatnonzero(allowed)
        similarity = self.similarity(candidates, query)
        if len(candidates) > k:
            top = np.argpartition(-similarity, k - 1)[:k]
            candidates, similarity = candidates[top], similarity[top]
        return candidates, similarity


def hybrid_scores(
    lexical: np.ndarray,
    vectors: VectorIndex,
    query_vector: np.ndarray,
    wanted: np.ndarray,
    *,
    limit: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Blend lexical and vector relevance over both engines' top candidates.

    Each lexical score is divided by the best one, so both signals lie in [0, 1],
    and the blend weighs them DENSE_WEIGHT apart. Only the candidates are blended;
    every other document keeps a lower, lexical-only score. Returns the scores and
    the documents added by similarity alone.
    """
    k = max(HYBRID_CANDIDATES, limit)
    lexical_hits = np.flatnonzero((lexical > 0) & wanted)
    if len(lexical_hits) > k:
        top = np.argpartition(-lexical[lexical_hits], k - 1)[:k]
        lexical_top = lexical_hits[top]
    else:
        lexical_top = lexical_hits
    dense_top, dense_similarity = vectors.nearest(query_vector, wanted, k)
    # Similarities are computed once (converting the rows is most of it).
    in_dense = np.zeros(len(lexical), dtype=bool)
    in_dense[dense_top] = True
    lexical_only = lexical_top[~in_dense[lexical_top]]
    candidates = np.concatenate([dense_top, lexical_only])
    similarity = np.clip(
        np.concatenate(
            [dense_similarity, vectors.similarity(lexical_only, query_vector)]
        ),
        0,
        1,
    )
    best = float(lexical[lexical_top].max()) if len(lexical_top) else 0.0
    scores = (1 - DENSE_WEIGHT) * lexical / best if best else lexical.copy()
    scores[candidates] += DENSE_WEIGHT * similarity
    similar = np.zeros(len(lexical), dtype=bool)
    similar[candidates[similarity >= DENSE_MIN_SIMILARITY]] = True
    return scores.astype(np.float32, copy=False), similar


def _nbytes(entry: tuple) -> int:
    """The memory of a term cache entry's arrays."""
    return sum(part.nbytes for part in entry if isinstance(part, np.ndarray))


def segment_ids(reader) -> list[tuple[str | None, int]]:
    """Each segment of a reader, in document number order: its id and size."""
    return [
        (getattr(leaf.segment(), "segid", None), leaf.doc_count_all())
        for leaf, _offset in reader.leaf_readers()
    ]


def read_vectors(reader, start: int, stop: int) -> np.ndarray:
    """The stored embeddings (float16 rows) of documents start to stop - 1."""
    dimensions = embeddings.DIMENSIONS
    if stop <= start or not reader.has_column(EMBEDDING):
        return np.zeros((max(stop - start, 0), dimensions), dtype=np.float16)
    column = reader.column_reader(EMBEDDING, translate=False)
    raw = b"".join(column[d] for d in range(start, stop))
    return np.frombuffer(raw, dtype=np.float16).reshape(stop - start, -1)


def _mean_length(lengths: np.ndarray) -> float:
    """Mean length of the documents that have the field (1 when none has)."""
    present = lengths[lengths > 0]
    return float(present.mean()) if len(present) else 1.0


def body_of(text: str, title: str) -> str:
    """The indexed text without the title it starts with (shown above the snippet)."""
    return text[len(title) :].lstrip() if title and text.startswith(title) else text


def make_snippet(text: str, summary: str, pattern) -> str:
    """A short window of the text around the first matched words, words marked."""
    source = text or summary
    match = pattern.search(source) if pattern else None
    if match is None:
        source = summary or text
        window = source[:SNIPPET_CHARS]
        suffix = "…" if len(source) > SNIPPET_CHARS else ""
        return html.escape(window) + suffix
    start = max(0, match.start() - SNIPPET_CHARS // 3)
    if start:
        space = source.rfind(" ", start - 20, start)
        start = space + 1 if space > 0 else start
    window = source[start : start + SNIPPET_CHARS]
    marked, last = [], 0
    for found in pattern.finditer(window):
        marked.append(html.escape(window[last : found.start()]))
        marked.append(f"<mark>{html.escape(found.group(0))}</mark>")
        last = found.end()
    marked.append(html.escape(window[last:]))
    prefix = "…" if start else ""
    suffix = "…" if start + SNIPPET_CHARS < len(source) else ""
    return prefix + "".join(marked) + suffix
