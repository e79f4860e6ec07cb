"""The SLA clock over business hours, holidays, pauses and daylight-saving changes."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.support.sla import (
    CalendarError,
    SlaClock,
    WorkingCalendar,
    add_business_minutes,
    business_minutes_between,
    business_time_between,
    subtract_business_time,
)

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
SHANGHAI = ZoneInfo("Asia/Shanghai")

NY = WorkingCalendar(time_zone="America/New_York", day_start=time(9), day_end=time(17))
UK = WorkingCalendar(time_zone="Europe/London", day_start=time(9), day_end=time(17))
# National Day week with its make-up working Sunday before and Saturday after.
CN = WorkingCalendar(
    time_zone="Asia/Shanghai",
    day_start=time(9),
    day_end=time(18),
    holidays=frozenset(date(2026, 10, d) for d in range(1, 8)),
    extra_workdays=frozenset({date(2026, 9, 27), date(2026, 10, 10)}),
)


def at(tz, *args):
    return datetime(*args, tzinfo=tz)


def test_adding_inside_one_working_day():
    start = at(SHANGHAI, 2026, 3, 2, 10, 0)  # Monday
    assert add_business_minutes(start, 90, CN) == at(SHANGHAI, 2026, 3, 2, 11, 30)


def test_adding_from_outside_hours_starts_at_the_next_opening():
    evening = at(SHANGHAI, 2026, 3, 2, 20, 0)
    assert add_business_minutes(evening, 30, CN) == at(SHANGHAI, 2026, 3, 3, 9, 30)
    saturday = at(SHANGHAI, 2026, 3, 7, 11, 0)
    assert add_business_minutes(saturday, 0, CN) == at(SHANGHAI, 2026, 3, 9, 9, 0)


def test_adding_skips_the_weekend():
    friday = at(SHANGHAI, 2026, 3, 6, 17, 0)
    assert add_business_minutes(friday, 120, CN) == at(SHANGHAI, 2026, 3, 9, 10, 0)


def test_adding_skips_public_holidays():
    before_holiday = at(SHANGHAI, 2026, 9, 30, 17, 0)
    assert add_business_minutes(before_holiday, 120, CN) == at(
        SHANGHAI, 2026, 10, 8, 10, 0
    )


def test_make_up_working_days_on_a_weekend_count():
    friday = at(SHANGHAI, 2026, 9, 25, 17, 30)
    # Saturday 26th is off, Sunday 27th is a make-up working day.
    assert add_business_minutes(friday, 60, CN) == at(SHANGHAI, 2026, 9, 27, 9, 30)
    assert (
        business_minutes_between(
            at(SHANGHAI, 2026, 10, 9, 17, 0), at(SHANGHAI, 2026, 10, 12, 10, 0), CN
        )
        == 60 + 9 * 60 + 60
    )


def test_elapsed_business_minutes_across_a_holiday_week():
    start = at(SHANGHAI, 2026, 9, 30, 17, 0)
    end = at(SHANGHAI, 2026, 10, 8, 10, 0)
    assert business_minutes_between(start, end, CN) == 120
    assert business_minutes_between(end, start, CN) == 0


def test_spring_forward_weekend_new_york():
    # DST starts Sunday 8 March 2026: Friday is UTC-5, Monday is UTC-4.
    friday = at(NEW_YORK, 2026, 3, 6, 16, 0)
    due = add_business_minutes(friday, 120, NY)
    assert due == at(NEW_YORK, 2026, 3, 9, 10, 0)
    assert due.astimezone(UTC) == datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    assert business_minutes_between(friday, due, NY) == 120


def test_fall_back_weekend_london():
    # DST ends Sunday 25 October 2026: Friday is UTC+1, Monday is UTC+0.
    friday = at(LONDON, 2026, 10, 23, 16, 30)
    due = add_business_minutes(friday, 60, UK)
    assert due.astimezone(UTC) == datetime(2026, 10, 26, 9, 30, tzinfo=UTC)


def test_working_hours_that_contain_the_change_count_real_time():
    night_shift = WorkingCalendar(
        time_zone="America/New_York",
        day_start=time(0),
        day_end=time(6),
        weekdays=frozenset(range(7)),
    )
    # 00:00-06:00 local is five real hours on the spring day, seven in the autumn.
    assert (
        business_minutes_between(
            at(NEW_YORK, 2026, 3, 8, 0), at(NEW_YORK, 2026, 3, 8, 6), night_shift
        )
        == 300
    )
    assert (
        business_minutes_between(
            at(NEW_YORK, 2026, 11, 1, 0), at(NEW_YORK, 2026, 11, 1, 6), night_shift
        )
        == 420
    )
    assert add_business_minutes(at(NEW_YORK, 2026, 3, 8, 0), 300, night_shift) == at(
        NEW_YORK, 2026, 3, 8, 6
    )


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        add_business_minutes(datetime(2026, 3, 2, 10), 10, CN)


def test_a_calendar_without_working_days_is_an_error_not_a_hang():
    never = WorkingCalendar(weekdays=frozenset())
    with pytest.raises(CalendarError):
        add_business_minutes(at(SHANGHAI, 2026, 3, 2, 10), 10, never)


def test_clock_pauses_while_waiting_for_the_customer():
    monday_9 = at(SHANGHAI, 2026, 3, 2, 9, 0)
    target = timedelta(hours=8)
    clock = SlaClock.started(monday_9)
    assert clock.due_at(target, CN) == at(SHANGHAI, 2026, 3, 2, 17, 0)
    assert clock.due_at(target, CN, ratio=0.8) == at(SHANGHAI, 2026, 3, 2, 15, 24)

    clock = clock.paused(at(SHANGHAI, 2026, 3, 2, 11, 0), CN)
    assert clock.elapsed == timedelta(hours=2)
    assert clock.due_at(target, CN) is None
    # Two days waiting for the customer do not count.
    assert clock.elapsed_at(at(SHANGHAI, 2026, 3, 4, 14, 0), CN) == timedelta(hours=2)

    clock = clock.resumed(at(SHANGHAI, 2026, 3, 4, 14, 0))
    # Six hours left: four on Wednesday, two on Thursday morning.
    assert clock.due_at(target, CN) == at(SHANGHAI, 2026, 3, 5, 11, 0)
    assert clock.fraction_used(target, at(SHANGHAI, 2026, 3, 4, 16, 0), CN) == 0.5


def test_clock_transitions_are_idempotent():
    now = at(SHANGHAI, 2026, 3, 2, 10, 0)
    clock = SlaClock.started(now)
    assert clock.resumed(now + timedelta(hours=1)) == clock
    paused = clock.paused(now + timedelta(hours=1), CN)
    assert paused.paused(now + timedelta(hours=3), CN) == paused


def test_an_overdue_clock_is_due_immediately():
    start = at(SHANGHAI, 2026, 3, 2, 9, 0)
    clock = SlaClock(elapsed=timedelta(hours=10), running_since=start)
    assert clock.due_at(timedelta(hours=8), CN) == start


@settings(max_examples=200, deadline=None)
@given(
    start=st.datetimes(
        min_value=datetime(2026, 1, 1),
        max_value=datetime(2026, 12, 31),
        timezones=st.just(NEW_YORK),
    ),
    minutes=st.integers(min_value=0, max_value=60 * 24 * 30),
)
def test_adding_then_measuring_gives_back_the_duration(start, minutes):
    due = add_business_minutes(start, minutes, NY)
    assert business_minutes_between(start, due, NY) == minutes
    local = due.astimezone(NEW_YORK)
    assert NY.is_working_day(local.date())
    assert time(9) <= local.time() <= time(17)


@pytest.mark.parametrize(
    "end",
    [
        datetime(2026, 3, 4, 3, 30, tzinfo=UTC),  # Wednesday 11:30 in Shanghai
        datetime(2026, 3, 2, 0, 30, tzinfo=UTC),  # Monday 08:30, before opening
        datetime(2026, 3, 8, 4, 0, tzinfo=UTC),  # Sunday
        datetime(2026, 10, 8, 12, 0, tzinfo=UTC),  # after the National Day holiday
        datetime(2026, 3, 9, 15, 0, tzinfo=UTC),  # New York, the day after DST began
    ],
)
def test_subtracting_business_time_is_the_clock_run_backwards(end):
    for calendar in (CN, NY, WorkingCalendar()):
        for hours in (0.5, 3, 9, 13.5, 40):
            start = subtract_business_time(end, timedelta(hours=hours), calendar)
            assert business_time_between(start, end, calendar) == timedelta(hours=hours)
