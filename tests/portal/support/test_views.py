"""Pages of service requests: raise, follow, download, queue, team view and report."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from portal.companies.models import MemberTier
from portal.support import services
from portal.support.attachments import attachment_add
from portal.support.models import (
    AccountManagerAbsence,
    RequestStatus,
    SelfServedAttempt,
    ServiceRequest,
)
from portal.support.reports import report_build
from tests.portal.companies.factories import CompanyFactory, member
from tests.portal.support.conftest import pdf_upload

pytestmark = pytest.mark.django_db


def raise_request(customer, request_type, site, key="v1", subject="Line down"):
    request, _ = services.request_submit(
        user=customer,
        request_type=request_type,
        subject=subject,
        answers={},
        idempotency_key=key,
        site=site,
    )
    return request


def test_customer_raises_a_request_through_the_form(
    client, customer, site, fault_type, manager, team
):
    client.force_login(customer)
    url = reverse("support:request_create", kwargs={"slug": fault_type.slug})
    page = client.get(url)
    assert page.status_code == 200
    assert b"data-deflect" in page.content
    data = {
        "idempotency_key": "form-key-1",
        "subject": "Shop offline",
        "site": site.pk,
        "answer_service": "Fibre 100",
        "answer_started": "2026-03-02",
        "answer_impact": "Whole site down",
        "answer_details": "Nothing works",
        "attachment": pdf_upload(),
    }
    response = client.post(url, data)
    assert response.status_code == 302
    again = client.post(url, {**data, "attachment": pdf_upload()})  # double click
    assert again.status_code == 302 and again.url == response.url
    request = ServiceRequest.objects.get(requester=customer)
    assert request.answers["impact"] == "Whole site down"
    assert request.attachments.count() == 1
    detail = client.get(response.url)
    assert b"We will respond by" in detail.content
    assert request.reference.encode() in detail.content
    # The answers appear under their questions, in the reader's language.
    assert "<dt>When did it start?</dt>" in detail.content.decode()
    zh = client.get(response.url.replace("/en/", "/zh-hans/", 1)).content.decode()
    assert "<dt>故障开始时间</dt>" in zh


def test_invalid_form_rerenders_with_errors(client, customer, fault_type, team):
    client.force_login(customer)
    url = reverse("support:request_create", kwargs={"slug": fault_type.slug})
    response = client.post(url, {"idempotency_key": "x", "subject": ""})
    assert response.status_code == 200
    assert b"This field is required" in response.content
    # Only the demo seed's requests exist: the invalid form raised none.
    assert not ServiceRequest.objects.filter(requester=customer).exists()


def test_self_service_request_shows_reference_and_next_steps(
    client, customer, site, bandwidth_type
):
    request = raise_request(customer, bandwidth_type, site)
    client.force_login(customer)
    response = client.get(reverse("support:request_detail", kwargs={"pk": request.pk}))
    assert b"accepted with reference" in response.content
    assert b"4 working hours" in response.content


def test_attachments_download_as_files_and_only_to_allowed_users(
    client, customer, site, fault_type, team, manager
):
    request = raise_request(customer, fault_type, site)
    text = SimpleUploadedFile("notes.txt", b"router serial 123")
    attachment = attachment_add(request=request, user=customer, upload=text)
    url = attachment.get_absolute_url()
    client.force_login(customer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "text/plain"
    client.force_login(manager)
    assert client.get(url).status_code == 200
    client.force_login(member(CompanyFactory(), MemberTier.ADMIN))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "name,content,error",
    [
        ("page.html", b"<html>", "not an accepted file type"),
        ("fake.pdf", b"<html><script>", "does not look like"),
        ("notes.txt", b"<script>alert(1)</script>", "contains HTML"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_attachment_validation(customer, site, fault_type, team, name, content, error):
    from django.core.exceptions import ValidationError

    request = raise_request(customer, fault_type, site)
    with pytest.raises(ValidationError, match=error):
        attachment_add(
            request=request, user=customer, upload=SimpleUploadedFile(name, content)
        )


def test_large_attachments_are_refused(customer, site, fault_type, team):
    from django.core.exceptions import ValidationError

    request = raise_request(customer, fault_type, site)
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError, match="larger than 10 MB"):
        attachment_add(request=request, user=customer, upload=big)


def test_other_companies_get_404_on_a_request(client, customer, site, fault_type, team):
    request = raise_request(customer, fault_type, site, subject="Secret outage")
    client.force_login(member(CompanyFactory(), MemberTier.ADMIN))
    url = reverse("support:request_detail", kwargs={"pk": request.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "hijack"}).status_code == 404
    assert b"Secret outage" not in client.get(reverse("support:request_list")).content


def test_queue_orders_by_sla_urgency_and_manager_works_the_request(
    client, customer, site, fault_type, manager, team
):
    from portal.support.models import RequestType

    billing = RequestType.objects.get(slug="billing-question")
    slow = raise_request(customer, billing, None, key="slow", subject="Invoice query")
    urgent = raise_request(customer, fault_type, site, key="fast", subject="Outage")
    client.force_login(manager)
    queue = client.get(reverse("support:work_queue")).content.decode()
    assert queue.index(urgent.reference) < queue.index(slow.reference)
    url = reverse("support:work_detail", kwargs={"pk": urgent.pk})
    page = client.get(url)
    assert b"Why it is here" in page.content
    assert b"available" in page.content
    client.post(url, {"action": "note", "body": "Check the OLT"})
    client.post(url, {"action": "reply", "body": "Engineer on the way"})
    client.post(url, {"action": "resolve", "body": "Fixed"})
    urgent.refresh_from_db()
    assert urgent.status == RequestStatus.RESOLVED
    client.force_login(customer)
    detail = client.get(reverse("support:request_detail", kwargs={"pk": urgent.pk}))
    assert b"Engineer on the way" in detail.content
    assert b"Check the OLT" not in detail.content  # internal notes stay internal
    rate = reverse("support:request_action", kwargs={"pk": urgent.pk, "action": "rate"})
    client.post(rate, {"rating": "4", "comment": "Good"})
    urgent.refresh_from_db()
    assert urgent.rating == 4 and urgent.status == RequestStatus.CLOSED


def test_team_member_claims_from_the_queue_and_lead_sees_load(
    client, customer, site, fault_type, manager, teammate, lead, team
):
    AccountManagerAbsence.objects.create(
        user=manager, starts_on=date.today(), ends_on=date.today() + timedelta(days=2)
    )
    request = raise_request(customer, fault_type, site)
    assert request.status == RequestStatus.OPEN
    client.force_login(teammate)
    url = reverse("support:work_detail", kwargs={"pk": request.pk})
    assert b"out of the office" in client.get(url).content
    client.post(url, {"action": "claim"})
    request.refresh_from_db()
    assert request.assignee == teammate
    client.force_login(lead)
    overview = client.get(reverse("support:team"))
    assert overview.status_code == 200
    assert teammate.email.encode() in overview.content
    client.force_login(customer)
    assert client.get(reverse("support:work_queue")).status_code == 403


def test_self_served_endpoint_counts_the_attempt(client, customer):
    client.force_login(customer)
    response = client.post(
        reverse("support:self_served"),
        {"subject": "reset router", "article_url": "/en/kb/reset/", "request_type": ""},
    )
    assert response.status_code == 200
    assert SelfServedAttempt.objects.filter(user=customer).count() == 1
    bad = client.post(reverse("support:self_served"), {"article_url": "http://x"})
    assert bad.status_code == 400 and "error" in bad.json()


def test_notifications_list(client, customer, site, fault_type, manager, team):
    raise_request(customer, fault_type, site)
    client.force_login(manager)
    response = client.get(reverse("support:notifications"))
    assert b"is assigned to you" in response.content


def test_operator_report_in_the_admin(
    client, customer, site, fault_type, bandwidth_type, manager, team, operator_admin
):
    # The demo seed has requests of its own: the report counts these on top.
    seeded = report_build()["by_handling"]
    raise_request(customer, fault_type, site, key="a")
    raise_request(customer, bandwidth_type, site, key="b")
    services.self_served_record(user=customer, subject="q", article_url="/en/kb/x/")
    client.force_login(operator_admin)
    response = client.get(reverse("support_report"))
    assert response.status_code == 200
    report = response.context["report"]
    assert report["by_handling"] == {
        kind: seeded[kind] + 1 for kind in ("self_served", "accepted", "routed")
    }
    self_handled = seeded["self_served"] + seeded["accepted"] + 2
    assert report["self_service_ratio"] == pytest.approx(
        100 * self_handled / (sum(seeded.values()) + 3), abs=0.05
    )
    client.force_login(customer)
    assert client.get(reverse("support_report")).status_code in (302, 403)


def test_request_types_are_editable_in_the_wagtail_admin(
    client, fault_type, operator_admin
):
    client.force_login(operator_admin)
    response = client.get(
        reverse("wagtailsnippets_support_requesttype:edit", args=[fault_type.pk])
    )
    assert response.status_code == 200
    assert b"Impact" in response.content


def test_sweep_command_runs(customer, site, fault_type, team):
    raise_request(customer, fault_type, site)
    call_command("support_sla_sweep", verbosity=0)


def test_staff_and_customers_each_read_the_status_in_their_own_words(
    client, customer, site, fault_type, manager, team
):
    request = raise_request(customer, fault_type, site, key="words")  # to `manager`
    services.request_ask_customer(
        request_id=request.pk, actor=manager, body="Is the power light on?"
    )
    client.force_login(manager)
    staff_page = client.get(reverse("support:work_detail", args=[request.pk]))
    assert "Waiting for the customer" in staff_page.content.decode()
    assert "until the customer answers" in staff_page.content.decode()
    assert "Waiting for your answer" not in staff_page.content.decode()
    client.force_login(customer)
    own_page = client.get(reverse("support:request_detail", args=[request.pk]))
    assert "Waiting for your answer" in own_page.content.decode()
