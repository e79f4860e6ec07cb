"""Writes of the documents app: asking for a page's PDF and generating it."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from wagtail.models import Page

from portal.documents import pdf, selectors
from portal.documents.models import PagePdf, PagePdfStatus
from portal.documents.storage import private_storage

logger = logging.getLogger(__name__)

# Page types that can be downloaded as PDF, with the template each one uses.
PAGE_PDF_TEMPLATES = {
    "knowledgearticlepage": "documents/knowledge_article.html",
    "productpage": "documents/product_manual.html",
}


def page_pdf_supported(*, page: Page) -> bool:
    """Whether this page type has a PDF template."""
    return page.specific_class._meta.model_name in PAGE_PDF_TEMPLATES


def page_pdf_request(*, page: Page) -> PagePdf:
    """Return the PDF of the page's live revision, queueing its generation if needed.

    Called by the download view; a failed attempt is retried on the next request.
    """
    from portal.documents.tasks import generate_page_pdf

    with transaction.atomic():
        page_pdf, created = PagePdf.objects.get_or_create(
            page=page, revision_key=selectors.page_revision_key(page=page)
        )
        if not created and page_pdf.status != PagePdfStatus.FAILED:
            return page_pdf
        if not created:
            PagePdf.objects.filter(pk=page_pdf.pk).update(
                status=PagePdfStatus.PENDING, error=""
            )
            page_pdf.status = PagePdfStatus.PENDING
        transaction.on_commit(lambda: generate_page_pdf.enqueue(page_pdf.pk))
    page_pdf.refresh_from_db()
    return page_pdf


def page_pdf_render(*, page: Page) -> bytes:
    """Render a page to PDF bytes in the page's own language."""
    page = page.specific
    template = PAGE_PDF_TEMPLATES[page._meta.model_name]
    with translation.override(page.locale.language_code):
        return pdf.render_pdf(
            template,
            {
                "page": page,
                "branding": selectors.document_branding(),
                "generated_at": timezone.now(),
            },
        )


def page_pdf_generate(*, pdf_id: int) -> None:
    """Render a queued page PDF and store it privately; marks it ready or failed."""
    with transaction.atomic():
        page_pdf = (
            PagePdf.objects.select_for_update().select_related("page").get(pk=pdf_id)
        )
        if page_pdf.status == PagePdfStatus.READY:
            return
    try:
        content = page_pdf_render(page=page_pdf.page)
    except Exception as error:
        logger.exception("PDF of page %s failed", page_pdf.page_id)
        PagePdf.objects.filter(pk=pdf_id).update(
            status=PagePdfStatus.FAILED,
            error=str(error)[:2000],
            finished_at=timezone.now(),
        )
        return
    name = private_storage().save(
        f"pages/{page_pdf.page_id}-{page_pdf.revision_key}.pdf", ContentFile(content)
    )
    PagePdf.objects.filter(pk=pdf_id).update(
        status=PagePdfStatus.READY,
        file_name=name,
        size=len(content),
        finished_at=timezone.now(),
    )
