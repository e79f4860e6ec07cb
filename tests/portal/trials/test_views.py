"""The trials pages: who sees what, the product page actions and the PDFs."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from portal.companies.models import MemberTier
from portal.trials import services
from portal.trials.models import Trial, TrialState
from tests.portal.companies.factories import CompanyFactory, member
from tests.portal.trials.conftest import REQUEST

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    # The factories set the password without saving it; save so the session's
    # password hash matches the stored one.
    user.save()
    client.force_login(user)


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def start_via_page(client, user):
    sign_in(client, user)
    return client.post(
        reverse("trials:start", args=["CLOUD-DRIVE"]),
        {"use_case": "Share files", "quota_seats": 5, "quota_storage": 50},
    )


def test_anonymous_product_page_is_cacheable_and_shows_only_sign_in(
    client, trial_policy, product
):
    response = client.get(product.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sign in to start a trial" in html
    assert "Start a free trial" not in html
    assert response["X-Page-Cache"] == "miss"
    assert client.get(product.url)["X-Page-Cache"] == "hit"


def test_signed_in_members_see_the_actions_their_tier_allows(
    client, trial_policy, product, sme
):
    sign_in(client, member(sme, MemberTier.OPERATOR))
    html = client.get(product.url).content.decode()
    assert "Start a free trial" in html and "Book a live demo" in html
    sign_in(client, member(sme, MemberTier.VIEWER))
    html = client.get(product.url).content.decode()
    assert "Start a free trial" not in html and "Sign in to start a trial" not in html


def test_secret_is_shown_once_and_credentials_only_to_the_right_tier(
    client, trial_policy, sme, sme_admin
):
    response = start_via_page(client, sme_admin)
    assert response.status_code == 302
    trial = Trial.objects.get(company=sme)
    assert trial.state == TrialState.ACTIVE
    first = client.get(reverse("trials:list")).content.decode()
    assert "data-secret" in first and trial.credentials.get().login in first
    second = client.get(reverse("trials:list")).content.decode()
    assert "data-secret" not in second and trial.credentials.get().login in second
    sign_in(client, member(sme, MemberTier.VIEWER))
    viewer_html = client.get(reverse("trials:list")).content.decode()
    assert (
        "Cloud Drive" in viewer_html
        and trial.credentials.get().login not in viewer_html
    )
    assert client.post(reverse("trials:reissue", args=[trial.pk])).status_code == 403


def test_refused_request_rerenders_the_form_with_the_reason(
    client, trial_policy, sme_admin
):
    start_via_page(client, sme_admin)
    response = start_via_page(client, sme_admin)
    assert response.status_code == 200
    assert "12 months" in response.content.decode()


def test_other_companies_cannot_see_trials_quotes_or_pdfs(
    client, trial_policy, sme_admin
):
    trial = services.trial_request(
        user=sme_admin, product_code="CLOUD-DRIVE", requested=REQUEST, use_case="x"
    ).trial
    quote = services.trial_convert(
        trial_id=trial.pk, user=sme_admin, quantities=REQUEST
    )
    sign_in(client, member(CompanyFactory(), MemberTier.ADMIN))
    for name, arg in (
        ("trials:agreement_pdf", trial.pk),
        ("trials:quote", quote.pk),
        ("trials:quote_pdf", quote.pk),
        ("trials:convert", trial.pk),
    ):
        assert client.get(reverse(name, args=[arg])).status_code == 404
    assert (
        client.post(reverse("trials:quote_accept", args=[quote.pk])).status_code == 404
    )
    assert "Cloud Drive" not in client.get(reverse("trials:list")).content.decode()


def test_agreement_and_quote_pdfs_are_bilingual(
    client, trial_policy, sme_admin, tmp_path
):
    trial = services.trial_request(
        user=sme_admin, product_code="CLOUD-DRIVE", requested=REQUEST, use_case="x"
    ).trial
    sign_in(client, sme_admin)
    response = client.get(reverse("trials:agreement_pdf", args=[trial.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    for expected in (
        "Trial agreement",
        "试用协议",
        "小微科技 Tiny Tech",
        "Cloud Drive",
        "示例电信",
        "Seats",
    ):
        assert expected in text
    quote = services.trial_convert(
        trial_id=trial.pk, user=sme_admin, quantities=REQUEST
    )
    text = pdf_text(
        client.get(reverse("trials:quote_pdf", args=[quote.pk])).content, tmp_path
    )
    for expected in ("报价单", quote.number, "每月合计", "175.00"):
        assert expected in text


def test_agreement_pdf_page_renders_cjk_glyphs(
    client, trial_policy, sme_admin, tmp_path
):
    """Renders page 1 to PNG for a person to look at, and checks it is not blank."""
    trial = services.trial_request(
        user=sme_admin, product_code="CLOUD-DRIVE", requested=REQUEST, use_case="x"
    ).trial
    sign_in(client, sme_admin)
    pdf_path = tmp_path / "agreement.pdf"
    pdf_path.write_bytes(
        client.get(reverse("trials:agreement_pdf", args=[trial.pk])).content
    )
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf_path),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 10_000
    # Kept for a person to look at (CI uploads test-artifacts/).
    artifacts = Path(__file__).resolve().parents[3] / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    shutil.copy(png, artifacts / "trial-agreement-page-1.png")
    fonts = subprocess.run(
        ["pdffonts", str(pdf_path)], capture_output=True, text=True
    ).stdout
    assert "NotoSansCJK" in fonts.replace(" ", "") or "Noto" in fonts


def test_manager_dashboard_and_approval(
    client, trial_policy, gov_admin, account_manager
):
    trial = services.trial_request(
        user=gov_admin, product_code="CLOUD-DRIVE", requested=REQUEST, use_case="Pilot"
    ).trial
    sign_in(client, gov_admin)
    assert client.get(reverse("trials:manager")).status_code == 403
    sign_in(client, account_manager)
    html = client.get(reverse("trials:manager")).content.decode()
    assert f'data-pending="{trial.pk}"' in html
    response = client.post(
        reverse("trials:decide", args=[trial.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    trial.refresh_from_db()
    assert trial.state == TrialState.ACTIVE


def test_book_a_live_demo_books_an_appointment_for_the_product(
    client, trial_policy, product, sme_admin, django_capture_on_commit_callbacks
):
    """Issue 6: the product page's button goes through the appointment booking."""
    import re

    from django.core import mail

    from portal.appointments.models import Appointment, AppointmentKind

    sign_in(client, sme_admin)
    html = client.get(product.url).content.decode()
    link = re.search(r'href="([^"]*kind=live_demo[^"]*)"', html).group(1)
    url = link.replace("&amp;", "&")
    assert url.startswith(reverse("appointments:book"))
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["product"] == product.pk
    slot = form.fields["slot"].choices[0][0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"product": product.pk, "slot": slot})
    assert response.status_code == 302
    appointment = Appointment.objects.get(company=sme_admin.membership.company)
    assert appointment.kind == AppointmentKind.LIVE_DEMO
    assert appointment.product_id == product.pk
    assert "am@telecom.example" in {to for m in mail.outbox for to in m.to}
