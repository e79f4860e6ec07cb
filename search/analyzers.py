"""Text analysis shared by the Whoosh index and the query parser.

Chinese runs are segmented with jieba (search mode, so 宽带专线 also yields 宽带 and
专线); Latin words are lower-cased and stemmed, so mixed text such as “5G 专线
pricing” is searchable in both scripts.
"""

import functools
import re

import jieba
from whoosh.analysis import (
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


_ANALYZER = None


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


def snippet_pattern(terms: list[str]) -> re.Pattern | None:
    """A regex finding the surface forms of index terms (stems match as prefixes)."""
    return _snippet_pattern(tuple(sorted(set(terms), key=lambda t: (-len(t), t))))


@functools.lru_cache(maxsize=1024)
def _snippet_pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    parts = []
    for term in terms:
        if _CJK.match(term):
            parts.append(re.escape(term))
        else:
            parts.append(rf"\b{re.escape(term)}\w*")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None
