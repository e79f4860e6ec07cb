"""A throwaway production-like deployment of the portal on this machine.

Used by the browser tests (tests/e2e) and the benchmarks (bench/pages.py): a temp
directory holds the SQLite database, media, static files and search index; the seeded
portal is served by gunicorn with DEBUG off, next to a task worker. It never uses the
developer's DATABASE_URL, CACHE_URL or SEARCH_URL, so it can run beside any test run;
a benchmark may pass a throwaway database of its own as `database_url`.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent

# Variables that would point the deployment at someone else's services or files.
_INHERITED_OUT = (
    "DATABASE_URL",
    "CACHE_URL",
    "SEARCH_URL",
    "EMAIL_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "TASKS_BACKEND",
    "HAYSTACK_SIGNAL_PROCESSOR",
    "PAGE_CACHE_SECONDS",
    "PORTAL_BASE_URL",
)

_HAYSTACK_REBUILD = (
    "from django.core.management import call_command; "
    "from haystack.management.commands import clear_index, update_index; "
    "call_command(clear_index.Command(), interactive=False, verbosity=0); "
    "call_command(update_index.Command(), verbosity=0)"
)


#: gunicorn sync workers the benchmarks serve with: one per core. Signed-in pages
#: and searches are CPU-bound (SQLite and the Whoosh index are read in the worker),
#: so more workers than cores only time-slice the cores and lengthen the tail. On
#: the 2-core machine a member dashboard at concurrency 16 measured p95 70 ms
#: with 2 workers and 370-810 ms with 4, whose workers also spent 10.3-10.8 ms of
#: CPU a request against 8.0.
DEFAULT_WORKERS = os.cpu_count() or 2


def add_workers_argument(parser) -> None:
    """The `--workers` option of the benchmarks that serve through gunicorn."""
    parser.add_argument(
        "--workers",
        type=int,
        default=DEFAULT_WORKERS,
        help=f"gunicorn workers (default {DEFAULT_WORKERS}: one per core)",
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Deployment:
    """One seeded portal in `root`, served on 127.0.0.1 by gunicorn and a task worker."""

    def __init__(
        self,
        *,
        root: Path | None = None,
        workers: int = 2,
        database_url: str | None = None,
    ) -> None:
        self.root = Path(root or tempfile.mkdtemp(prefix="portal-deploy-"))
        self.workers = workers
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_dir = self.root / "logs"
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.env = {k: v for k, v in os.environ.items() if k not in _INHERITED_OUT}
        self.env.update(
            {
                "PORTAL_VAR_DIR": str(self.root / "var"),
                "DJANGO_SETTINGS_MODULE": "portal.settings",
                "DJANGO_DEBUG": "0",
                "DJANGO_SECRET_KEY": "e2e-throwaway-secret-key-for-local-deployments-only",
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DJANGO_SECURE_SSL_REDIRECT": "0",
                "DJANGO_SECURE_COOKIES": "0",
                "DJANGO_HSTS_SECONDS": "0",
                "DJANGO_LOG_LEVEL": "WARNING",
                "PORTAL_SERVE_MEDIA": "1",
                "PORTAL_BASE_URL": self.base_url,
                "PYTHONUNBUFFERED": "1",
            }
        )
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self._processes: dict[str, subprocess.Popen] = {}

    # --- building ------------------------------------------------------------

    def manage(
        self, *args: str, input: str | None = None, check: bool = True, env=None
    ) -> subprocess.CompletedProcess:
        """Run `manage.py <args>` against this deployment and return its output."""
        result = subprocess.run(
            [sys.executable, str(REPO_DIR / "manage.py"), *args],
            cwd=REPO_DIR,
            env={**self.env, **(env or {})},
            input=input,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if check and result.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
            )
        return result

    def build(self) -> str:
        """Migrate, collect static files, seed the demo and index it; return the seed log."""
        # The index is rebuilt in one go below; queuing a task per seeded object is waste.
        direct = {"HAYSTACK_SIGNAL_PROCESSOR": "haystack.signals.BaseSignalProcessor"}
        self.manage("migrate", "--noinput", env=direct)
        self.manage("collectstatic", "--noinput", env=direct)
        seeded = self.manage("seed_demo", env=direct).stdout
        # Wagtail's own `update_index` shadows Haystack's, which `rebuild_index` calls
        # by name, so Haystack's command is called by its class.
        self.manage("shell", "-c", _HAYSTACK_REBUILD, env=direct)
        # Work the seed queued (reference index, PDFs, ...) is done before serving,
        # so the first requests do not compete with it.
        self.manage("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay")
        return seeded

    # --- serving -------------------------------------------------------------

    def start(self, *, task_worker: bool = True, timeout: float = 60) -> None:
        """Start gunicorn (and the task worker) and wait until the home page answers."""
        self._spawn(
            "gunicorn",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "portal.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "120",
            ],
        )
        if task_worker:
            self._spawn(
                "worker",
                [
                    sys.executable,
                    str(REPO_DIR / "manage.py"),
                    "db_worker",
                    "--queue-name",
                    "*",
                    "--interval",
                    "0.5",
                    "--no-startup-delay",
                    "--no-reload",
                ],
            )
        self.wait_until_ready(timeout=timeout)

    def _spawn(self, name: str, command: list[str]) -> None:
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - lives with the process
        self._processes[name] = subprocess.Popen(
            command,
            cwd=REPO_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def wait_until_ready(self, *, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            for name, process in self._processes.items():
                if process.poll() is not None:
                    raise RuntimeError(
                        f"{name} exited with {process.returncode}:\n{self.logs()}"
                    )
            try:
                with urllib.request.urlopen(f"{self.base_url}/en/", timeout=5) as reply:
                    if reply.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"The portal did not answer on {self.base_url} within "
                    f"{timeout:.0f}s:\n{self.logs()}"
                )
            time.sleep(0.3)

    def stop(self) -> None:
        """Stop the processes this deployment started, and only those."""
        for process in self._processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self._processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self._processes.clear()

    def logs(self, *, tail: int = 8000) -> str:
        parts = []
        for path in sorted(self.log_dir.glob("*.log")):
            text = path.read_text(errors="replace")
            parts.append(f"--- {path.name} ---\n{text[-tail:]}")
        return "\n".join(parts)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Deployment:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()
