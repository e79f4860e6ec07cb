"""Objects of the victim company for the cross-tenant matrix (tests/portal/tenancy.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from portal.support import services
from portal.support.attachments import attachment_add
from portal.support.models import RequestType


def _victim_request(victim):
    request, _ = services.request_submit(
        user=victim.admin,
        request_type=RequestType.objects.get(slug="report-fault"),
        subject="Zebra Secret outage at the branch",
        answers={},
        idempotency_key="cross-tenant",
        site=victim.site,
    )
    return request


def request_kwargs(victim) -> dict:
    return {"pk": _victim_request(victim).pk}


def request_action_kwargs(victim) -> dict:
    return {"pk": _victim_request(victim).pk, "action": "rate"}


def attachment_kwargs(victim) -> dict:
    upload = SimpleUploadedFile("zebra.txt", b"Zebra Secret network plan")
    attachment = attachment_add(
        request=_victim_request(victim), user=victim.admin, upload=upload
    )
    return {"pk": attachment.pk}
