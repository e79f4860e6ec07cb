"""Row links: the URL `reverse` gives, for every key, in every language."""

import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from portal.links import link_rows, row_url


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize(
    "viewname", ["support:work_detail", "support:request_detail", "trials:quote"]
)
def test_a_row_url_is_what_reverse_gives(language, viewname):
    with translation.override(language):
        url = row_url(viewname)
        for key in (1, 7, 10, 123456, 9_876_543_210_123):
            assert url(key) == reverse(viewname, args=[key])


def test_a_view_without_an_argument_has_no_row_url():
    with pytest.raises(NoReverseMatch):
        row_url("support:work_queue")


def test_link_rows_gives_each_row_its_link():
    rows = [Group(pk=3), Group(pk=41)]
    link_rows(rows, "support:work_detail")
    assert [row.link for row in rows] == [
        reverse("support:work_detail", args=[3]),
        reverse("support:work_detail", args=[41]),
    ]
