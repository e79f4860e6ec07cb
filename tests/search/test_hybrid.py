"""Hybrid ranking: sentence embeddings blended with the lexical ranking (Whoosh)."""

import numpy as np
import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema

from search import embeddings
from search.backends.whoosh_cjk import read_postings
from tests.search.conftest import api

needs_model = pytest.mark.skipif(
    not embeddings.enabled(), reason="the embedding model package is not installed"
)


@pytest.mark.parametrize("positions", [True, False])
def test_read_postings_matches_whoosh_matchers(tmp_path, positions):
    """Block-wise reading gives Whoosh's own postings, across segments, with
    positions stored (indexes built before November 2026) or not."""
    schema = Schema(id=ID(stored=True, unique=True), text=TEXT(phrase=positions))
    ix = whoosh_index.create_in(str(tmp_path), schema)
    for batch in range(3):
        writer = ix.writer()
        for n in range(300):
            words = ["router"] * (1 + n % 4) + (["fibre"] if n % 3 else [])
            writer.add_document(id=f"{batch}-{n}", text=" ".join(words))
        writer.commit(merge=False)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        assert len(reader.leaf_readers()) == 3
        for term in ("router", "fibre"):
            ids, tf = read_postings(reader, "text", term)
            expected = list(reader.postings("text", term).items_as("weight"))
            assert ids.tolist() == [docnum for docnum, _ in expected]
            assert np.allclose(tf, [weight for _, weight in expected])


@needs_model
def test_query_without_shared_words_finds_the_article(client, make_article):
    make_article(
        "Reset your password",
        "Open the sign-in page, choose Forgot password and follow the e-mail link.",
    )
    make_article(
        "Pay an invoice", "Invoices are paid by bank transfer from the billing page."
    )
    # Chinese words, an English article: only the embeddings connect them.
    results = api(client, q="重置密码")["results"]
    assert [r["title"] for r in results][:1] == ["Reset your password"]


@needs_model
def test_embeddings_off_keeps_search_lexical(client, make_article, settings):
    make_article(
        "Reset your password",
        "Open the sign-in page, choose Forgot password and follow the e-mail link.",
    )
    settings.SEARCH_EMBEDDINGS = "off"
    assert api(client, q="重置密码")["results"] == []
    assert [r["title"] for r in api(client, q="password")["results"]] == [
        "Reset your password"
    ]


def test_documents_are_stored_with_their_embedding(make_article):
    from search.engine import backend

    make_article("Eject the SIM tray", "Use the pin.")
    view = backend()._view()
    vectors = view.vectors() if embeddings.enabled() else None
    if embeddings.enabled():
        live = view.live()  # replaced revisions stay in the segment, deleted
        assert vectors is not None and int(vectors.present[live].sum()) == 1
        (doc,) = np.flatnonzero(live & vectors.present)
        row = vectors.quantised[doc] * vectors.scales[doc]  # int8 steps, scaled
        assert abs(float(np.linalg.norm(row)) - 1) < 0.01
    else:
        assert vectors is None


def test_hybrid_blend_and_similarity_floor():
    """Scores blend lexical (relative to the best) and cosine; a document no word
    matched joins only above the similarity floor."""
    from search.backends.whoosh_cjk import (
        DENSE_MIN_SIMILARITY,
        VectorIndex,
        hybrid_scores,
    )

    def unit(*values):
        vector = np.array(values + (0.0,) * (4 - len(values)), dtype=np.float32)
        return vector / np.linalg.norm(vector)

    query = unit(1.0)
    vectors = np.stack(
        [
            unit(0.2, 1.0),  # lexical best, barely similar
            unit(1.0, 0.3),  # lexical second, very similar
            unit(1.0, 1.0),  # no word matched, similar enough
            unit(0.05, 1.0),  # no word matched, unrelated
            unit(1.0),  # very similar but not visible
        ]
    ).astype(np.float16)
    index = VectorIndex(vectors, np.ones(5, dtype=bool))
    lexical = np.array([4.0, 3.0, 0.0, 0.0, 0.0], dtype=np.float32)
    wanted = np.array([True, True, True, True, False])
    scores, similar = hybrid_scores(lexical, index, query, wanted, limit=10)
    assert scores[1] > scores[0]
    assert similar.tolist() == [False, True, True, False, False]
    assert float(query @ vectors[3].astype(np.float32)) < DENSE_MIN_SIMILARITY


