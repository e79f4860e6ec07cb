"""Attachments of requests: which files are accepted and how they are stored.

The type is decided by the extension and checked against the file's first bytes; the
stored content type comes from this table, never from the browser. Downloads are
always served as attachments (see `views.attachment_download`).
"""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.support.models import Attachment

MAX_SIZE = 10 * 1024 * 1024
ZIP_MAGIC = (b"PK\x03\x04",)

#: extension -> (content type, accepted leading bytes or None for text)
ALLOWED: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "txt": ("text/plain", None),
    "csv": ("text/csv", None),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP_MAGIC,
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ZIP_MAGIC,
    ),
    "zip": ("application/zip", ZIP_MAGIC),
}


def attachment_validate(upload) -> tuple[str, str]:
    """Check an uploaded file; returns (clean file name, content type)."""
    name = PurePath(upload.name or "").name.strip()[:200] or "file"
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = ", ".join(sorted(ALLOWED))
    if extension not in ALLOWED:
        raise ValidationError(
            _("%(name)s is not an accepted file type. Accepted: %(allowed)s.")
            % {"name": name, "allowed": allowed}
        )
    if upload.size > MAX_SIZE:
        raise ValidationError(
            _("%(name)s is larger than 10 MB; compress or split it.") % {"name": name}
        )
    if upload.size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    content_type, magic = ALLOWED[extension]
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if magic is None:
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError:
            text = ""
            if b"\x00" in head:
                raise ValidationError(
                    _("%(name)s is not a text file.") % {"name": name}
                ) from None
        if "<html" in text.lower() or "<script" in text.lower():
            raise ValidationError(
                _("%(name)s contains HTML; send it as a PDF instead.") % {"name": name}
            )
    elif not head.startswith(magic):
        raise ValidationError(
            _("%(name)s does not look like a .%(ext)s file; check the file.")
            % {"name": name, "ext": extension}
        )
    return name, content_type


def attachment_add(*, request, user, upload, event=None, internal=False) -> Attachment:
    """Store an uploaded file on a request after validating it."""
    name, content_type = attachment_validate(upload)
    attachment = Attachment(
        request=request,
        event=event,
        original_name=name,
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
        internal=internal,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    return attachment
