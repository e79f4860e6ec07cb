"""Links for the rows of a list: one `reverse` a page, not one a row.

Django's `reverse` (and the `{% url %}` tag) costs some 15 µs, mostly reading the
language, URL configuration and script prefix of the request; the work queue's
25 row links were 7% of its page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.urls import reverse

#: A key no row has, reversed in place of each row's key.
_PLACEHOLDER = 9_876_543_210_123


def row_url(viewname: str) -> Callable[[int], str]:
    """A function from a row's key to the URL `reverse(viewname, args=[key])`
    gives, in the current language; the view's one argument is an `<int:...>`."""
    head, found, tail = reverse(viewname, args=[_PLACEHOLDER]).partition(
        str(_PLACEHOLDER)
    )
    if not found:
        raise ValueError(f"{viewname}'s URL does not show its argument")
    return lambda key: f"{head}{int(key)}{tail}"


def link_rows(rows: Iterable, viewname: str) -> None:
    """Give each row (a model instance) its `link`: `viewname`'s URL for its key."""
    url = row_url(viewname)
    for row in rows:
        row.link = url(row.pk)
