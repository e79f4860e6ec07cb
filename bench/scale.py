"""What the data-at-scale benchmarks share (bench/companies.py, requests.py, trials.py).

A seeded deployment, built once and copied for each run (`--seeded DIR`), or built
on a PostgreSQL database (`--database-url`); signed-in sessions for the pages; p50,
p95 and p99 latencies at concurrency 1 and 16 through gunicorn, under load from
`bench/load.py`; the machine's load next to every figure, and a non-zero exit
status when a budget fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench import load
from bench.deployment import Deployment, add_workers_argument

CONCURRENCIES = (1, 16)

#: Python for the populate scripts: a session cookie value for a user.
SESSION_FOR = """
from django.contrib.sessions.backends.db import SessionStore

def session_for(user):
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    return store.session_key
"""


#: After the bulk load: PostgreSQL's autovacuum would vacuum and analyse the tables
#: soon after such a load in production (PostgreSQL 13 and later vacuum after
#: inserts too); the bench does not wait for it. Without the vacuum the visibility
#: map is empty and every index-only scan reads the table as well. SQLite
#: deployments never run ANALYZE, so neither does the bench.
ANALYZE = """
from django.db import connection
if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every scale benchmark takes."""
    add_workers_argument(parser)
    parser.add_argument(
        "--seeded",
        type=Path,
        help="directory of a seeded deployment to copy (built there when missing); "
        "saves the minutes of migrate, seed and index on later runs (SQLite only)",
    )
    parser.add_argument(
        "--database-url",
        help="run on this (empty, throwaway) database instead of a temp SQLite file, "
        "e.g. postgres://bench:bench@127.0.0.1:5432/bench; the bench writes into it",
    )
    parser.add_argument(
        "--duration",
        type=float,
        default=5,
        help="seconds of load per page and concurrency (default 5)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the deployment directory"
    )


def load_average() -> str:
    """The 1, 5 and 15 minute load averages and the CPU count, for the report."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def prepare(args: argparse.Namespace) -> Deployment:
    """A migrated, seeded and indexed deployment that nothing else uses."""
    deployment = Deployment(workers=args.workers, database_url=args.database_url)
    started = time.perf_counter()
    seeded = args.seeded
    if args.database_url or seeded is None:
        print(f"Building the deployment in {deployment.root} …", flush=True)
        deployment.build()
    elif (seeded / "var").is_dir():
        print(f"Copying the seeded deployment {seeded} …", flush=True)
        shutil.rmtree(deployment.root / "var", ignore_errors=True)
        shutil.copytree(seeded / "var", deployment.root / "var")
        deployment.manage("migrate", "--noinput")
    else:
        print(f"Building the deployment, kept in {seeded} for later runs …", flush=True)
        deployment.build()
        shutil.copytree(deployment.root / "var", seeded / "var")
    print(f"  ready in {time.perf_counter() - started:.0f} s", flush=True)
    return deployment


def populate(deployment: Deployment, script: str, *, marker: str) -> str:
    """Run a populate script in the deployment; return the text after `marker`."""
    started = time.perf_counter()
    output = deployment.manage("shell", "-c", SESSION_FOR + script + ANALYZE).stdout
    print(f"  data added in {time.perf_counter() - started:.0f} s", flush=True)
    return output.split(marker, 1)[1].strip().splitlines()[0]


def finish(deployment: Deployment, args: argparse.Namespace) -> None:
    """Stop the deployment's processes and remove it unless asked to keep it."""
    deployment.stop()
    if args.keep:
        print(f"Kept the deployment in {deployment.root}")
    else:
        deployment.remove()


def _fetch(base_url: str, path: str, session_key: str) -> None:
    """One signed-in GET; fails unless the page itself answers 200 (no redirect)."""
    request = urllib.request.Request(
        base_url + path, headers={"Cookie": f"sessionid={session_key}"}
    )
    with urllib.request.urlopen(request, timeout=120) as reply:
        reply.read()
        if reply.status != 200 or reply.geturl() != base_url + path:
            raise RuntimeError(f"{path}: HTTP {reply.status} at {reply.geturl()}")


@dataclass
class Report:
    """Figures checked against budgets; `exit_status` is 1 when one failed."""

    failures: list[str] = field(default_factory=list)

    def check(self, label: str, value: float, budget: float, text: str) -> None:
        ok = value < budget
        if not ok:
            self.failures.append(label)
        print(f"{'ok  ' if ok else 'FAIL'} {text}  ({load_average()})", flush=True)

    def pages(
        self,
        deployment: Deployment,
        pages: list[tuple[str, str, list[str]]],
        *,
        duration: float,
        budget_ms: float,
    ) -> None:
        """Load each (label, path, sessions) for `duration` seconds at concurrency
        1 and 16, the sessions in turn; p95 at 16 is checked against `budget_ms`."""
        for label, path, sessions in pages:
            for key in sessions:  # each session must reach the page itself
                _fetch(deployment.base_url, path, key)
            cookies = [f"sessionid={key}" for key in sessions]
            # Warm every worker (templates, caches) before anything is measured.
            load.run(
                deployment.base_url + path, concurrency=4, duration=1, cookies=cookies
            )
            for concurrency in CONCURRENCIES:
                result = load.run(
                    deployment.base_url + path,
                    concurrency=concurrency,
                    duration=duration,
                    cookies=cookies,
                )
                if result["errors"]:
                    self.failures.append(f"{label}: {result['errors']} errors")
                text = (
                    f"{label:<24} c={concurrency:<2} p50 {result['p50']:7.1f} ms  "
                    f"p95 {result['p95']:7.1f} ms  p99 {result['p99']:7.1f} ms  "
                    f"{result['rps']:6.1f} req/s  errors {result['errors']}"
                )
                if concurrency == 16:
                    self.check(
                        f"{label} p95",
                        result["p95"],
                        budget_ms,
                        f"{text}  budget p95 < {budget_ms:.0f} ms",
                    )
                else:
                    print(f"     {text}  ({load_average()})", flush=True)

    @property
    def exit_status(self) -> int:
        if self.failures:
            print("Over budget: " + ", ".join(self.failures))
            return 1
        print("All budgets met.")
        return 0
