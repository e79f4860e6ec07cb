"""The .ics invitations read back with an independent RFC 5545 parser."""

from datetime import UTC, datetime, timedelta

import icalendar

from portal.appointments import ics

START = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)


def event(**overrides) -> ics.CalendarEvent:
    values = {
        "uid": "abc123@appointments.portal",
        "sequence": 2,
        "starts_at": START,
        "ends_at": START + timedelta(hours=2),
        "summary": "Site survey · 海港茶楼, Harbour; Tea\\House",
        "description": "Line one\nLine two, with a comma; and a semicolon",
        "location": "Hangzhou West Lake branch, 1 Lake Road",
        "organizer": ics.Person(name='Qiang "Q" Wang', email="am1@example.test"),
        "attendees": (ics.Person(name="Anna Hu", email="anna@example.test"),),
    }
    values.update(overrides)
    return ics.CalendarEvent(**values)


def parse(text: str):
    calendar = icalendar.Calendar.from_ical(text)
    (vevent,) = calendar.walk("VEVENT")
    return calendar, vevent


def test_request_round_trips_through_a_real_parser():
    text = ics.calendar_text(event(), method=ics.METHOD_REQUEST, stamp=START)
    calendar, vevent = parse(text)
    assert calendar["METHOD"] == "REQUEST"
    assert calendar["VERSION"] == "2.0"
    assert str(vevent["UID"]) == "abc123@appointments.portal"
    assert int(vevent["SEQUENCE"]) == 2
    assert vevent.decoded("DTSTART") == START
    assert vevent.decoded("DTEND") == START + timedelta(hours=2)
    assert str(vevent["SUMMARY"]) == "Site survey · 海港茶楼, Harbour; Tea\\House"
    assert str(vevent["DESCRIPTION"]) == (
        "Line one\nLine two, with a comma; and a semicolon"
    )
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["ORGANIZER"]) == "mailto:am1@example.test"
    assert str(vevent["ATTENDEE"]) == "mailto:anna@example.test"
    assert vevent["ORGANIZER"].params["CN"] == "Qiang Q Wang"


def test_times_are_written_in_utc():
    text = ics.calendar_text(event(), method=ics.METHOD_REQUEST, stamp=START)
    assert "DTSTART:20260303T010000Z\r\n" in text
    assert "DTEND:20260303T030000Z\r\n" in text


def test_cancel_carries_method_and_status_cancel():
    text = ics.calendar_text(event(sequence=3), method=ics.METHOD_CANCEL, stamp=START)
    calendar, vevent = parse(text)
    assert calendar["METHOD"] == "CANCEL"
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert int(vevent["SEQUENCE"]) == 3


def test_lines_end_in_crlf_and_are_folded_at_75_octets():
    long_text = "会议说明 " * 60
    text = ics.calendar_text(
        event(description=long_text), method=ics.METHOD_REQUEST, stamp=START
    )
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)
    _calendar, vevent = parse(text)
    assert str(vevent["DESCRIPTION"]) == long_text


def test_escape_text():
    assert ics.escape_text("a\\b;c,d\r\ne\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