def test_nearest_over_binary_codes_finds_the_closest_documents():
    from search.backends.whoosh_cjk import VectorIndex

    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(2000, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(vectors.astype(np.float16), np.ones(2000, dtype=bool))
    query = vectors[42] + 0.1 * vectors[7]
    query /= np.linalg.norm(query)
    visible = np.ones(2000, dtype=bool)
    visible[7] = False
    found, _ = index.nearest(query, visible, k=5)
    assert 42 in found and 7 not in found and len(found) == 5


def test_hamming_distances_count_the_differing_sign_bits():
    """Over several scan steps, and dimensions that are not whole 64-bit words."""
    from search.backends.whoosh_cjk import VectorIndex

    rng = np.random.default_rng(11)
    vectors = rng.normal(size=(VectorIndex.SCAN_STEP + 1000, 70)).astype(np.float16)
    index = VectorIndex(vectors, np.ones(len(vectors), dtype=bool))
    query = rng.normal(size=70).astype(np.float32)
    signs = vectors.astype(np.float32) - index.centre > 0
    expected = (signs != (query - index.centre > 0)).sum(axis=1)
    assert index.distances(query).tolist() == expected.tolist()


def test_nearest_keeps_every_tie_at_the_shortlist_boundary():
    """More documents than the shortlist share the query's sign bits: all reach
    the exact cosine, so the most similar of them is found wherever it is."""
    from search.backends.whoosh_cjk import VectorIndex

    rng = np.random.default_rng(5)
    ties = rng.uniform(0.1, 1.0, size=(VectorIndex.SHORTLIST + 200, 32))
    others = rng.normal(size=(1000, 32))
    # Each vector with its opposite: the centre the codes are taken from is 0.
    vectors = np.vstack([others, -others, -ties, ties]).astype(np.float32)
    query = vectors[-1] / np.linalg.norm(vectors[-1])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(vectors.astype(np.float16), np.ones(len(vectors), dtype=bool))
    assert (index.distances(query)[-len(ties) :] == 0).all()
    found, similarity = index.nearest(query, np.ones(len(vectors), dtype=bool), k=3)
    assert len(vectors) - 1 in found.tolist()
    assert similarity.max() > 0.999


@needs_model
def test_query_encoder_gives_the_models_vectors():
    """The query path's forward pass, with tokens' first layers kept, computes
    the package's own vectors: for tokens met the first time and again."""
    from search.embeddings import QueryEncoder, _encoder

    model = _encoder()
    encoder = QueryEncoder(model)
    texts = [
        "router reset password",
        "宽带故障 报修",
        "Reset the router",
        "",
        "5G 专线",
    ]
    for _round in range(2):
        for text in texts:
            assert np.allclose(encoder.encode(text), model.encode(text), atol=1e-5)


def test_quantised_vectors_keep_the_cosine_within_a_hundredth():
    from search.backends.whoosh_cjk import VectorIndex

    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(500, 512)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors[17] = 0  # a document without an embedding
    index = VectorIndex(vectors.astype(np.float16), vectors.any(axis=1))
    assert index.quantised.dtype == np.int8
    for _ in range(20):
        query = vectors[rng.integers(500)] + rng.normal(size=512) * 0.05
        query = (query / np.linalg.norm(query)).astype(np.float32)
        documents = np.arange(500)
        exact = vectors @ query
        assert np.abs(index.similarity(documents, query) - exact).max() < 0.01
    assert index.similarity(np.array([17]), query).tolist() == [0.0]


def test_an_extended_vector_index_equals_one_built_whole_around_the_same_centre():
    """After a commit the leading documents' codes and int8 rows are kept and
    only the new segment's vectors are coded."""
    from search.backends.whoosh_cjk import VectorIndex

    rng = np.random.default_rng(3)
    old = rng.normal(size=(1200, 40)).astype(np.float16)
    new = rng.normal(size=(300, 40)).astype(np.float16)
    new[5] = 0  # a document without an embedding
    earlier = VectorIndex(old, np.ones(len(old), dtype=bool))
    extended = earlier.extended(1000, new)
    whole = np.vstack([old[:1000], new])
    expected = VectorIndex(whole, whole.any(axis=1), centre=earlier.centre)
    for name in ("present", "codes", "quantised", "scales"):
        assert np.array_equal(getattr(extended, name), getattr(expected, name)), name
    assert extended.codes.flags.c_contiguous
    query = rng.normal(size=40).astype(np.float32)
    assert extended.distances(query).tolist() == expected.distances(query).tolist()
