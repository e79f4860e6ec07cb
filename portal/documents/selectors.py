"""Reads of the documents app: branding for templates and the PDF of a page."""

from wagtail.models import Page

from portal.documents.models import DocumentBranding, PagePdf


def document_branding() -> DocumentBranding:
    """The operator's branding, shared by every PDF template."""
    return DocumentBranding.load()


def page_revision_key(*, page: Page) -> str:
    """Identifies the published content a PDF was made from."""
    return str(page.live_revision_id or page.latest_revision_id or 0)


def page_pdf_current(*, page: Page) -> PagePdf | None:
    """The PDF of the page's live revision, whatever its status, if one was asked for."""
    return PagePdf.objects.filter(
        page=page, revision_key=page_revision_key(page=page)
    ).first()
