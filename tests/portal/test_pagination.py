"""Uncounted pages, read directly or as a late row lookup."""

import pytest
from django.contrib.auth.models import Group

from portal.pagination import page_of


def _by_name(window):
    """The rows of a window of keys, in the window's order."""
    return Group.objects.filter(pk__in=window).order_by(*window.query.order_by)


@pytest.mark.django_db
@pytest.mark.parametrize("number", [1, 2, 3, 4, "2", "x", None, -1])
def test_a_late_row_lookup_reads_the_same_page_as_a_slice(number):
    Group.objects.bulk_create(Group(name=f"group {n:02}") for n in range(7))
    ordered = Group.objects.filter(name__startswith="group ").order_by("-name", "pk")
    direct = page_of(ordered, number, per_page=3)
    late = page_of(ordered, number, per_page=3, rows=_by_name)
    assert [g.name for g in late] == [g.name for g in direct]
    assert (late.number, late.has_next, late.has_previous) == (
        direct.number,
        direct.has_next,
        direct.has_previous,
    )


@pytest.mark.django_db
def test_the_last_page_has_no_next_and_a_page_past_the_end_is_empty():
    Group.objects.bulk_create(Group(name=f"group {n:02}") for n in range(6))
    ordered = Group.objects.filter(name__startswith="group ").order_by("name", "pk")
    last = page_of(ordered, 2, per_page=3, rows=_by_name)
    assert [g.name for g in last] == ["group 03", "group 04", "group 05"]
    assert not last.has_next and last.has_previous
    past = page_of(ordered, 5, per_page=3, rows=_by_name)
    assert list(past) == [] and not past.has_next
