"""Translated labels of choices, looked up once per language.

A choice's label is a lazy translation: each time a page prints it, Django finds
the active language and asks the catalogue again. The work queue and the request
and member lists print one or two labels a row, so a `Labels` table translates
its labels once per language and process and then answers with a dict lookup.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Choices
from django.utils.translation import get_language


class Labels:
    """value -> label in the active language, for a fixed set of lazy labels."""

    def __init__(self, labels: Mapping):
        self._labels = dict(labels)
        self._by_language: dict[str | None, dict] = {}

    @classmethod
    def of(cls, choices: type[Choices]) -> Labels:
        return cls(dict(choices.choices))

    def __getitem__(self, value) -> str:
        language = get_language()
        table = self._by_language.get(language)
        if table is None:
            table = {key: str(label) for key, label in self._labels.items()}
            self._by_language[language] = table
        return table[value]
