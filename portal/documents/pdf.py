"""PDF rendering with WeasyPrint: the one boundary every PDF of the portal goes through.

Templates live in the theme under `documents/`. Rendering never touches the network:
`/static/` and `/media/` URLs are read from disk and anything else is refused, so a
link in editor content cannot make the server fetch arbitrary URLs.
"""

import logging
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

# WeasyPrint reports every rendering step at INFO (from its import on), which
# drowns the server log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import HTML  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

# A base URL that cannot be resolved, so relative links map onto the fetcher below.
BASE_URL = "https://portal.pdf.invalid/"


class LocalFileFetcher(URLFetcher):
    """Serves static and media files from disk and refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(BASE_URL):
            raise ValueError(f"External resources are not fetched for PDFs: {url}")
        path = "/" + url[len(BASE_URL) :].split("?")[0].split("#")[0]
        file_path = _local_path(path)
        if file_path is None or not file_path.is_file():
            raise ValueError(f"No local file for {path}")
        return URLFetcherResponse(url, file_path.read_bytes())


def _local_path(path: str) -> Path | None:
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        return Path(found) if found else None
    if path.startswith(settings.MEDIA_URL):
        root = Path(settings.MEDIA_ROOT).resolve()
        candidate = (root / path[len(settings.MEDIA_URL) :]).resolve()
        return candidate if candidate.is_relative_to(root) else None
    return None


def render_html_to_pdf(html: str) -> bytes:
    """Turn an HTML string into PDF bytes."""
    return HTML(
        string=html, base_url=BASE_URL, url_fetcher=LocalFileFetcher()
    ).write_pdf()


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a theme template under `documents/` to PDF bytes."""
    return render_html_to_pdf(render_to_string(template_name, context))
