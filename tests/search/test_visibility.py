"""Restricted content never leaks, and the index follows publishing."""

import pytest
from wagtail.models import PageViewRestriction

from search.selectors import search_run
from tests.portal.companies.factories import CompanyFactory, member
from tests.search.conftest import api

pytestmark = pytest.mark.django_db
MARKER = "zqxmarker7731"


def search_titles(client, q):
    return [r["title"] for r in api(client, q=q)["results"]]


def titles_for(user, q):
    # Signed-in users go through the selector the API calls: the test client's
    # force_login session does not survive this project's session middleware.
    return [h.title for h in search_run(query=q, user=user).outcome.hits]


def test_segment_restricted_article_only_for_that_segment(client, make_article):
    from portal.taxonomy.models import Segment

    make_article(
        "Government tender checklist",
        f"Internal checklist {MARKER}.",
        restricted_segments=["government"],
    )
    assert search_titles(client, MARKER) == []
    assert (
        client.get("/api/search/autocomplete/", {"q": "government t"}).json()["results"]
        == []
    )

    page = client.get("/en/search/", {"q": MARKER}).content.decode()
    assert "Government tender checklist" not in page
    other = CompanyFactory(segment=Segment.objects.get(code="sme"))
    assert titles_for(member(other), MARKER) == []
    allowed = CompanyFactory(segment=Segment.objects.get(code="government"))
    assert titles_for(member(allowed), MARKER) == ["Government tender checklist"]


def test_company_group_restricted_article_only_for_its_members(
    client, make_article, on_commit
):
    company = CompanyFactory()
    article = make_article("Your dedicated line contract", f"Contract {MARKER}.")
    assert search_titles(client, MARKER) == ["Your dedicated line contract"]

    def restrict():
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(company.group)

    on_commit(restrict)
    assert search_titles(client, MARKER) == []
    assert titles_for(member(CompanyFactory()), MARKER) == []
    assert titles_for(member(company), MARKER) == ["Your dedicated line contract"]


def test_unpublish_publish_delete_update_the_index(client, make_article, on_commit):
    article = make_article("Eject the SIM tray", f"Use the pin {MARKER}.")
    assert search_titles(client, MARKER) == ["Eject the SIM tray"]
    on_commit(article.unpublish)
    assert search_titles(client, MARKER) == []
    on_commit(lambda: article.get_latest_revision().publish())
    assert search_titles(client, MARKER) == ["Eject the SIM tray"]

    def rename():
        article.title = "Open the SIM tray"
        article.save_revision().publish()

    on_commit(rename)
    assert search_titles(client, MARKER) == ["Open the SIM tray"]
    on_commit(article.delete)
    assert search_titles(client, MARKER) == []


def test_drafts_are_not_searchable(client, make_article):
    make_article("Draft about eSIM", f"Not yet {MARKER}.", publish=False)
    assert search_titles(client, MARKER) == []


def test_segment_and_group_restricted_article_needs_both(make_article, on_commit):
    """An article restricted to a segment and to a company group: only readers who
    hold both see it in search, exactly as the page itself decides."""
    from portal.companies.permissions import can_view_page
    from portal.taxonomy.models import Segment
    from search.selectors import autocomplete_titles

    government = Segment.objects.get(code="government")
    owner = CompanyFactory(segment=government)
    article = make_article(
        "Ministry framework pricing",
        f"Framework prices {MARKER}.",
        restricted_segments=["government"],
    )

    def restrict():
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(owner.group)

    on_commit(restrict)
    allowed = member(owner)
    same_segment_other_company = member(CompanyFactory(segment=government))
    # In the company's group, but working for a company of another segment.
    group_member_wrong_segment = member(CompanyFactory())
    group_member_wrong_segment.groups.add(owner.group)

    assert titles_for(allowed, MARKER) == ["Ministry framework pricing"]
    for reader in (same_segment_other_company, group_member_wrong_segment):
        assert titles_for(reader, MARKER) == []
        assert autocomplete_titles(prefix="ministry fr", user=reader) == []
        assert not can_view_page(reader, article)
    assert [s.title for s in autocomplete_titles(prefix="ministry fr", user=allowed)]


def test_audience_clauses_all_must_hold():
    from search.audience import allows, clause

    document = {clause(["segment:government", "segment:enterprise"]), "group:7"}
    assert allows(document, {"public", "segment:enterprise", "group:7"})
    assert not allows(document, {"public", "segment:enterprise"})
    assert not allows(document, {"public", "group:7", "segment:sme"})
    assert allows(document, {"*"})
    assert allows({"public"}, {"public"})
    assert not allows(set(), {"public"})
