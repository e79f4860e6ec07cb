"""Proposed slots: working hours, holidays, make-up days, bookings and absences."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from portal.appointments.slots import (
    Slot,
    parse_key,
    propose_slots,
    working_days_after,
)
from portal.support.sla import WorkingCalendar

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOUR = timedelta(hours=1)
# Monday 2 March 2026, 10:00 in Shanghai.
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)


def local(day: int, hour: int, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=SHANGHAI)


def by_day(slots: list[Slot]) -> dict[date, list[int]]:
    days: dict[date, list[int]] = {}
    for slot in slots:
        start = slot.starts_at.astimezone(SHANGHAI)
        days.setdefault(start.date(), []).append(start.hour)
    return days


def test_slots_fill_the_working_hours_of_the_next_ten_working_days():
    slots = propose_slots(calendar=WorkingCalendar(), now=NOW, duration=HOUR)
    days = by_day(slots)
    # Tomorrow first (no same-day slots), two working weeks, no weekend.
    assert list(days)[0] == date(2026, 3, 3)
    assert len(days) == 10
    assert all(day.weekday() < 5 for day in days)
    assert days[date(2026, 3, 3)] == list(range(9, 18))
    assert slots[0].starts_at == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    assert all(slot.ends_at - slot.starts_at == HOUR for slot in slots)


def test_longer_appointments_end_by_the_end_of_the_working_day():
    slots = propose_slots(
        calendar=WorkingCalendar(day_start=time(9), day_end=time(17, 30)),
        now=NOW,
        duration=timedelta(hours=2),
    )
    # 09:00 to 15:00 starts; 16:00 would end at 18:00, after 17:30.
    assert by_day(slots)[date(2026, 3, 3)] == [9, 10, 11, 12, 13, 14, 15]


def test_public_holidays_are_skipped_and_make_up_days_are_offered():
    calendar = WorkingCalendar(
        holidays=frozenset({date(2026, 3, 4)}),
        extra_workdays=frozenset({date(2026, 3, 7)}),  # a Saturday
    )
    days = by_day(propose_slots(calendar=calendar, now=NOW, duration=HOUR))
    assert date(2026, 3, 4) not in days
    assert date(2026, 3, 7) in days
    assert date(2026, 3, 8) not in days
    assert len(days) == 10
    assert working_days_after(calendar, NOW)[:3] == [
        date(2026, 3, 3),
        date(2026, 3, 5),
        date(2026, 3, 6),
    ]


def test_existing_appointments_take_their_slots_and_the_overlapping_ones():
    busy = [(local(3, 10), local(3, 12))]
    one_hour = by_day(
        propose_slots(calendar=WorkingCalendar(), now=NOW, duration=HOUR, busy=busy)
    )
    assert one_hour[date(2026, 3, 3)] == [9, 12, 13, 14, 15, 16, 17]
    two_hours = by_day(
        propose_slots(
            calendar=WorkingCalendar(),
            now=NOW,
            duration=timedelta(hours=2),
            busy=busy,
        )
    )
    # 09:00-11:00 and 11:00-13:00 overlap 10:00-12:00; touching ends do not.
    assert two_hours[date(2026, 3, 3)] == [12, 13, 14, 15, 16]


def test_out_of_office_days_have_no_slots_but_do_not_stretch_the_window():
    away = {date(2026, 3, 3), date(2026, 3, 4)}
    days = by_day(
        propose_slots(calendar=WorkingCalendar(), now=NOW, duration=HOUR, away=away)
    )
    assert not away & set(days)
    assert len(days) == 8
    assert max(days) == date(2026, 3, 16)


def test_slots_follow_the_calendars_time_zone():
    calendar = WorkingCalendar(time_zone="Europe/Berlin")
    slots = propose_slots(
        calendar=calendar, now=datetime(2026, 3, 2, 12, tzinfo=UTC), duration=HOUR
    )
    # 09:00 in Berlin (UTC+1 in March before the change) is 08:00 UTC.
    assert slots[0].starts_at == datetime(2026, 3, 3, 8, 0, tzinfo=UTC)


def test_slot_keys_name_their_start_and_nothing_else():
    slot = Slot(starts_at=local(3, 9), ends_at=local(3, 10))
    assert slot.key == "20260303T010000Z"
    assert parse_key(slot.key) == slot.starts_at
    for bad in ("", "tomorrow", "20260303T0100Z", None, "2026-03-03T01:00:00"):
        assert parse_key(bad) is None
