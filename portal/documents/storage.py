"""Where generated PDFs are kept: outside MEDIA_ROOT, so only permission-checked
views can hand them out."""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


@cache
def private_storage() -> FileSystemStorage:
    root = getattr(settings, "PRIVATE_MEDIA_ROOT", None) or (
        Path(settings.VAR_DIR) / "private"
    )
    return FileSystemStorage(location=Path(root) / "pdf")
