"""iCalendar invitations (RFC 5545, with the iTIP methods of RFC 5546).

An appointment is one calendar event: its UID never changes, and every update the
attendees receive carries a higher SEQUENCE, so calendar programs replace the
event they have instead of adding a second one. METHOD:REQUEST books or moves
it, METHOD:CANCEL removes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

PRODID = "-//Business Portal//Appointments//EN"
METHOD_REQUEST = "REQUEST"
METHOD_CANCEL = "CANCEL"
# Content lines are at most 75 octets; longer ones continue after CRLF + space.
MAX_OCTETS = 75


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    sequence: int
    starts_at: datetime
    ends_at: datetime
    summary: str
    organizer: Person
    attendees: Sequence[Person] = field(default_factory=tuple)
    description: str = ""
    location: str = ""
    url: str = ""
    cancelled: bool = False
    # A time proposed by the organizer that the attendee has not accepted yet.
    tentative: bool = False


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def _param(value: str) -> str:
    # Parameter values cannot escape a double quote; quoting covers ":", ";", ",".
    cleaned = "".join(c for c in value if c != '"' and c.isprintable())
    return f'"{cleaned}"'


def _utc(instant: datetime) -> str:
    if instant.tzinfo is None:
        raise ValueError("Calendar times must be aware datetimes.")
    return instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    parts: list[str] = []
    current, size = "", 0
    limit = MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            # Continuation lines start with a space, which counts towards 75.
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += octets
    parts.append(current)
    return "\r\n ".join(parts)


def calendar_text(event: CalendarEvent, *, method: str, stamp: datetime) -> str:
    """The VCALENDAR of one event for `method` (REQUEST or CANCEL), CRLF-separated."""
    if method not in (METHOD_REQUEST, METHOD_CANCEL):
        raise ValueError(f"Unsupported iTIP method {method!r}.")
    cancelled = method == METHOD_CANCEL or event.cancelled
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines.append(
        f"ORGANIZER;CN={_param(event.organizer.name)}:mailto:{event.organizer.email}"
    )
    answer = "NEEDS-ACTION" if event.tentative else "ACCEPTED"
    for person in event.attendees:
        lines.append(
            f"ATTENDEE;CN={_param(person.name)};ROLE=REQ-PARTICIPANT;"
            f"PARTSTAT={answer}:mailto:{person.email}"
        )
    if cancelled:
        status = "CANCELLED"
    else:
        status = "TENTATIVE" if event.tentative else "CONFIRMED"
    lines += [
        f"STATUS:{status}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
