"""Searching through the API and the results page."""

import pytest

from tests.search.conftest import api

pytestmark = pytest.mark.django_db


def test_api_returns_results_facets_and_snippets(client, make_article):
    make_article(
        "Reset your fibre router",
        "Hold the reset button of the fibre router for ten seconds.",
        category="faults",
        segments=["sme"],
    )
    make_article(
        "光纤路由器重置", "按住光纤路由器的重置按钮十秒钟。", language="zh-hans"
    )
    data = api(client, q="router reset")
    assert data["query"] == "router reset"
    assert data["total"] >= 1
    first = data["results"][0]
    assert first["title"] == "Reset your fibre router"
    assert first["type"] == "article"
    assert first["external_id"].startswith("T-")
    assert "<mark>" in first["snippet"]
    assert set(first) >= {"title", "url", "type", "external_id", "score", "snippet"}
    assert data["facets"]["type"]["article"] >= 1
    assert data["facets"]["category"]["faults"] >= 1
    assert data["facets"]["segments"]["sme"] >= 1


def test_chinese_query_finds_chinese_article(client, make_article):
    make_article(
        "宽带专线故障排查", "如果宽带专线中断，请先检查光猫指示灯。", language="zh-hans"
    )
    data = api(client, q="专线 中断")
    assert data["results"][0]["title"] == "宽带专线故障排查"
    assert data["results"][0]["language"] == "zh-hans"


def test_facet_filters_narrow_results_and_counts_follow(client, make_article):
    make_article(
        "Billing address change", "Change the billing address.", segments=["sme"]
    )
    make_article(
        "Billing contacts for enterprises",
        "Billing contacts of a company.",
        segments=["enterprise"],
    )
    everything = api(client, q="billing")
    assert everything["total"] == 2
    assert everything["facets"]["segments"] == {"enterprise": 1, "sme": 1}
    narrowed = api(client, q="billing", segment="sme")
    assert narrowed["total"] == 1
    assert narrowed["results"][0]["title"] == "Billing address change"
    # A facet's own selection does not hide its other values.
    assert narrowed["facets"]["segments"] == {"enterprise": 1, "sme": 1}
    assert api(client, q="billing", language="zh-hans")["total"] == 0


def test_an_article_in_several_segments_counts_in_each(client, make_article):
    make_article("Billing for all", "Billing.", segments=["sme", "enterprise"])
    make_article("Billing for small firms", "Billing.", segments=["sme"])
    make_article("Billing without a segment", "Billing.")
    facets = api(client, q="billing")["facets"]
    assert facets["segments"] == {"sme": 2, "enterprise": 1}
    narrowed = api(client, q="billing", segment="enterprise")
    assert narrowed["total"] == 1
    assert narrowed["facets"]["segments"] == {"sme": 2, "enterprise": 1}
    assert narrowed["facets"]["type"] == {"article": 1}


def test_pagination_and_date_sort(client, make_article):
    for n in range(12):
        make_article(f"Roaming tip {n}", "Roaming abroad with your SIM.")
    first = api(client, q="roaming", limit=5)
    second = api(client, q="roaming", limit=5, page=2)
    assert first["total"] == 12
    assert len(first["results"]) == 5
    assert not {r["url"] for r in first["results"]} & {
        r["url"] for r in second["results"]
    }
    newest = api(client, q="roaming", sort="date", limit=1)
    assert newest["results"][0]["title"] == "Roaming tip 11"


def test_did_you_mean_suggests_a_known_word(client, make_article):
    make_article("Configure the firewall", "Firewall rules for the office.")
    data = api(client, q="firewal")
    assert data["suggestion"] == "firewall"


@pytest.mark.parametrize(
    "params,reason",
    [
        ({}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "wifi", "limit": "0"}, "limit"),
        ({"q": "wifi", "limit": "abc"}, "limit"),
        ({"q": "wifi", "type": "nonsense"}, "type"),
        ({"q": "wifi", "segment": "martians"}, "segment"),
        ({"q": "wifi", "language": "fr"}, "language"),
        ({"q": "wifi", "page": "-1"}, "page"),
        ({"q": "wifi", "sort": "random"}, "sort"),
    ],
)
def test_api_rejects_bad_parameters_with_a_reason(client, search_index, params, reason):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert reason in response.json()["reason"]


