"""Proposed slots: free times in an account manager's working hours.

Pure functions over plain values, like the SLA clock they share the working
calendar with (`portal.support.sla.WorkingCalendar`), so the rules can be tested
without a database. Every instant is an aware UTC datetime.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from portal.support.sla import MAX_SEARCH_DAYS, CalendarError, WorkingCalendar

#: Slots are offered on this many working days, starting the next working day:
#: a manager needs at least a day's notice to prepare or travel.
BUSINESS_DAYS = 10
#: Slots start on the hour (in the calendar's zone, whose working day starts on it).
STEP = timedelta(hours=1)
KEY_FORMAT = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True, order=True)
class Slot:
    """A free interval; `key` names it in forms and URLs."""

    starts_at: datetime
    ends_at: datetime

    @property
    def key(self) -> str:
        return self.starts_at.astimezone(UTC).strftime(KEY_FORMAT)


def parse_key(key: str) -> datetime | None:
    """The UTC start a slot key names, or None when it names nothing."""
    try:
        start = datetime.strptime(key or "", KEY_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    # strptime accepts one-digit fields; a key is only ever written one way.
    return start if start.strftime(KEY_FORMAT) == key else None


def _overlaps(start: datetime, end: datetime, busy: Iterable[tuple]) -> bool:
    return any(begin < end and start < finish for begin, finish in busy)


def working_days_after(
    calendar: WorkingCalendar, now: datetime, count: int = BUSINESS_DAYS
) -> list[date]:
    """The next `count` working days of the calendar, today excluded."""
    today = now.astimezone(calendar.tz).date()
    days: list[date] = []
    for offset in range(1, MAX_SEARCH_DAYS):
        day = today + timedelta(days=offset)
        if calendar.is_working_day(day):
            days.append(day)
            if len(days) == count:
                return days
    raise CalendarError(
        "The calendar has no working time in the next ten years; add working days."
    )


def propose_slots(
    *,
    calendar: WorkingCalendar,
    now: datetime,
    duration: timedelta,
    busy: Iterable[tuple[datetime, datetime]] = (),
    away: Iterable[date] = (),
    business_days: int = BUSINESS_DAYS,
) -> list[Slot]:
    """Free slots of `duration` within working hours of the next working days.

    `busy` are the manager's appointments (start, end); `away` are the local dates
    they are out of office. Public holidays and weekends come from the calendar.
    """
    busy = list(busy)
    away = frozenset(away)
    slots: list[Slot] = []
    for day in working_days_after(calendar, now, business_days):
        if day in away:
            continue
        opens, closes = calendar.interval(day)
        start = opens
        while start + duration <= closes:
            end = start + duration
            if start > now and not _overlaps(start, end, busy):
                slots.append(Slot(starts_at=start, ends_at=end))
            start += STEP
    return slots
