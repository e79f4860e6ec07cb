"""Synonyms, promoted results and article feedback."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from cms.models import ArticleFeedback
from search.models import SynonymGroup
from tests.search.conftest import api

pytestmark = pytest.mark.django_db


def test_synonyms_find_articles_with_the_other_words(client, make_article, settings):
    # Lexical only: the embeddings alone connect 宽带 and broadband.
    settings.SEARCH_EMBEDDINGS = "off"
    make_article("宽带故障报修", "宽带中断时请报修。", language="zh-hans")
    make_article("Leased line fault", "If the leased line is down, call us.")
    assert api(client, q="broadband")["total"] == 0
    SynonymGroup.objects.create(terms="宽带, broadband\ninternet access")
    SynonymGroup.objects.create(terms="专线, leased line, dedicated line")
    assert [r["title"] for r in api(client, q="broadband")["results"]] == [
        "宽带故障报修"
    ]
    titles = [r["title"] for r in api(client, q="dedicated line")["results"]]
    assert "Leased line fault" in titles


def test_promoted_results_come_first_and_respect_restrictions(client, make_article):
    public = make_article("How to pay an invoice", "Pay by bank transfer.")
    secret = make_article(
        "Invoice terms for agencies", "Terms.", restricted_segments=["government"]
    )
    query = Query.get("Invoice")
    SearchPromotion.objects.create(query=query, page=secret, sort_order=0)
    SearchPromotion.objects.create(
        query=query, page=public, sort_order=1, description="Editor's pick."
    )
    data = api(client, q="invoice")
    assert [p["title"] for p in data["promoted"]] == ["How to pay an invoice"]
    html = client.get("/en/search/", {"q": "invoice"}).content.decode()
    assert "Editor&#x27;s pick." in html or "Editor's pick." in html


def test_feedback_is_stored_with_the_query(client, make_article):
    article = make_article("Change your Wi-Fi password")
    token = client.get("/en/search/feedback/", {"format": "json"}).json()["csrfToken"]
    assert token
    response = client.post(
        "/en/search/feedback/",
        {"article": article.pk, "helpful": "1", "query": "wifi password"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert response.json()["saved"] is True
    feedback = ArticleFeedback.objects.get(article=article)
    assert feedback.helpful is True
    assert feedback.query == "wifi password"


def test_feedback_without_javascript_confirms_then_saves(client, make_article):
    article = make_article("Set up voicemail")
    page = client.get("/en/search/feedback/", {"article": article.pk, "helpful": "0"})
    assert page.status_code == 200
    assert "csrfmiddlewaretoken" in page.content.decode()
    response = client.post(
        "/en/search/feedback/",
        {"article": article.pk, "helpful": "0", "comment": "Missing steps."},
    )
    assert response.status_code == 200
    assert ArticleFeedback.objects.get(article=article).comment == "Missing steps."


def test_feedback_rejects_bad_input_and_restricted_articles(client, make_article):
    secret = make_article("Agency only", "x", restricted_segments=["government"])
    bad = client.post(
        "/en/search/feedback/", {"article": "x"}, HTTP_ACCEPT="application/json"
    )
    assert bad.status_code == 400
    hidden = client.post(
        "/en/search/feedback/",
        {"article": secret.pk, "helpful": "1"},
        HTTP_ACCEPT="application/json",
    )
    assert hidden.status_code == 404
    assert not ArticleFeedback.objects.exists()


def test_article_page_has_feedback_form_and_stays_cacheable(client, make_article):
    article = make_article("Pair a Bluetooth headset")
    first = client.get(article.url)
    assert b"data-article-feedback" in first.content
    assert not first.cookies
    assert client.get(article.url)["X-Page-Cache"] == "hit"
