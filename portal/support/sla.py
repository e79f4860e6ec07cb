"""The SLA clock: business-time arithmetic over a region's working calendar.

Pure functions over plain values, so the clock can be tested without a database and
reasoned about in one place. Every instant is an aware datetime; arithmetic is done in
UTC because Python's arithmetic on aware datetimes sharing a zone is wall-clock
arithmetic, which is wrong across a daylight-saving change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# A calendar without any working day would make "add N business minutes" loop forever;
# ten years is far beyond any SLA and turns a bad calendar into an error.
MAX_SEARCH_DAYS = 3660
ZERO = timedelta(0)


class CalendarError(ValueError):
    """The calendar has no working time in the searched range."""


@dataclass(frozen=True)
class WorkingCalendar:
    """Working hours in a time zone, with public holidays and make-up working days.

    `extra_workdays` are weekend days that are worked (common around Chinese public
    holidays); `holidays` win over the weekday rule but not over an extra workday.
    """

    time_zone: str = "Asia/Shanghai"
    day_start: time = time(9, 0)
    day_end: time = time(18, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    holidays: frozenset[date] = field(default_factory=frozenset)
    extra_workdays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self):
        if self.day_end <= self.day_start:
            raise CalendarError("The working day must end after it starts.")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_workdays:
            return True
        return day.weekday() in self.weekdays and day not in self.holidays

    def interval(self, day: date) -> tuple[datetime, datetime]:
        """The working interval of a day as UTC instants (wall-clock hours, local)."""
        start = datetime.combine(day, self.day_start, tzinfo=self.tz)
        end = datetime.combine(day, self.day_end, tzinfo=self.tz)
        return start.astimezone(UTC), end.astimezone(UTC)


def _utc(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("SLA arithmetic needs aware datetimes.")
    return instant.astimezone(UTC)


def _intervals_from(
    calendar: WorkingCalendar, instant: datetime
) -> Iterator[tuple[datetime, datetime]]:
    """Working intervals, clipped to start at `instant`, in time order."""
    day = instant.astimezone(calendar.tz).date() - timedelta(days=1)
    for offset in range(MAX_SEARCH_DAYS):
        current = day + timedelta(days=offset)
        if not calendar.is_working_day(current):
            continue
        start, end = calendar.interval(current)
        if end <= instant:
            continue
        yield max(start, instant), end
    raise CalendarError(
        "The calendar has no working time in the next ten years; add working days."
    )


def add_business_time(
    start: datetime, duration: timedelta, calendar: WorkingCalendar
) -> datetime:
    """The instant when `duration` of business time has passed after `start`."""
    if duration < ZERO:
        raise ValueError("Business time to add must not be negative.")
    remaining = duration
    cursor = _utc(start)
    for begin, end in _intervals_from(calendar, cursor):
        length = end - begin
        if remaining <= length:
            # A zero duration outside working hours lands on the next opening.
            return begin + remaining
        remaining -= length
    raise CalendarError("unreachable")  # pragma: no cover


def subtract_business_time(
    end: datetime, duration: timedelta, calendar: WorkingCalendar
) -> datetime:
    """The instant `duration` of business time before `end` (the clock backwards)."""
    if duration < ZERO:
        raise ValueError("Business time to subtract must not be negative.")
    remaining = duration
    end = _utc(end)
    day = end.astimezone(calendar.tz).date()
    for _ in range(MAX_SEARCH_DAYS):
        if calendar.is_working_day(day):
            start, finish = calendar.interval(day)
            finish = min(finish, end)
            if finish > start:
                if finish - start >= remaining:
                    return finish - remaining
                remaining -= finish - start
        day -= timedelta(days=1)
    raise CalendarError(
        "The calendar has no working time in the last ten years; add working days."
    )


def add_business_minutes(
    start: datetime, minutes: int, calendar: WorkingCalendar
) -> datetime:
    """`add_business_time` with a number of minutes, as SLA policies state them."""
    return add_business_time(start, timedelta(minutes=minutes), calendar)


def business_time_between(
    start: datetime, end: datetime, calendar: WorkingCalendar
) -> timedelta:
    """Business time elapsed from `start` to `end` (zero if `end` is not later)."""
    start, end = _utc(start), _utc(end)
    if end <= start:
        return ZERO
    total = ZERO
    for begin, finish in _intervals_from(calendar, start):
        if begin >= end:
            break
        total += min(finish, end) - begin
    return total


def business_minutes_between(
    start: datetime, end: datetime, calendar: WorkingCalendar
) -> float:
    """`business_time_between` in minutes."""
    return business_time_between(start, end, calendar) / timedelta(minutes=1)


@dataclass(frozen=True)
class SlaClock:
    """A stopwatch of business time that can pause while the customer is asked.

    `elapsed` is the business time counted until `running_since`; a paused clock has
    `running_since` None. Instances are immutable: every transition returns a new one.
    """

    elapsed: timedelta = ZERO
    running_since: datetime | None = None

    @classmethod
    def started(cls, now: datetime) -> SlaClock:
        return cls(elapsed=ZERO, running_since=_utc(now))

    @property
    def is_running(self) -> bool:
        return self.running_since is not None

    def elapsed_at(self, now: datetime, calendar: WorkingCalendar) -> timedelta:
        if self.running_since is None:
            return self.elapsed
        return self.elapsed + business_time_between(self.running_since, now, calendar)

    def paused(self, now: datetime, calendar: WorkingCalendar) -> SlaClock:
        if self.running_since is None:
            return self
        return SlaClock(elapsed=self.elapsed_at(now, calendar), running_since=None)

    def resumed(self, now: datetime) -> SlaClock:
        if self.running_since is not None:
            return self
        return replace(self, running_since=_utc(now))

    def due_at(
        self, target: timedelta, calendar: WorkingCalendar, *, ratio: float = 1.0
    ) -> datetime | None:
        """When `ratio` of `target` will have elapsed; None while paused."""
        if self.running_since is None:
            return None
        remaining = max(target * ratio - self.elapsed, ZERO)
        return add_business_time(self.running_since, remaining, calendar)

    def fraction_used(
        self, target: timedelta, now: datetime, calendar: WorkingCalendar
    ) -> float:
        if target <= ZERO:
            return 1.0
        return self.elapsed_at(now, calendar) / target
