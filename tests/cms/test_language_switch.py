"""The language switcher keeps the visitor on the same page."""

import re

import pytest

from cms.models import ProductPage

pytestmark = pytest.mark.django_db


def _switch_links(html: str) -> dict:
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</span>")]
    return {
        lang: href
        for href, lang in re.findall(r'<a href="([^"]+)" lang="([^"]+)"', switcher)
    }


@pytest.mark.parametrize(
    "path",
    ["/en/", "/en/sme/", "/en/products/cloud-pbx/", "/en/help/report-a-fault/"],
)
def test_switch_to_chinese_and_back_keeps_the_page(client, path):
    links = _switch_links(client.get(path).content.decode())
    zh_path = links["zh-hans"]
    assert zh_path == path.replace("/en/", "/zh-hans/", 1)
    zh_links = _switch_links(client.get(zh_path).content.decode())
    assert zh_links["en"] == path


def test_untranslated_page_falls_back_to_the_home_page(client):
    product = ProductPage.objects.get(
        product_code="UC-CLOUDPBX", locale__language_code="zh-hans"
    )
    product.unpublish()
    links = _switch_links(client.get("/en/products/cloud-pbx/").content.decode())
    assert links["zh-hans"] == "/zh-hans/"
