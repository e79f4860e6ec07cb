"""The Whoosh index view's arrays across index generations and worker processes.

A view builds per-document arrays and caches postings for one index generation.
After a commit the next view takes over what the shared segments still hold, and
a view warmed in gunicorn's master is taken over by the forked workers; either
way a search must answer exactly as a view built from nothing.
"""

import json
import os
import runpy
from pathlib import Path

import pytest
from haystack import connections

from search import engine
from search.backends.whoosh_cjk import IndexView

pytestmark = pytest.mark.django_db

EVERYONE = frozenset({"public"})


@pytest.fixture(autouse=True)
def _views_of_this_test():
    """Views are per process and per index path: none may leak between tests."""
    IndexView._current.clear()
    IndexView._inherited.clear()
    yield
    IndexView._current.clear()
    IndexView._inherited.clear()


def fresh_view() -> IndexView:
    """A view of the current generation built from nothing."""
    index = engine.backend().index.refresh()
    return IndexView(index, IndexView.signature(engine.backend().path, index))


def answers(view: IndexView) -> dict:
    """What a set of searches and autocompletes return through this view."""
    specs = {
        "router": engine.SearchSpec(query="router", audience=EVERYONE),
        "router reset sme": engine.SearchSpec(
            query="router reset", audience=EVERYONE, filters={"segments": "sme"}
        ),
        "billing by date": engine.SearchSpec(
            query="billing invoice", audience=EVERYONE, sort="date"
        ),
        "宽带 zh": engine.SearchSpec(
            query="宽带 故障", audience=EVERYONE, filters={"language": "zh-hans"}
        ),
        "synonym": engine.SearchSpec(
            query="fibre", audience=EVERYONE, expansions=("broadband",)
        ),
    }
    found = {name: view.search(spec) for name, spec in specs.items()}
    for prefix in ("rou", "bil", "宽带", "new"):
        found[f"autocomplete {prefix}"] = view.autocomplete(
            prefix=prefix, audience=EVERYONE, language="", limit=8
        )
    return found


def make_articles(make_article):
    made = []
    for n in range(6):
        made.append(
            make_article(
                f"Router reset guide {n}",
                f"Reset the router, step {n}. Billing is not affected.",
                segments=["sme"] if n % 2 else ["enterprise"],
                category="faults",
            )
        )
        made.append(make_article(f"Billing invoice {n}", "Your invoice and billing."))
        made.append(
            make_article(f"宽带故障{n}", "宽带故障请先重启光猫。", language="zh-hans")
        )
    made.append(make_article("Fibre broadband", "Broadband over fibre to the office."))
    return made


def test_after_a_commit_the_view_keeps_the_shared_segments_and_answers_as_new(
    make_article,
):
    made = make_articles(make_article)
    engine.backend().index.optimize()  # one large segment, as after a rebuild
    first = engine.backend()._view()
    before = answers(first)
    first.vectors()  # the arrays a busy worker has built
    first._published()

    # The next commits: an article added and one edited (a new segment, and a
    # deletion in the large one), then one unpublished (a deletion only). The
    # pages change without their index tasks; the index is written here, so
    # these are exactly the commits made.
    added = make_article(
        "Router upgrade, new firmware", "Upgrade the router.", index=False
    )
    edited = made[0]
    edited.title = "Router reset guide, revised"
    edited.save_revision().publish()
    made[1].unpublish()
    article_index = connections["default"].get_unified_index().get_index(type(added))
    engine.backend().update(article_index, [added, edited])
    engine.backend().remove(made[1])

    second = engine.backend()._view()
    assert second is not first
    assert second._kept == first.size, "the large segment is taken over"
    after = answers(second)
    assert after == answers(fresh_view())
    assert after["router"].total == before["router"].total + 1
    titles = [hit.title for hit in after["router"].hits]
    assert "Router reset guide, revised" in titles
    assert "Router reset guide 0" not in titles
    dated = [hit.title for hit in after["billing by date"].hits]
    assert "Billing invoice 0" not in dated
    suggested = [s.title for s in after["autocomplete rou"]]
    assert "Router reset guide 0" not in suggested
    upgrade = second.autocomplete(
        prefix="router up", audience=EVERYONE, language="", limit=8
    )
    assert [s.title for s in upgrade] == ["Router upgrade, new firmware"]


def test_a_view_warmed_before_a_fork_serves_the_forked_worker(make_article):
    """gunicorn.conf.py warms the index in the master; a worker forked after it
    takes the arrays over, with index files of its own."""
    make_articles(make_article)
    config = runpy.run_path(str(Path(__file__).parents[2] / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    config["when_ready"](None)
    warmed = IndexView._inherited[engine.backend().path]
    assert warmed.searcher.is_closed
    assert warmed._term_cache, "the longest postings are read"
    assert warmed._titles is not None

    expected = answers(fresh_view())
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the worker: report what its first view holds and answers
        try:
            os.close(reading)
            view = engine.backend()._view()
            report = {
                "took_over": view._term_cache is warmed._term_cache
                and view._vector_index is warmed._vector_index,
                "open": not view.searcher.is_closed,
                "answers": repr(answers(view)),
            }
            with os.fdopen(writing, "w") as out:
                json.dump(report, out)
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading) as replies:
        report = json.load(replies)
    os.waitpid(child, 0)
    assert report == {"took_over": True, "open": True, "answers": repr(expected)}
