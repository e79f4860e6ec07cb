import subprocess

import pytest

from portal.documents import services
from portal.documents.models import PagePdf, PagePdfStatus
from tests.portal.trials.pages import make_article, make_product

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def test_article_pdf_is_generated_by_the_queue_and_downloaded(
    client, tmp_path, django_capture_on_commit_callbacks
):
    _page, translation = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"/zh-hans/pdf/page/{translation.pk}/")
    assert response.status_code == 202
    # The immediate task backend has already rendered it once the request commits.
    assert PagePdf.objects.get(page=translation).status == PagePdfStatus.READY
    response = client.get(f"/zh-hans/pdf/page/{translation.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(response.streaming_content), tmp_path)
    assert "重置控制台密码" in text
    assert "重置密码的步骤" in text
    assert "示例电信" in text


def test_product_manual_pdf_has_features_and_body(tmp_path):
    page = make_product(body_paragraphs=3)
    text = pdf_text(services.page_pdf_render(page=page), tmp_path)
    assert "Cloud Drive" in text
    assert "Files on every device." in text
    assert "Product manual" in text


def test_pdf_of_unpublished_or_unsupported_page_is_404(client):
    page, _ = make_article(slug="draft-article")
    page.unpublish()
    assert client.get(f"/en/pdf/page/{page.pk}/").status_code == 404
    home = page.get_parent().get_parent()
    assert client.get(f"/en/pdf/page/{home.pk}/").status_code == 404
