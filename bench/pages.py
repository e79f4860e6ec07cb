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
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.deployment import Deployment  # noqa: E402

CONCURRENCIES = (1, 16)
UNCACHED_COOKIE = "sessionid=bench-not-a-session"
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\": %d, \\"seconds\\": %f, "
    .. "\\"errors\\": %d, \\"p50\\": %f, \\"p95\\": %f, \\"p99\\": %f}\\n",
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""

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


def run_wrk(url: str, *, concurrency: int, duration: int, cookie: str | None) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    command = [
        "wrk",
        f"-t{min(concurrency, 2)}",
        f"-c{concurrency}",
        f"-d{duration}s",
        "-s",
        script.name,
        url,
    ]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    Path(script.name).unlink()
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    result = json.loads(line[5:])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def run_python(
    url: str, *, concurrency: int, duration: int, cookie: str | None
) -> dict:
    """Fallback load generator: keep-alive connections on threads, for `duration`."""
    host, _, rest = url.removeprefix("http://").partition("/")
    hostname, port = host.split(":")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def worker():
        connection = http.client.HTTPConnection(hostname, int(port), timeout=30)
        headers = {"Cookie": cookie} if cookie else {}
        mine = []
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.request("GET", "/" + rest, headers=headers)
            reply = connection.getresponse()
            reply.read()
            mine.append((time.perf_counter() - started) * 1000)
            if reply.status != 200:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "seconds": seconds,
        "errors": errors[0],
        "rps": len(latencies) / seconds,
        "p50": cuts[49],
        "p95": cuts[94],
        "p99": cuts[98],
    }


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
    load = run_wrk if shutil.which("wrk") else run_python
    print(f"Load generator: {'wrk' if load is run_wrk else 'python threads'}")

    reuse = args.root is not None and (args.root / "var").is_dir()
    deployment = Deployment(root=args.root, workers=2)
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
        rows = []
        cases = [(name, path, None) for name, path in urls.items()]
        cases.append(("product (uncached)", urls["product"], UNCACHED_COOKIE))
        for name, path, cookie in cases:
            for concurrency in CONCURRENCIES:
                result = load(
                    deployment.base_url + path,
                    concurrency=concurrency,
                    duration=args.duration,
                    cookie=cookie,
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
