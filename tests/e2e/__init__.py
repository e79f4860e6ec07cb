"""Browser tests: Playwright driving /usr/bin/chromium against a real server."""
