"""Search speed at scale: indexing time and API latency on generated articles.

    python bench/search_speed.py [--docs 50000] [--queries 500] [--workers 4]
                                 [--root DIR] [--profile] [--wrk]

Generates mixed Chinese/English articles of realistic length (English 120-450 words,
Chinese 250-900 characters) and writes them straight into the index of a throwaway
deployment (bench/deployment.py) with the portal's schema and analyzer: creating
50,000 Wagtail pages would time the CMS, not the search. Then serves the portal the
way production does, gunicorn with several worker processes (DEBUG off) sharing the
on-disk index, and loads GET /api/search/ from this process, not the servers' (a
thread per connection, each timing its requests): 500 varied queries at
concurrency 1, another 500 at concurrency 8, and autocomplete prefixes at both.
`--wrk` loads with wrk instead (a Lua script walks the queries); against the sync
gunicorn workers its c=8 runs showed stalls of about 2 s on a few percent of the
requests that the threads never saw (autocomplete p95 1.6 s at c=8 beside 2 ms
at c=1), not explained yet, so the threads are the default. Each worker is
warmed first with a different set of queries (its per-generation arrays and
postings are built on its first queries, as after every deployment or index
commit); no results are cached. Prints p50/p95 with the load average beside each
figure, PASS/FAIL per budget, and exits 1 if one fails. Budgets on Whoosh at
50,000 articles: search p95 < 30 ms, autocomplete p95 < 15 ms.

`--root DIR` keeps the deployment (database and index) in DIR and reuses it on the
next run (the indexing time printed is then the one measured when it was built).
`--profile` runs the queries in this process under cProfile instead and prints
where the time goes.
"""

import argparse
import cProfile
import datetime
import http.client
import json
import os
import pstats
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, Python puts bench/ first on the path, where bench/requests.py
# would shadow the requests library Wagtail imports.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.deployment import Deployment, add_workers_argument  # noqa: E402

SEARCH_BUDGET_MS = 30
AUTOCOMPLETE_BUDGET_MS = 15
CONCURRENCIES = (1, 8)
BUILT_MARKER = "search-speed-index.json"

EN_WORDS = [
    "account",
    "activate",
    "address",
    "alarm",
    "antenna",
    "app",
    "balance",
    "bandwidth",
    "bill",
    "billing",
    "broadband",
    "cable",
    "call",
    "cancel",
    "card",
    "change",
    "charge",
    "cloud",
    "configure",
    "connect",
    "contract",
    "coverage",
    "data",
    "device",
    "dial",
    "domain",
    "email",
    "enterprise",
    "error",
    "fault",
    "fibre",
    "firewall",
    "gateway",
    "install",
    "internet",
    "invoice",
    "ip",
    "latency",
    "line",
    "login",
    "mailbox",
    "manage",
    "mobile",
    "modem",
    "network",
    "number",
    "office",
    "order",
    "outage",
    "package",
    "password",
    "payment",
    "plan",
    "port",
    "price",
    "printer",
    "refund",
    "reset",
    "roaming",
    "router",
    "security",
    "server",
    "service",
    "signal",
    "sim",
    "speed",
    "storage",
    "subscription",
    "support",
    "switch",
    "tariff",
    "ticket",
    "transfer",
    "upgrade",
    "usage",
    "user",
    "voice",
    "voicemail",
    "vpn",
    "wifi",
    "wireless",
    "backup",
    "camera",
    "meeting",
    "conference",
    "storage",
]
EN_FILLER = [
    "the",
    "a",
    "to",
    "of",
    "and",
    "for",
    "with",
    "your",
    "you",
    "can",
    "if",
    "is",
    "on",
    "in",
    "this",
    "that",
    "when",
]
ZH_WORDS = [
    "宽带",
    "专线",
    "账单",
    "发票",
    "密码",
    "重置",
    "路由器",
    "光猫",
    "网络",
    "故障",
    "报修",
    "安装",
    "套餐",
    "流量",
    "漫游",
    "手机",
    "号码",
    "携号转网",
    "云服务",
    "服务器",
    "存储",
    "安全",
    "防火墙",
    "企业",
    "政府",
    "中小企业",
    "合同",
    "续费",
    "缴费",
    "退款",
    "订单",
    "取消",
    "升级",
    "速度",
    "信号",
    "覆盖",
    "语音",
    "会议",
    "邮箱",
    "域名",
    "备份",
    "监控",
    "物联网",
    "卡",
    "设备",
    "账户",
    "登录",
    "客服",
    "工单",
    "资费",
    "余额",
    "充值",
    "开通",
    "关闭",
    "变更",
    "地址",
    "办理",
]
ZH_FILLER = [
    "的",
    "了",
    "在",
    "请",
    "您",
    "如果",
    "可以",
    "需要",
    "我们",
    "进行",
    "通过",
    "以及",
    "或者",
    "时",
]
CATEGORIES = ["billing", "faults", "mobile", "cloud", "security", "accounts"]


