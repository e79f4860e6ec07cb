"""Test settings: the production settings module with test-only speed-ups.

The environment is filled in before `portal.settings` reads it, so tests run the
same code path as production (DEBUG off) with a throwaway key and local hosts.
"""

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_DEBUG", "0")
_TMP = tempfile.mkdtemp(prefix="portal-tests-")
os.environ.setdefault("PORTAL_VAR_DIR", _TMP)

# Each pytest-xdist worker gets its own Redis database: the suite clears the cache
# between tests, and Redis's clear() flushes the whole database, so a shared one
# would let one worker wipe the cache under the other's test.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
if os.environ.get("CACHE_URL", "").startswith("redis"):
    _url = urlsplit(os.environ["CACHE_URL"])
    _db = int(_url.path.strip("/") or 0) + int(_WORKER.removeprefix("gw")) + 1
    os.environ["CACHE_URL"] = urlunsplit(_url._replace(path=f"/{_db}"))

from portal.settings import *  # noqa: E402,F403
from portal.settings import HAYSTACK_CONNECTIONS  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = os.path.join(_TMP, "media")
STATIC_ROOT = os.path.join(_TMP, "static")
os.makedirs(STATIC_ROOT, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Tasks run in the test process as soon as they are enqueued (after commit).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if HAYSTACK_CONNECTIONS["default"]["ENGINE"].endswith("ChineseWhooshEngine"):
    HAYSTACK_CONNECTIONS["default"]["PATH"] = os.path.join(_TMP, "whoosh")
ACCOUNT_RATE_LIMITS = False
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "WARNING"},
}
