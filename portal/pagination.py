"""Pages of long lists that are never counted (the staff work queue).

Django's Paginator counts every row to number the pages; on a queue of tens of
thousands of requests that count costs more than the page itself. `page_of` reads
one row more than it shows to know whether a next page exists.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UncountedPage:
    """One page of a list: its rows and its neighbours, without a total."""

    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)


def page_of(queryset, number, *, per_page: int, rows=None) -> UncountedPage:
    """Page `number` (1-based; anything invalid means 1) of an ordered queryset.

    With `rows`, a function from the page's window (a sliced queryset of keys) to
    the rows to show, the page is a late row lookup: the database orders and
    slices only `queryset`'s keys, which an index can cover, and reads whole rows,
    and joins their relations, for the page's rows alone.
    """
    try:
        number = max(1, int(number))
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * per_page
    window = queryset[offset : offset + per_page + 1]
    if rows is not None:
        window = rows(window.values("pk"))
    found = list(window)
    return UncountedPage(
        object_list=found[:per_page], number=number, has_next=len(found) > per_page
    )
