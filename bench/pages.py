"""Page-serving benchmark: the seeded portal behind gunicorn (2 workers, DEBUG off).

Usage: python bench/pages.py [--duration SECONDS] [--keep] [--root DIR]
Prints requests/s and p50/p95/p99 latency at concurrency 1 and 16 for the home, a
segment, a solution, a product, a knowledge article and a static file, cached
(anonymous, warm) and, for the product, uncached (a session cookie bypasses the page
cache). Checks the budgets and exits non-zero if one fails. Loopback only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import load  # noqa: E402
from bench.deployment import DEFAULT_WORKERS, Deployment  # noqa: E402

CONCURRENCIES = (1, 16)
UNCACHED_COOKIE = "sessionid=bench-not-a-session"
URLS_SCRIPT = """
import json
from django.templatetags.static import static
from cms.models import KnowledgeArticlePage, ProductPage, SolutionPage
def first(model):
    return model.objects.live().filter(locale__language_code="en").order_by("path").first().url
print(json.dumps({
    "home": "/en/",
    "segment": "/en/sme/",
    "solution": first(SolutionPage),
    "product": first(ProductPage),
    "article": first(KnowledgeArticlePage),
    "static": static("css/portal.css"),
}))
"""


def warm(base_url: str, path: str) -> str | None:
    """Request a page until both workers have it cached; return its cache header."""
    host = base_url.removeprefix("http://")
    state = None
    for _ in range(20):
        connection = http.client.HTTPConnection(host, timeout=30)
        connection.request("GET", path)
        reply = connection.getresponse()
        reply.read()
        if reply.status != 200:
            raise RuntimeError(f"{path} answered {reply.status}")
        state = reply.getheader("X-Page-Cache") or state
        connection.close()
    return state


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per run")
    parser.add_argument("--keep", action="store_true", help="keep the temp deployment")
    parser.add_argument(
        "--root",
        type=Path,
        help="deployment directory; one built there before (with --keep) is reused",
    )
    args = parser.parse_args()
    print(f"Load generator: {load.generator_name()}")

    reuse = args.root is not None and (args.root / "var").is_dir()
    deployment = Deployment(root=args.root, workers=DEFAULT_WORKERS)
    try:
        if reuse:
            print(f"Reusing the deployment in {deployment.root}", flush=True)
            deployment.manage("migrate", "--noinput")
            deployment.manage("collectstatic", "--noinput")
        else:
            print(f"Building a seeded deployment in {deployment.root} ...", flush=True)
            deployment.build()
        shell = deployment.manage("shell", "-c", URLS_SCRIPT).stdout
        # `shell` may print a banner first; the URLs are the last line.
        urls = json.loads(shell.strip().splitlines()[-1])
        deployment.start(task_worker=False)
        for path in urls.values():
            warm(deployment.base_url, path)
        # Warm every worker's uncached path too before anything is measured.
        load.run(
            deployment.base_url + urls["product"],
            concurrency=4,
            duration=1,
            cookies=[UNCACHED_COOKIE],
        )
        rows = []
        cases = [(name, path, None) for name, path in urls.items()]
        cases.append(("product (uncached)", urls["product"], UNCACHED_COOKIE))
        for name, path, cookie in cases:
            for concurrency in CONCURRENCIES:
                result = load.run(
                    deployment.base_url + path,
                    concurrency=concurrency,
                    duration=args.duration,
                    cookies=[cookie] if cookie else None,
                )
                rows.append((name, concurrency, result))
                print(
                    f"{name:20} c={concurrency:<3} {result['rps']:8.0f} req/s  "
                    f"p50 {result['p50']:6.1f} ms  p95 {result['p95']:6.1f} ms  "
                    f"p99 {result['p99']:6.1f} ms  errors {result['errors']}",
                    flush=True,
                )
    finally:
        deployment.stop()
        if not (args.keep or args.root):
            deployment.remove()
    return check_budgets(rows)


def check_budgets(rows) -> int:
    table = {(name, c): result for name, c, result in rows}
    failures = []
    print("\nBudgets")
    for concurrency in CONCURRENCIES:
        floor = table[("static", concurrency)]["rps"] / 2
        for name in ("home", "segment", "solution", "product", "article"):
            rps = table[(name, concurrency)]["rps"]
            ok = rps >= floor
            print(
                f"  {'ok ' if ok else 'FAIL'} cached {name} c={concurrency}: "
                f"{rps:.0f} req/s >= {floor:.0f} (half the static file)"
            )
            if not ok:
                failures.append(name)
    p95 = table[("product (uncached)", 16)]["p95"]
    ok = p95 < 60
    print(
        f"  {'ok ' if ok else 'FAIL'} uncached product c=16: p95 {p95:.1f} ms < 60 ms"
    )
    if not ok:
        failures.append("uncached product p95")
    errors = sum(result["errors"] for _n, _c, result in rows)
    if errors:
        failures.append(f"{errors} error responses")
        print(f"  FAIL {errors} error responses")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