def test_the_apis_required_query_stays_its_own(client, search_index):
    """The parameter forms share their fields; requiring a query changes none."""
    assert client.get("/api/search/", {"q": ""}).status_code == 400
    assert client.get("/en/search/", {"q": ""}).status_code == 200
    assert client.get("/api/search/", {"q": " "}).status_code == 400


def test_results_page_shows_snippets_facets_and_paging(client, make_article):
    for n in range(11):
        make_article(
            f"Invoice question {n}", "Where is my invoice?", category="billing"
        )
    response = client.get("/en/search/", {"q": "invoice"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>invoice</mark>" in html.lower() or "<mark>Invoice</mark>" in html
    assert 'data-facet="type"' in html
    assert "(11)" in html
    assert 'rel="next"' in html
    assert client.get("/en/search/", {"q": "invoice", "page": "x"}).status_code == 400


def test_autocomplete_suggests_titles_by_prefix(client, make_article):
    make_article("Mobile data roaming in Asia")
    make_article("移动数据漫游", language="zh-hans")
    data = client.get("/api/search/autocomplete/", {"q": "mobile da"}).json()
    assert [r["title"] for r in data["results"]] == ["Mobile data roaming in Asia"]
    data = client.get("/api/search/autocomplete/", {"q": "roam"}).json()
    assert data["results"][0]["title"] == "Mobile data roaming in Asia"
    data = client.get("/api/search/autocomplete/", {"q": "移动"}).json()
    assert data["results"][0]["title"] == "移动数据漫游"
    assert client.get("/api/search/autocomplete/").status_code == 400


def test_queries_are_logged_for_the_report(client, make_article, admin_client):
    make_article("Porting your number")
    api(client, q="porting")
    api(client, q="Porting ")
    api(client, q="teleportation device")
    from search.selectors import query_report

    report = query_report(days=7)
    top = {row["query"]: row["total"] for row in report["top"]}
    assert top["porting"] == 2
    assert [row["query"] for row in report["zero"]] == ["teleportation device"]
    page = admin_client.get("/admin/reports/search-queries/")
    assert page.status_code == 200
    assert "teleportation device" in page.content.decode()


def test_query_counts_are_batched_and_written_together(db, monkeypatch):
    from search import services
    from search.models import SearchQueryStat

    services.query_log_flush()
    monkeypatch.setattr(services, "QUERY_LOG_FLUSH_SECONDS", 3600)
    services.query_log_record(query="Router reset", language="en", total=4)
    services.query_log_record(query="router  reset", language="en", total=0)
    services.query_log_record(query="宽带", language="zh-hans", total=2)
    assert not SearchQueryStat.objects.exists()  # counted, not written yet

    assert services.query_log_flush() == 2
    row = SearchQueryStat.objects.get(query="router reset")
    assert (row.searches, row.zero_result_searches, row.last_total) == (2, 1, 0)
    services.query_log_record(query="router reset", language="en", total=3)
    services.query_log_flush()
    row.refresh_from_db()
    assert (row.searches, row.zero_result_searches, row.last_total) == (3, 1, 3)
    assert SearchQueryStat.objects.get(query="宽带").searches == 1


def test_words_side_by_side_rank_above_scattered_words(client, make_article, settings):
    settings.SEARCH_EMBEDDINGS = "off"  # the lexical ranking alone
    # Created first, so on a tie it would come first.
    make_article(
        "Help article one",
        "Open the router page and save it. The password is on the box label.",
    )
    make_article(
        "Help article two",
        "Open the router password page and save it. It is on the box label.",
    )
    titles = [r["title"] for r in api(client, q="router password")["results"]]
    assert titles == ["Help article two", "Help article one"]
    # Stop words between the words do not break the pair.
    titles = [r["title"] for r in api(client, q="the router, the password")["results"]]
    assert titles[0] == "Help article two"


def test_a_language_filter_counts_word_statistics_in_that_language(make_article):
    """With one language asked for, a word common in its articles weighs little
    even when the other language's articles (which lack it) are many."""
    from search.backends.whoosh_cjk import IndexView
    from search.engine import backend

    for n in range(4):
        make_article(f"Guide {n}", "The modem guide.")
    for n in range(12):
        make_article(f"指南{n}", "调制解调器指南。", language="zh-hans")
    view = backend()._view()
    assert isinstance(view, IndexView)
    everywhere = view.scores(["modem"], []).max()
    in_english = view.scores(["modem"], [], language="en").max()
    assert in_english < everywhere / 2
