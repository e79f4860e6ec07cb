"""Shared fixtures of the browser tests.

- `portal_server` (session): a seeded throwaway deployment (bench/deployment.py):
  its own temp SQLite database, media and Whoosh index, served by gunicorn (2
  workers, DEBUG off) next to the `db_worker` task worker. It ignores DATABASE_URL
  and friends, so browser tests can run beside a PostgreSQL test run. It has
  `base_url`, `env`, `seed_output` and `manage(*args, input=None)` to run a
  management command against it (e.g. to create a user).
- `browser` (session): Debian's /usr/bin/chromium, headless, through Playwright.
- `page`: a fresh context (en-US, 1280x900) whose relative URLs go to the server;
  `new_page()`: one more page in its own context (another user's cookies).
  A failing test leaves screenshots of its pages in test-artifacts/.
- Helpers (tests/e2e/helpers.py): `axe_check(page)`, `login(page, email, password)`,
  `screenshot(page, name)`.

Every test under tests/e2e is marked `e2e`; all are skipped when /usr/bin/chromium is
missing. axe-core comes from node_modules (`npm ci` at the repository root).
"""

from __future__ import annotations

import contextlib
import re
import shutil
from pathlib import Path

import pytest

from bench.deployment import Deployment
from tests.e2e.helpers import (  # noqa: F401 - re-exported for the tests
    ARTIFACTS_DIR,
    axe_check,
    login,
    screenshot,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
E2E_DIR = Path(__file__).resolve().parent
_deployments: list[Deployment] = []


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason=f"browser tests need Chromium at {CHROMIUM}")
    for item in items:
        if E2E_DIR in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            if not CHROMIUM.exists():
                item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    if report.failed and _deployments and E2E_DIR in Path(item.fspath).parents:
        report.sections.append(("portal server log", _deployments[0].logs(tail=4000)))
    return report


@pytest.fixture(scope="session")
def portal_server(tmp_path_factory):
    deployment = Deployment(root=tmp_path_factory.mktemp("portal"))
    _deployments.append(deployment)
    try:
        deployment.seed_output = deployment.build()
        deployment.start()
        yield deployment
    finally:
        deployment.stop()
        _deployments.remove(deployment)
        logs = ARTIFACTS_DIR / "server-logs"
        logs.mkdir(parents=True, exist_ok=True)
        for path in deployment.log_dir.glob("*.log"):
            shutil.copy(path, logs / path.name)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, portal_server, request):
    """Factory of pages, each in its own browser context (its own cookies)."""
    contexts = []

    def make(**options):
        context = browser.new_context(
            base_url=portal_server.base_url,
            locale="en-US",
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
            **options,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    report = getattr(request.node, "rep_call", None)
    failed = report is None or report.failed
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
    for index, context in enumerate(contexts):
        for number, page in enumerate(context.pages):
            if failed and not page.is_closed():
                ARTIFACTS_DIR.mkdir(exist_ok=True)
                path = ARTIFACTS_DIR / f"FAILED-{name}-{index}-{number}.png"
                # A failed screenshot must not hide the test's own failure.
                with contextlib.suppress(Exception):
                    page.screenshot(path=str(path), full_page=True)
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
