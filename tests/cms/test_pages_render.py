"""Every page type renders in both languages with its key content."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    # (path without language prefix, English text, Chinese text)
    ("", "Choose your business", "选择您的业务类型"),
    ("sme/", "Packages for your industry", "适合您行业的套餐"),
    ("enterprise/", "Talk to your account manager", "联系您的客户经理"),
    ("government/", "Procurement documents", "采购文件"),
    ("solutions/", "Smart Factory", "智能工厂"),
    ("solutions/smart-factory/", "Huaxin Precision Components", "华信精密零部件"),
    ("products/", "Business Fibre 500", "企业光纤 500"),
    ("products/cloud-pbx/", "UC-CLOUDPBX", "UC-CLOUDPBX"),
    ("events/", "Example Telecom Business Summit", "示例电信企业峰会"),
    (
        "events/business-summit/",
        "Hangzhou International Expo Centre",
        "杭州国际博览中心",
    ),
    ("help/", "Billing and payments", "账单与付款"),
    ("help/report-a-fault/", "Report a fault", "报告故障"),
]


@pytest.mark.parametrize(("path", "english", "chinese"), PAGES)
def test_page_renders_in_both_languages(client, path, english, chinese):
    en = client.get(f"/en/{path}")
    zh = client.get(f"/zh-hans/{path}")
    assert en.status_code == 200
    assert zh.status_code == 200
    assert english in en.content.decode()
    assert chinese in zh.content.decode()
    assert '<html lang="zh-hans">' in zh.content.decode()


def test_sme_page_groups_packages_by_industry(client):
    html = client.get("/en/sme/").content.decode()
    for slug in (
        "retail",
        "manufacturing",
        "hospitality",
        "education",
        "healthcare",
        "logistics",
    ):
        assert f'id="industry-{slug}"' in html
    assert "Business Fibre 500" in html


def test_product_page_has_walkthrough_and_manual(client):
    html = client.get("/en/products/cloud-pbx/").content.decode()
    assert html.count('class="walkthrough-step"') == 5  # four steps and the trial
    assert "Step 1 of 5" in html
    assert "Cloud PBX user manual" in html
    assert "30 days" in html  # trial terms


def test_manual_is_a_real_pdf(client):
    from cms.models import ProductPage

    product = ProductPage.objects.get(
        product_code="UC-CLOUDPBX", locale__language_code="zh-hans"
    )
    manual = product.manuals.get()
    with manual.document.file.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF")
    assert len(data) > 5000


def test_walkthrough_screenshots_are_images(client):
    from cms.models import ProductPage

    product = ProductPage.objects.get(
        product_code="FIBRE-BIZ-500", locale__language_code="en"
    )
    steps = list(product.walkthrough_steps.all())
    assert 3 <= len(steps) <= 5
    assert all(step.image.width == 1280 and step.image.height == 800 for step in steps)
