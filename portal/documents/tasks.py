"""Background jobs of the documents app (run by the task worker)."""

from django_tasks import task

from portal.documents import services


@task()
def generate_page_pdf(pdf_id: int) -> None:
    """Render a page's PDF outside the request that asked for it."""
    services.page_pdf_generate(pdf_id=pdf_id)
