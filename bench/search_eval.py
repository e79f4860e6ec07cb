"""Relevance of the portal search on a development set, beside a plain BM25 baseline.

    python bench/search_eval.py ../shared/eval/kb-dev/bitext [--limit-queries N]

Builds a fresh SQLite database and Whoosh index in a temp directory (or uses
SEARCH_URL's Elasticsearch), imports the corpus with `import_kb`, runs every query
through GET /api/search/ (with the query's language as the language filter) and
prints MRR@10, nDCG@10 and Recall@10 per language for the portal and for rank-bm25
over jieba tokens of the same articles. With the embedding model installed (and
SEARCH_EMBEDDINGS not `off`) the portal is measured twice on the same index:
`hybrid` (the default ranking) and `lexical` (embeddings switched off).
"""

import argparse
import json
import math
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, Python puts bench/ first on the path, where bench/requests.py
# would shadow the requests library Wagtail imports.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))
K = 10


def setup_django(workdir: str) -> None:
    os.environ.update(
        {
            "DJANGO_DEBUG": "1",
            "PORTAL_VAR_DIR": workdir,
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            # import_kb indexes the articles itself, in batches.
            "HAYSTACK_SIGNAL_PROCESSOR": "haystack.signals.BaseSignalProcessor",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()


def build_site() -> None:
    """The minimum import_kb needs: a home page and a knowledge base per language."""
    from django.core.management import call_command
    from wagtail.models import Locale, Page

    from cms.models import HomePage, KnowledgeIndexPage

    call_command("migrate", verbosity=0)
    root = Page.get_first_root_node()
    for code in ("en", "zh-hans"):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        home = HomePage(title=f"Home {code}", slug=f"home-{code}", locale=locale)
        root.add_child(instance=home)
        home.add_child(
            instance=KnowledgeIndexPage(title="Help", slug="help", locale=locale)
        )


def tokens(text: str) -> list[str]:
    import jieba

    jieba.setLogLevel(60)
    return [
        t
        for t in (w.strip().lower() for w in jieba.lcut_for_search(text))
        if t and re.match(r"\w", t)
    ]


def metrics(ranked: list[str], relevant: dict[str, int]) -> tuple[float, float, float]:
    top = ranked[:K]
    rr = next((1 / (i + 1) for i, d in enumerate(top) if d in relevant), 0.0)
    dcg = sum(relevant.get(d, 0) / math.log2(i + 2) for i, d in enumerate(top))
    ideal = sorted(relevant.values(), reverse=True)[:K]
    idcg = sum(r / math.log2(i + 2) for i, r in enumerate(ideal)) or 1.0
    recall = len(set(top) & set(relevant)) / len(relevant)
    return rr, dcg / idcg, recall


def bm25_rankings(corpus, queries) -> dict[str, list[str]]:
    from rank_bm25 import BM25Okapi

    by_language = defaultdict(list)
    for doc in corpus:
        by_language[doc["language"]].append(doc)
    models = {
        lang: (BM25Okapi([tokens(d["title"] + "\n" + d["body"]) for d in docs]), docs)
        for lang, docs in by_language.items()
    }
    rankings = {}
    for q in queries:
        model, docs = models[q["language"]]
        scores = model.get_scores(tokens(q["query"]))
        order = sorted(range(len(docs)), key=lambda i: -scores[i])[:K]
        rankings[q["qid"]] = [docs[i]["id"] for i in order]
    return rankings


def portal_rankings(queries) -> dict[str, list[str]]:
    from django.test import Client

    client = Client()
    rankings = {}
    for q in queries:
        response = client.get(
            "/api/search/",
            {"q": q["query"][:200], "limit": K, "language": q["language"]},
            HTTP_HOST="localhost",
        )
        data = response.json()
        rankings[q["qid"]] = [r["external_id"] for r in data.get("results", [])]
    return rankings


def report(name, rankings, queries, qrels) -> dict:
    sums = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    for q in queries:
        m = metrics(rankings.get(q["qid"], []), qrels[q["qid"]])
        row = sums[q["language"]]
        for i in range(3):
            row[i] += m[i]
        row[3] += 1
    result = {}
    for lang, (rr, ndcg, rec, n) in sorted(sums.items()):
        result[lang] = (rr / n, ndcg / n, rec / n, n)
        print(
            f"{name:8} {lang:8} n={n:5}  MRR@10={rr / n:.3f}  "
            f"nDCG@10={ndcg / n:.3f}  Recall@10={rec / n:.3f}"
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "dataset", help="Folder with corpus.jsonl, queries.jsonl, qrels.tsv"
    )
    parser.add_argument("--limit-queries", type=int, default=0)
    args = parser.parse_args()
    folder = Path(args.dataset)
    corpus = [
        json.loads(line)
        for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    queries = [
        json.loads(line)
        for line in (folder / "queries.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    if args.limit_queries:
        queries = queries[: args.limit_queries]
    qrels = defaultdict(dict)
    for line in (folder / "qrels.tsv").read_text(encoding="utf-8").splitlines():
        qid, doc_id, rel = line.rstrip("\n").split("\t")
        qrels[qid][doc_id] = int(rel)
    queries = [q for q in queries if q["qid"] in qrels]

    with tempfile.TemporaryDirectory(prefix="search-eval-") as workdir:
        setup_django(workdir)
        from django.core.management import call_command

        build_site()
        call_command("import_kb", str(folder / "corpus.jsonl"), verbosity=0)
        print(f"{folder.name}: {len(corpus)} articles, {len(queries)} queries")
        from django.conf import settings

        from search import embeddings

        if embeddings.enabled():
            report("hybrid", portal_rankings(queries), queries, qrels)
            settings.SEARCH_EMBEDDINGS = "off"
        report("lexical", portal_rankings(queries), queries, qrels)
        report("bm25", bm25_rankings(corpus, queries), queries, qrels)


if __name__ == "__main__":
    main()