def english_text(rng, words: int) -> str:
    return " ".join(
        rng.choice(EN_WORDS) if rng.random() < 0.45 else rng.choice(EN_FILLER)
        for _ in range(words)
    )


def chinese_text(rng, chars: int) -> str:
    parts, length = [], 0
    while length < chars:
        piece = rng.choice(ZH_WORDS) if rng.random() < 0.5 else rng.choice(ZH_FILLER)
        parts.append(piece)
        length += len(piece)
        if rng.random() < 0.06:
            parts.append("。")
        if rng.random() < 0.03:
            parts.append(f" {rng.choice(EN_WORDS)} ")
    return "".join(parts)


def documents(count: int, rng):
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    for n in range(count):
        chinese = n % 2 == 1
        if chinese:
            title = "".join(rng.sample(ZH_WORDS, 3)) + "指南"
            body = chinese_text(rng, rng.randint(250, 900))
        else:
            title = " ".join(rng.sample(EN_WORDS, 4)).capitalize() + " guide"
            body = english_text(rng, rng.randint(120, 450))
        audience = "public" if rng.random() < 0.9 else "segment:enterprise"
        yield {
            "id": f"cms.knowledgearticlepage.{n + 1}",
            "django_ct": "cms.knowledgearticlepage",
            "django_id": str(n + 1),
            "title": title,
            "text": f"{title}\n{body}",
            "alt_titles": "",
            "url": f"/{'zh-hans' if chinese else 'en'}/help/bench-{n + 1}/",
            "summary": body[:160],
            "external_id": f"BENCH-{n + 1}",
            "type": "article",
            "language": "zh-hans" if chinese else "en",
            "category": rng.choice(CATEGORIES),
            "segments": rng.choice(
                ["sme", "enterprise", "government", "sme,enterprise"]
            ),
            "audience": audience,
            "published": start + datetime.timedelta(minutes=n),
        }


def build_index(count: int) -> tuple[float, float]:
    """Write the generated documents in one commit; returns (total, embedding) s."""
    from search.backends.whoosh_cjk import complete_documents
    from search.engine import backend

    search_backend = backend()
    search_backend.setup()
    rng = random.Random(42)  # noqa: S311 - benchmark data, not security
    started = time.perf_counter()
    embedding_seconds = 0.0
    writer = search_backend.index.writer(limitmb=256)
    batch = []
    for n, doc in enumerate(documents(count, rng), 1):
        batch.append(doc)
        if len(batch) == 500 or n == count:
            began = time.perf_counter()
            complete_documents(batch)  # as the backend's update() does per batch
            embedding_seconds += time.perf_counter() - began
            for item in batch:
                writer.add_document(**item)
            batch = []
        if n % 5000 == 0:
            print(f"  indexed {n} documents ({time.perf_counter() - started:.0f} s)")
    writer.commit()
    return time.perf_counter() - started, embedding_seconds


