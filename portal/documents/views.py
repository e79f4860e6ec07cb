"""Download of page PDFs: queue on first request, then serve the stored file."""

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from wagtail.models import Page

from portal.companies import permissions
from portal.documents import services
from portal.documents.models import PagePdfStatus
from portal.documents.storage import private_storage


def page_pdf(request, page_id: int):
    """The PDF of a published page; shows a waiting page while the worker renders it."""
    page = get_object_or_404(Page.objects.live().specific(), pk=page_id)
    if not services.page_pdf_supported(page=page):
        raise Http404("This page cannot be downloaded as PDF.")
    access = permissions.page_access(request.user, page, request=request)
    if access == "login":
        return redirect_to_login(request.get_full_path())
    if access != "ok":
        raise Http404("This page is not available to you.")
    page_pdf = services.page_pdf_request(page=page)
    if page_pdf.status == PagePdfStatus.READY:
        return FileResponse(
            private_storage().open(page_pdf.file_name, "rb"),
            as_attachment=True,
            filename=f"{page.slug}.pdf",
            content_type="application/pdf",
        )
    response = render(
        request, "pdf/page_pdf_status.html", {"page": page, "page_pdf": page_pdf}
    )
    response.status_code = 202
    response["Cache-Control"] = "no-store"
    return response
