"""Text analysis shared by the Whoosh index and the query parser.

Chinese runs are segmented with jieba (search mode, so 宽带专线 also yields 宽带 and
专线); Latin words are lower-cased and stemmed, so mixed text such as “5G 专线
pricing” is searchable in both scripts.
"""

import functools
import re

import jieba
from whoosh.analysis import (
    BiWordFilter,
    LowercaseFilter,
    StemFilter,
    StopFilter,
    Token,
    Tokenizer,
)

jieba.setLogLevel(60)

_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z0-9][A-Za-z0-9_'.-]*")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class ChineseEnglishTokenizer(Tokenizer):
    """Splits text into jieba words for Chinese runs and plain words for the rest."""

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        for match in _WORD.finditer(value):
            run = match.group(0)
            if _CJK.match(run):
                pieces = jieba.tokenize(run, mode="search")
            else:
                pieces = [(run.strip(".'-_"), 0, len(run))]
            for word, start, end in pieces:
                if not word.strip():
                    continue
                token.text = word
                token.boost = 1.0
                if keeporiginal:
                    token.original = word
                token.stopped = False
                if positions:
                    token.pos = position
                    position += 1
                if chars:
                    token.startchar = start_char + match.start() + start
                    token.endchar = start_char + match.start() + end
                yield token


def ChineseEnglishAnalyzer():
    """Tokenize Chinese and English, lower-case, drop English stop words, stem."""
    return (
        ChineseEnglishTokenizer()
        | LowercaseFilter()
        | StopFilter(minsize=1)
        | StemFilter(ignore=None)
    )


def ChineseEnglishPairAnalyzer():
    """Adjacent pairs of the analysed words ("reset password", "宽带 故障").

    A field of pairs scores phrase and proximity matches the way postings score
    words, without reading positions at query time (an index-time shingle field,
    like Elasticsearch's `index_phrases`). Stop words are dropped first, so
    "reset the password" pairs as "reset password": pairs of content words carry
    a phrase's meaning, and "of the" would add noise to every question.
    """
    return ChineseEnglishAnalyzer() | BiWordFilter(sep=PAIR_SEPARATOR)


PAIR_SEPARATOR = " "
_ANALYZER = None
_PAIR_ANALYZER = None


def query_terms(text: str, limit: int = 32) -> list[str]:
    """The distinct index terms of a query, in order (at most `limit`)."""
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = ChineseEnglishAnalyzer()
    terms: list[str] = []
    for token in _ANALYZER(text[:500]):
        if token.text not in terms:
            terms.append(token.text)
            if len(terms) >= limit:
                break
    return terms


def query_pairs(text: str, limit: int = 31) -> list[str]:
    """The distinct adjacent word pairs of a query (none for a single word)."""
    global _PAIR_ANALYZER
    if _PAIR_ANALYZER is None:
        _PAIR_ANALYZER = ChineseEnglishPairAnalyzer()
    pairs: list[str] = []
    for token in _PAIR_ANALYZER(text[:500]):
        if PAIR_SEPARATOR in token.text and token.text not in pairs:
            pairs.append(token.text)
            if len(pairs) >= limit:
                break
    return pairs


class SnippetPattern:
    """Finds the surface forms of a query's index terms in text, like one regex
    alternation of them, from one cached regex per term: queries vary but their
    words repeat, so a new query compiles nothing."""

    def __init__(self, patterns: list[re.Pattern]):
        self.patterns = patterns

    def search(self, text: str) -> re.Match | None:
        """The first match (the longest of those starting there)."""
        found = [m for m in (p.search(text) for p in self.patterns) if m]
        return min(found, key=lambda m: (m.start(), -m.end())) if found else None

    def finditer(self, text: str):
        """Non-overlapping matches from left to right, longest first at a place."""
        matches = sorted(
            (m for p in self.patterns for m in p.finditer(text)),
            key=lambda m: (m.start(), -m.end()),
        )
        end = 0
        for match in matches:
            if match.start() >= end:
                yield match
                end = match.end()


def snippet_pattern(terms: list[str]) -> SnippetPattern | None:
    """A pattern finding the surface forms of index terms (stems match as prefixes)."""
    patterns = [_term_pattern(term) for term in dict.fromkeys(terms)]
    return SnippetPattern(patterns) if patterns else None


@functools.lru_cache(maxsize=8192)
def _term_pattern(term: str) -> re.Pattern:
    if _CJK.match(term):
        return re.compile(re.escape(term))
    return re.compile(rf"\b{re.escape(term)}\w*", re.IGNORECASE)
