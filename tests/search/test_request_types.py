"""Request types in search: self-service starts from the search box too."""

import pytest

from portal.support.models import RequestType
from portal.taxonomy.models import Segment
from search.selectors import search_run
from tests.portal.companies.factories import CompanyFactory, member
from tests.search.conftest import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_request_type(on_commit, search_index):
    """An offered request type, saved as the admin saves it; its index tasks run."""

    def make(slug="move-office-line", segments=("sme",), **changes):
        def create():
            request_type = RequestType(
                slug=slug,
                name="Move an office line",
                name_zh_hans="办公专线移机",
                description="Move a fixed line or leased line to a new address.",
                description_zh_hans="将固话或专线迁移到新地址。",
                handling="self_service",
                fields=[
                    (
                        "field",
                        {
                            "name": "address",
                            "label": "New installation address",
                            "label_zh_hans": "新装机地址",
                            "kind": "text",
                            "required": True,
                            "choices": "",
                            "help_text": "",
                        },
                    )
                ],
                **changes,
            )
            request_type.save()
            request_type.segments.set(Segment.objects.filter(code__in=segments))
            request_type.save()  # parental many-to-many is written by save()
            return request_type

        return on_commit(create)

    return make


def hits_for(user, query, **filters):
    return search_run(query=query, user=user, filters=filters).outcome.hits


def test_a_request_type_is_found_in_each_language_by_who_may_file_it(
    make_request_type,
):
    make_request_type(segments=["sme"])
    sme_member = member(CompanyFactory(segment=Segment.objects.get(code="sme")))

    english = hits_for(sme_member, "move leased line new address")
    assert [(h.title, h.type, h.language) for h in english][:1] == [
        ("Move an office line", "request", "en")
    ]
    assert english[0].url == "/en/requests/new/move-office-line/"
    assert "<mark>" in english[0].snippet

    chinese = hits_for(sme_member, "专线移机", language="zh-hans")
    assert [(h.title, h.url) for h in chinese] == [
        ("办公专线移机", "/zh-hans/requests/new/move-office-line/")
    ]
    # A question of its form finds it too.
    assert hits_for(sme_member, "installation address")[0].title == (
        "Move an office line"
    )

    # Offered to SMEs only: not to other segments or to visitors.
    enterprise = member(CompanyFactory(segment=Segment.objects.get(code="enterprise")))
    assert hits_for(enterprise, "move office line") == []


def test_visitors_and_other_segments_never_see_a_request_type(
    client, make_request_type
):
    make_request_type(segments=["government"])
    assert api(client, q="move office line")["total"] == 0
    assert (
        client.get("/api/search/autocomplete/", {"q": "move an"}).json()["results"]
        == []
    )


def test_request_types_facet_and_filter(make_request_type, make_article):
    make_request_type(segments=["sme"])
    make_article("Moving your office line", "How a line move is planned.")
    sme_member = member(CompanyFactory(segment=Segment.objects.get(code="sme")))
    outcome = search_run(query="office line move", user=sme_member).outcome
    # The request type in both languages: each language's document carries the
    # other's name, as translated pages do.
    assert outcome.facets["type"] == {"article": 1, "request": 2}
    only = hits_for(sme_member, "office line move", type="request", language="en")
    assert [h.title for h in only] == ["Move an office line"]


def test_a_withdrawn_or_deleted_request_type_leaves_the_index(
    make_request_type, on_commit
):
    request_type = make_request_type(segments=["sme"])
    sme_member = member(CompanyFactory(segment=Segment.objects.get(code="sme")))
    assert len(hits_for(sme_member, "move office line")) == 2  # en and zh-hans

    request_type.is_active = False
    on_commit(request_type.save)
    assert hits_for(sme_member, "move office line") == []

    request_type.is_active = True
    on_commit(request_type.save)
    assert len(hits_for(sme_member, "办公专线移机", language="zh-hans")) == 1
    on_commit(request_type.delete)
    assert hits_for(sme_member, "move office line") == []
    assert hits_for(sme_member, "办公专线移机", language="zh-hans") == []


def test_results_page_names_types_and_languages_in_the_readers_words(
    client, make_article
):
    make_article("Roaming charges explained", "Roaming abroad.")
    page = client.get("/en/search/", {"q": "roaming"}).content.decode()
    assert '<p class="card-meta">Help articles · English</p>' in page
    chinese = client.get("/zh-hans/search/", {"q": "roaming"}).content.decode()
    assert '<p class="card-meta">帮助文章 · English</p>' in chinese
