"""What an index commit costs the searches after it, at scale.

    python bench/search_refresh.py --root DIR

DIR is a deployment built by `bench/search_speed.py --root DIR` (50,000 generated
articles). Its database and index are copied to a scratch directory and opened
in this process as a web worker holds them after serving searches: the view of
the current generation warmed (as gunicorn.conf.py warms it) and used. Then one
new article is committed, as a publish commits it (a new small segment), and the
first search and first autocomplete on the new generation are timed twice: with
the new view taking over the arrays of the segment both generations share (what
a worker does) and with a view built from nothing (what it did before). Then 200
more searches each way, whose postings the new view reads only from the new
segment. Prints milliseconds.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.deployment import Deployment  # noqa: E402
from bench.search_speed import BUILT_MARKER, documents, queries  # noqa: E402


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, required=True)
    args = parser.parse_args()
    if not (args.root / BUILT_MARKER).exists():
        sys.exit(f"{args.root} has no index built by bench/search_speed.py --root")
    scratch = Path(tempfile.mkdtemp(prefix="search-refresh-"))
    try:
        shutil.copytree(args.root / "var", scratch / "var", symlinks=True)
        os.environ.update(Deployment(root=scratch).env)
        import django

        django.setup()
        return measure()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def measure() -> int:
    from whoosh.writing import AsyncWriter

    from search import embeddings, engine
    from search.backends.whoosh_cjk import IndexView, complete_documents

    backend = engine.backend()
    backend.setup()
    everyone = frozenset({"public"})

    def spec(params):
        filters = {"language": params["language"]} if "language" in params else {}
        return engine.SearchSpec(query=params["q"], audience=everyone, filters=filters)

    def autocomplete(view):
        view.autocomplete(prefix="rou", audience=everyone, language="", limit=8)

    earlier = IndexView.current(backend.path, backend.index)
    earlier.warm()
    for params in queries(300, random.Random(99)):  # noqa: S311 - bench data
        earlier.search(spec(params))
    print(f"index: {earlier.size} documents in {len(earlier.segments)} segment(s)")

    article = next(documents(1, random.Random(1)))  # noqa: S311 - bench data
    article.update(id="cms.knowledgearticlepage.900001", django_id="900001")
    complete_documents([article])
    writer = AsyncWriter(backend.index.refresh())
    writer.update_document(**article)
    writer.commit()
    index = backend.index.refresh()
    signature = IndexView.signature(backend.path, index)

    following = [spec(p) for p in queries(200, random.Random(3))]  # noqa: S311
    for label, previous in (("taking over", earlier), ("from nothing", None)):
        view = None
        embeddings.query_vector.cache_clear()  # each way embeds its queries

        def build(previous=previous):
            nonlocal view
            view = IndexView(index, signature, previous)

        opened = timed(build)
        first = timed(lambda view=view: view.search(spec({"q": "router billing"})))
        if os.environ.get("PROFILE_FIRST"):
            import cProfile

            cProfile.runctx(
                "view.search(spec({'q': 'modem bill'}))",
                globals(),
                locals(),
                sort="cumulative",
            )
        completed = timed(lambda view=view: autocomplete(view))
        after = [timed(lambda s=s, view=view: view.search(s)) for s in following]
        print(
            f"after a commit, {label:12}: view {opened:7.1f} ms, first search "
            f"{first:7.1f} ms, first autocomplete {completed:7.1f} ms; next 200 "
            f"searches p50 {statistics.median(after):.1f} ms, "
            f"p95 {sorted(after)[189]:.1f} ms (kept {view._kept} documents)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