def queries(count: int, rng) -> list[dict]:
    found = []
    for n in range(count):
        kind = n % 5
        if kind in (0, 1):
            q = " ".join(rng.sample(EN_WORDS, rng.randint(1, 3)))
        elif kind in (2, 3):
            q = "".join(rng.sample(ZH_WORDS, rng.randint(1, 3)))
        else:
            q = f"{rng.choice(ZH_WORDS)} {rng.choice(EN_WORDS)}"
        params = {"q": q}
        if rng.random() < 0.2:
            params["language"] = rng.choice(["en", "zh-hans"])
        if rng.random() < 0.1:
            params["segment"] = "sme"
        if rng.random() < 0.1:
            params["sort"] = "date"
        found.append(params)
    return found


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def setup_django(deployment: Deployment) -> None:
    """Django in this process on the deployment's database and index."""
    os.environ.update(deployment.env)
    # The bench writes the index itself, in one commit.
    os.environ["HAYSTACK_SIGNAL_PROCESSOR"] = "haystack.signals.BaseSignalProcessor"
    import django

    django.setup()


def build_site() -> None:
    """Migrate, collect static files, and a home page per language: what the
    deployment's start-up waits for (the search API needs nothing else)."""
    from django.core.management import call_command
    from wagtail.models import Page, Site

    from bench.search_eval import build_site as build_knowledge_bases

    build_knowledge_bases()  # migrates
    Site.objects.update(root_page=Page.objects.get(slug="home-en"))
    call_command("collectstatic", interactive=False, verbosity=0)


def prepare(args) -> tuple[Deployment, dict]:
    """The deployment with its generated index: built now, or reused from --root."""
    deployment = Deployment(root=args.root, workers=args.workers)
    marker = deployment.root / BUILT_MARKER
    setup_django(deployment)
    from django.db import connections

    from search import embeddings

    hybrid = "on" if embeddings.enabled() else "off"
    if marker.exists():
        built = json.loads(marker.read_text())
        if built["docs"] != args.docs or built["hybrid"] != hybrid:
            sys.exit(
                f"{deployment.root} holds {built['docs']} documents (hybrid "
                f"{built['hybrid']}); use another --root for {args.docs} ({hybrid})."
            )
        print(f"Reusing the index of {built['docs']} articles in {deployment.root}")
    else:
        print(f"Building the deployment in {deployment.root} ...", flush=True)
        build_site()
        print(f"Indexing {args.docs} generated articles (zh/en), hybrid {hybrid}...")
        before = load_average()
        seconds, embedding_seconds = build_index(args.docs)
        built = {
            "docs": args.docs,
            "hybrid": hybrid,
            "seconds": round(seconds, 1),
            "embedding_seconds": round(embedding_seconds, 1),
            "load": f"{before} -> {load_average()}",
        }
        marker.write_text(json.dumps(built))
    connections.close_all()
    return deployment, built


def queries_for(paths_of: str, params_list: list[dict]) -> list[str]:
    return [f"{paths_of}?{urllib.parse.urlencode(p)}" for p in params_list]


WRK_SCRIPT = r"""
local paths = %(paths)s
local threads = {}

function setup(thread)
  thread:set("first", #threads)
  table.insert(threads, thread)
end

function init(args)
  quota = tonumber(args[1])
  step = tonumber(args[2])
  position = first
  answered = 0
end

function request()
  local path = paths[(position %% #paths) + 1]
  position = position + step
  return wrk.format("GET", path)
end

function response(status, headers, body)
  answered = answered + 1
  if answered == quota then
    -- wrk runs for its whole duration: tell the bench, which interrupts it.
    io.stdout:write("QUOTA DONE\n")
    io.stdout:flush()
    wrk.thread:stop()
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("JSON {\"requests\": %%d, \"errors\": %%d, "
    .. "\"p50\": %%f, \"p95\": %%f, \"max\": %%f}\n",
    summary.requests, errors, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency.max / 1000))
end
"""


