"""Helpers for browser tests: accessibility check, sign-in, sign-up with the e-mailed
link, reauthentication and screenshots."""

from __future__ import annotations

import re
import time
from pathlib import Path

from bench.deployment import REPO_DIR

ARTIFACTS_DIR = REPO_DIR / "test-artifacts"
AXE_SCRIPT = REPO_DIR / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as test-artifacts/<name>.png and return its path."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    path = ARTIFACTS_DIR / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page, *, exclude: tuple[str, ...] = (), disable_rules=()) -> list:
    """Run axe-core in the page and return its serious and critical violations."""
    if not AXE_SCRIPT.exists():
        raise AssertionError(
            f"{AXE_SCRIPT} is missing: run `npm ci` in {REPO_DIR} to install axe-core."
        )
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    options = {
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in disable_rules},
    }
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    results = page.evaluate(
        "([context, options]) => axe.run(context || document, options)",
        [context, options],
    )
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


def axe_check(page, *, exclude: tuple[str, ...] = (), disable_rules=()) -> None:
    """Fail when axe-core finds serious or critical accessibility violations."""
    violations = axe_violations(page, exclude=exclude, disable_rules=disable_rules)
    if not violations:
        return
    lines = [f"Accessibility violations on {page.url}:"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    raise AssertionError("\n".join(lines))


def login(page, email: str, password: str, *, next_url: str | None = None) -> None:
    """Sign in through the allauth form at /en/accounts/login/ and wait to leave it."""
    url = "/en/accounts/login/"
    if next_url:
        url += f"?next={next_url}"
    page.goto(url)
    form = page.locator("form").filter(has=page.locator("input[name='password']"))
    form.locator("input[name='login']").fill(email)
    form.locator("input[name='password']").fill(password)
    form.locator("button[type='submit'], input[type='submit']").first.click()
    page.wait_for_load_state()
    if "/2fa/authenticate/" in page.url:
        # Staff sign in with MFA; demo staff share a public TOTP secret. allauth
        # refuses a code used once already (this user signed in earlier in the same
        # 30 seconds): like a person, wait for the next code and try that.
        for attempt in range(2):
            if attempt:
                time.sleep(30.5 - time.time() % 30)
            page.fill("input[name='code']", demo_totp_code())
            page.locator("main form button[type='submit']").first.click()
            page.wait_for_load_state()
            if "/2fa/authenticate/" not in page.url:
                break
    if "/accounts/login/" in page.url:
        errors = page.locator(".errorlist, .alert, [role='alert']").all_inner_texts()
        raise AssertionError(f"Sign-in as {email} failed: {errors or page.url}")
    if "/accounts/confirm-email/" in page.url:
        raise AssertionError(f"{email} has no verified e-mail address; sign-in stops.")


def demo_totp_code() -> str:
    """The current TOTP code of the demo staff accounts (portal/companies/demo.py)."""
    import base64
    import hashlib
    import hmac
    import struct
    import time

    key = base64.b32decode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    digest = hmac.new(key, struct.pack(">Q", int(time.time() // 30)), hashlib.sha1)
    raw = digest.digest()
    offset = raw[-1] & 0x0F
    value = struct.unpack(">I", raw[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def log_size(server) -> int:
    """Where the server's log ends now; pass it as `after` to `last_link`."""
    return len((server.log_dir / "gunicorn.log").read_text(errors="replace"))


def last_link(server, pattern: str, *, after: int = 0, timeout: float = 15) -> str:
    """The last URL matching `pattern` that the server e-mailed (console backend)."""
    log = server.log_dir / "gunicorn.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")[after:]
        links = re.findall(r"https?://[^\s\"<>]+" + pattern + r"[^\s\"<>]*", text)
        if links:
            return links[-1]
        time.sleep(0.3)
    raise AssertionError(f"No e-mail with a link matching {pattern!r} was sent.")


def relative(url: str) -> str:
    """The path of an absolute URL, for a page whose base URL differs."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def sign_up_and_verify(page, server, email: str, password: str) -> None:
    """Sign up through allauth and follow the e-mailed confirmation link."""
    mark = log_size(server)
    page.goto("/en/accounts/signup/")
    page.fill("input[name='email']", email)
    page.fill("input[name='password1']", password)
    page.fill("input[name='password2']", password)
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_load_state()
    page.goto(relative(last_link(server, "/accounts/confirm-email/", after=mark)))
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_load_state()


def confirm_password(page, password: str) -> None:
    """Answer allauth's "confirm access" page, which sensitive changes lead to."""
    assert "/accounts/reauthenticate/" in page.url, page.url
    page.fill("input[name='password']", password)
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_load_state()
