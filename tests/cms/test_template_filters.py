"""The portal's template filters."""

from datetime import UTC, datetime

from django.template import Context, Template
from django.utils import timezone


def _render(source: str, **context) -> str:
    return Template("{% load portal_tags tz %}" + source).render(Context(context))


def test_short_datetime_prints_the_current_time_zone():
    moment = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    with timezone.override("Asia/Shanghai"):
        assert _render("{{ when|short_datetime }}", when=moment) == "2026-03-02 07:30"
        # After |utc it stays in UTC, as |date did.
        assert _render("{{ when|utc|short_datetime }}", when=moment) == (
            "2026-03-01 23:30"
        )
        assert _render("{{ when|short_datetime }}", when=None) == ""


def test_short_datetime_prints_what_the_date_filter_printed():
    moment = datetime(2026, 10, 25, 0, 45, tzinfo=UTC)  # a DST change in Europe
    with timezone.override("Europe/Berlin"):
        assert _render("{{ when|short_datetime }}", when=moment) == _render(
            '{{ when|date:"Y-m-d H:i" }}', when=moment
        )