def run_wrk(base_url: str, paths: list[str], concurrency: int) -> dict:
    """Each path requested once (about), `concurrency` connections, by wrk."""
    threads = min(concurrency, 2)
    lua_paths = "{" + ",".join(json.dumps(p) for p in paths) + "}"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"paths": lua_paths})
    try:
        command = [
            "wrk",
            f"-t{threads}",
            f"-c{concurrency}",
            "-d300s",
            "--timeout",
            "10s",
            "-s",
            script.name,
            base_url,
            "--",
            str(len(paths) // threads),
            str(threads),
        ]
        output = _until_quotas_done(command, threads)
    finally:
        Path(script.name).unlink()
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    return json.loads(line[5:])


def _until_quotas_done(command: list[str], threads: int) -> str:
    """Run wrk until each thread has had its answers, then interrupt it (SIGINT
    ends its run early and still prints the summary); returns its output."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    output, done = [], 0
    for line in process.stdout:
        output.append(line)
        if line.startswith("QUOTA DONE"):
            done += 1
            if done == threads:
                process.send_signal(signal.SIGINT)
    if process.wait() != 0:
        raise RuntimeError(f"wrk failed ({process.returncode}):\n{''.join(output)}")
    return "".join(output)


def run_threads(base_url: str, paths: list[str], concurrency: int) -> dict:
    """The same with Python threads on keep-alive connections (no wrk)."""
    host, port = base_url.removeprefix("http://").split(":")
    latencies, errors, lock = [], [0], threading.Lock()
    queue = list(reversed(paths))

    def worker():
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            started = time.perf_counter()
            connection.request("GET", path)
            reply = connection.getresponse()
            reply.read()
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                errors[0] += reply.status != 200

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": errors[0],
        "p50": statistics.median(ordered),
        "p95": ordered[int(len(ordered) * 0.95) - 1],
        "max": ordered[-1],
    }


def profile(searches: list[dict]) -> None:
    """Run the queries through the Django test client here, under cProfile."""
    from django.test import Client

    client = Client()
    for params in queries(300, random.Random(99)):  # noqa: S311 - bench data
        client.get("/api/search/", params, HTTP_HOST="localhost")
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for params in searches:
        client.get("/api/search/", params, HTTP_HOST="localhost")
    profiler.disable()
    per_query = (time.perf_counter() - started) * 1000 / len(searches)
    print(f"{per_query:.1f} ms a query under the profiler ({load_average()})")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=500)
    add_workers_argument(parser)
    parser.add_argument(
        "--root", type=Path, help="deployment directory, kept and reused"
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile in process instead"
    )
    parser.add_argument(
        "--wrk",
        action="store_true",
        help="load from wrk instead of Python threads (see the module docstring)",
    )
    args = parser.parse_args()
    deployment, built = prepare(args)
    print(
        f"indexing: {built['seconds']:.1f} s ({args.docs / built['seconds']:.0f} "
        f"docs/s), of which embeddings {built['embedding_seconds']:.1f}"
        f" s ({built['load']})"
    )
    searches = {c: queries(args.queries, random.Random(6 + c)) for c in CONCURRENCIES}
    if args.profile:
        profile(searches[1])
        return 0
    load = run_wrk if args.wrk and shutil.which("wrk") else run_threads
    print(
        f"gunicorn, {args.workers} workers; load from "
        f"{'wrk' if load is run_wrk else 'Python threads in the bench process'}"
    )
    rows = []
    try:
        deployment.start(task_worker=False)
        base = deployment.base_url
        # Warm every worker for both endpoints first: a sync worker that is
        # fast to answer keeps winning the accept race, so a worker may see its
        # first autocomplete (seconds: it builds the title list) much later.
        warm_up = queries(100 * args.workers, random.Random(99))  # noqa: S311
        load(base, queries_for("/api/search/", warm_up), 2 * args.workers)
        prefixes = [{"q": p["q"][:3]} for p in warm_up]
        load(base, queries_for("/api/search/autocomplete/", prefixes), 2 * args.workers)
        server = server_session(deployment.port)
        for concurrency in CONCURRENCIES:
            paths = queries_for("/api/search/", searches[concurrency])
            result = with_cpu(server, load, base, paths, concurrency)
            rows.append(("search", concurrency, result))
            report(rows[-1])
        rng = random.Random(5)  # noqa: S311 - benchmark data, not security
        prefixes = [
            {"q": p["q"][: rng.randint(1, 6)].strip() or "a"} for p in searches[1]
        ]
        paths = queries_for("/api/search/autocomplete/", prefixes)
        for concurrency in CONCURRENCIES:
            result = with_cpu(server, load, base, paths, concurrency)
            rows.append(("autocomplete", concurrency, result))
            report(rows[-1])
        report_memory(server)
    finally:
        deployment.stop()
        if args.root is None:
            deployment.remove()
    return check_budgets(rows)


def server_session(port: int) -> int:
    """The session of the gunicorn serving on this port (its master and workers)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if f"127.0.0.1:{port}" in cmdline.read_bytes().decode(errors="replace"):
                return os.getsid(int(cmdline.parent.name))
        except OSError:  # the process ended meanwhile
            continue
    raise RuntimeError(f"no gunicorn process found for port {port}")


def session_cpu_seconds(session: int) -> float:
    """CPU seconds used so far by the live processes of a session (Linux /proc)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:  # fields 6 (session), 14 and 15 (CPU) of stat
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def session_memory(session: int) -> list[tuple[int, float, float]]:
    """(pid, RSS MB, PSS MB) of each live process of a session, master first.
    PSS counts a page shared by n processes as 1/n in each: what a worker
    really adds."""
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) != session:
                continue
            rollup = (status.parent / "smaps_rollup").read_text()
        except OSError:
            continue
        sizes = {
            line.split(":")[0]: int(line.split()[1]) / 1024
            for line in rollup.splitlines()[1:]
        }
        found.append((int(status.parent.name), sizes["Rss"], sizes["Pss"]))
    return sorted(found)


def report_memory(session: int) -> None:
    processes = session_memory(session)
    print(
        "memory (MB): "
        + "; ".join(
            f"{'master' if n == 0 else 'worker'} RSS {rss:.0f} PSS {pss:.0f}"
            for n, (_pid, rss, pss) in enumerate(processes)
        )
        + f"; total PSS {sum(p for _, _, p in processes):.0f}",
        flush=True,
    )


def with_cpu(server: int, load, base: str, paths: list[str], concurrency: int):
    """A load's latencies with the CPU time it cost per request, the servers' and
    the client's: on a shared machine the latency depends on the other load,
    the CPU a request takes much less."""
    server_before, client_before = session_cpu_seconds(server), time.process_time()
    result = load(base, paths, concurrency)
    requests = max(result["requests"], 1)
    result["server_cpu"] = (session_cpu_seconds(server) - server_before) / requests
    result["client_cpu"] = (time.process_time() - client_before) / requests
    return result


def report(row) -> None:
    name, concurrency, result = row
    cpu = (
        f"; CPU a request: servers {result['server_cpu'] * 1000:.1f} ms, "
        f"client {result['client_cpu'] * 1000:.1f} ms"
        if "server_cpu" in result
        else ""
    )
    print(
        f"{name:12} c={concurrency}: p50 {result['p50']:6.1f} ms  "
        f"p95 {result['p95']:6.1f} ms  max {result['max']:6.1f} ms  "
        f"({result['requests']} requests, {result['errors']} errors{cpu}; "
        f"{load_average()})",
        flush=True,
    )


def check_budgets(rows) -> int:
    failures = 0
    print("Budgets (Whoosh, p95):")
    for name, concurrency, result in rows:
        budget = SEARCH_BUDGET_MS if name == "search" else AUTOCOMPLETE_BUDGET_MS
        ok = result["p95"] < budget and not result["errors"]
        failures += not ok
        print(
            f"  {'PASS' if ok else 'FAIL'} {name} c={concurrency}: "
            f"p95 {result['p95']:.1f} ms < {budget} ms"
            + (f", {result['errors']} errors" if result["errors"] else "")
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
