"""The one reader of the process environment.

Every setting that differs between a laptop and production comes from here, so
production differs from development only by environment variables.
"""

import os
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env_str(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_required(name: str) -> str:
    value = env_str(name)
    if value is None:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set when DJANGO_DEBUG is off."
        )
    return value


def cache_config(url: str | None) -> dict:
    """Redis when CACHE_URL is set, else a per-process memory cache."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("CACHE_URL must be a redis:// or rediss:// URL.")
    return {
        "BACKEND": "portal.redis_cache.SharedClientRedisCache",
        "LOCATION": url,
    }


def email_config(url: str | None) -> dict:
    """SMTP settings from EMAIL_URL (smtp://user:pass@host:port?tls=1), else console."""
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parsed = urlparse(url)
    if parsed.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured("EMAIL_URL must be an smtp:// or smtps:// URL.")
    query = parse_qs(parsed.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or (465 if parsed.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": parsed.username or "",
        "EMAIL_HOST_PASSWORD": parsed.password or "",
        "EMAIL_USE_SSL": parsed.scheme == "smtps",
        "EMAIL_USE_TLS": query.get("tls", ["0"])[0] in {"1", "true"},
    }


def search_config(url: str | None, whoosh_path: str) -> dict:
    """Haystack connection: Elasticsearch when SEARCH_URL is set, else Whoosh on disk."""
    if not url:
        return {
            "ENGINE": "search.backends.whoosh_cjk.ChineseWhooshEngine",
            "PATH": whoosh_path,
        }
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"}:
        raise ImproperlyConfigured(
            "SEARCH_URL must be an http(s):// Elasticsearch URL."
        )
    index_name = parsed.path.strip("/") or "portal"
    return {
        "ENGINE": "search.backends.elasticsearch_cjk.ChineseElasticsearchEngine",
        "URL": f"{parsed.scheme}://{parsed.netloc}/",
        "INDEX_NAME": index_name,
    }
