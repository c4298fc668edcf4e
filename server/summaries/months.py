"""Calendar months and the user's own zone: the arithmetic every part of summaries shares."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

MONTH_KEY = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def first_day(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, count: int) -> dt.date:
    """The first day of the month `count` months after (or before) `month`'s."""
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def days_in(month: dt.date) -> int:
    return (add_months(month, 1) - first_day(month)).days


def parse_key(key: str) -> dt.date | None:
    """'2026-11' → 2026-11-01; None for anything else."""
    match = MONTH_KEY.match(key or "")
    if match is None or int(match.group(1)) < dt.MINYEAR:  # there is no year 0
        return None
    return dt.date(int(match.group(1)), int(match.group(2)), 1)


def key(month: dt.date) -> str:
    return f"{month:%Y-%m}"


def local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The instant `day` begins in `zone`."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone)


def due_month(now: dt.datetime, zone: ZoneInfo, hour: int) -> dt.date:
    """The month whose summary is due at `now` in `zone`: the one before the month in which
    the latest 1st-of-the-month `hour`:00 (local) fell."""
    shifted = now.astimezone(zone) - dt.timedelta(hours=hour)
    return add_months(first_day(shifted.date()), -1)
