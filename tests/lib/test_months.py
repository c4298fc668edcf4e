"""The month arithmetic every part of Ippo imports (server/lib/months.py)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from server.lib import months

D = dt.date
TOKYO, NEW_YORK = ZoneInfo("Asia/Tokyo"), ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("start", "count", "first"),
    [
        (D(2026, 11, 17), 1, D(2026, 12, 1)),
        (D(2026, 12, 31), 1, D(2027, 1, 1)),
        (D(2026, 1, 1), -1, D(2025, 12, 1)),
        (D(2026, 3, 31), -3, D(2025, 12, 1)),
        (D(2026, 11, 1), -24, D(2024, 11, 1)),
        (D(2026, 11, 1), 0, D(2026, 11, 1)),
    ],
)
def test_adding_months_lands_on_the_first_of_the_month(start, count, first):
    assert months.add_months(start, count) == first


@pytest.mark.parametrize(
    ("day", "count", "result"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 5, 31), 1, D(2026, 6, 30)),
        (D(2026, 11, 24), 6, D(2027, 5, 24)),
        (D(2026, 11, 24), -13, D(2025, 10, 24)),
    ],
)
def test_the_same_day_months_later_is_held_to_the_end_of_a_shorter_month(day, count, result):
    assert months.same_day(day, count) == result


def test_the_days_of_a_month():
    assert [months.days_in(D(2026, m, 1)) for m in (1, 2, 4, 12)] == [31, 28, 30, 31]
    assert months.days_in(D(2028, 2, 13)) == 29
    assert months.first_day(D(2026, 11, 30)) == D(2026, 11, 1)


def test_a_month_key_is_read_back_and_anything_else_is_none():
    assert months.parse_key("2026-11") == D(2026, 11, 1)
    assert months.key(D(2026, 11, 30)) == "2026-11"
    for bad in ("2026-13", "2026-00", "0000-01", "2026-1", "2026-11-01", "", None):
        assert months.parse_key(bad) is None, bad


def test_the_last_month_that_ended_in_her_zone_counts_the_grace_period():
    seven = dt.timedelta(hours=7)
    before = dt.datetime(2026, 11, 30, 21, 59, tzinfo=dt.UTC)  # 06:59 on 1 December in Tokyo
    assert months.last_ended(before, TOKYO, grace=seven) == D(2026, 10, 1)
    assert months.last_ended(before + dt.timedelta(minutes=1), TOKYO, grace=seven) == D(2026, 11, 1)
    assert months.last_ended(before, TOKYO) == D(2026, 11, 1)
    assert months.last_ended(before, NEW_YORK) == D(2026, 10, 1)  # still 30 November there


def test_a_day_begins_at_her_own_midnight_across_a_clock_change():
    assert months.local_midnight(D(2026, 11, 1), NEW_YORK) == dt.datetime(
        2026, 11, 1, 4, tzinfo=dt.UTC
    )
    assert months.local_midnight(D(2026, 11, 2), NEW_YORK) == dt.datetime(
        2026, 11, 2, 5, tzinfo=dt.UTC
    )
