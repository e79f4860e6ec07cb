"""Search speed at scale: indexing time and API latency on generated articles.

    python bench/search_speed.py [--docs 50000] [--queries 500]

Generates mixed Chinese/English articles of realistic length (English 120-450 words,
Chinese 250-900 characters) and writes them straight into the configured haystack
index with the portal's schema and analyzer (creating 50,000 Wagtail pages would
time the CMS, not the search). Then runs varied queries through GET /api/search/
(the Django test client, in process, with the query log written to the database)
at concurrency 1 and 8, and autocomplete queries, and prints p50/p95 latencies.
Budgets on Whoosh: search p95 < 30 ms, autocomplete p95 < 15 ms.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, Python puts bench/ first on the path, where bench/requests.py
# would shadow the requests library Wagtail imports.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

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


def timed(client_factory, path: str, params_list: list[dict], concurrency: int):
    def run(params):
        client = client_factory()
        began = time.perf_counter()
        response = client.get(path, params, HTTP_HOST="localhost")
        assert response.status_code == 200, response.content[:200]
        return (time.perf_counter() - began) * 1000

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(run, params_list))


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"p50={statistics.median(ordered):6.1f} ms  p95={p95:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="search-speed-") as workdir:
        from bench.search_eval import setup_django

        setup_django(workdir)
        from django.core.management import call_command
        from django.test import Client

        call_command("migrate", verbosity=0)
        from search import embeddings

        hybrid = "on" if embeddings.enabled() else "off"
        print(f"Indexing {args.docs} generated articles (zh/en), hybrid {hybrid}...")
        seconds, embedding_seconds = build_index(args.docs)
        print(
            f"indexing: {seconds:.1f} s ({args.docs / seconds:.0f} docs/s), "
            f"of which embeddings {embedding_seconds:.1f} s"
        )
        print(
            "load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
        )
        rng = random.Random(7)  # noqa: S311 - benchmark data, not security
        searches = queries(args.queries, rng)
        timed(Client, "/api/search/", searches[:20], 1)  # warm the searcher cache
        for concurrency in (1, 8):
            samples = timed(Client, "/api/search/", searches, concurrency)
            print(f"search       c={concurrency}: {percentiles(samples)}")
        prefixes = [{"q": p["q"][: rng.randint(1, 6)].strip() or "a"} for p in searches]
        timed(Client, "/api/search/autocomplete/", prefixes[:5], 1)
        samples = timed(Client, "/api/search/autocomplete/", prefixes, 1)
        print(f"autocomplete c=1: {percentiles(samples)}")
        print(
            "load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
        )


if __name__ == "__main__":
    main()
