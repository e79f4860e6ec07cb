"""Haystack's Whoosh backend with the Chinese/English analyzer on every text field."""

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend

from search.analyzers import ChineseEnglishAnalyzer


class ChineseWhooshSearchBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        for field in fields.values():
            if (
                field.field_type == "string"
                and not field.is_multivalued
                and getattr(field, "analyzer", None) is None
            ):
                field.analyzer = ChineseEnglishAnalyzer()
        return super().build_schema(fields)


class ChineseWhooshEngine(WhooshEngine):
    backend = ChineseWhooshSearchBackend
