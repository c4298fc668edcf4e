"""Calendar months (and the instant a day begins in her own zone): the one place Ippo does
month arithmetic. A month is named by its first day (2026-11-01) or its key ("2026-11")."""

import datetime as dt
import re

MONTH_KEY = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def first_day(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, count: int) -> dt.date:
    """The first day of the month `count` months after (or before) `month`'s."""
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def days_in(month: dt.date) -> int:
    return (add_months(month, 1) - first_day(month)).days


def same_day(day: dt.date, count: int) -> dt.date:
    """The same day of the month `count` months later (or earlier); the month's last day
    when it is shorter (31 January + 1 month → 28 or 29 February)."""
    month = add_months(day, count)
    return month.replace(day=min(day.day, days_in(month)))


def parse_key(key: str) -> dt.date | None:
    """'2026-11' → 2026-11-01; None for anything else."""
    match = MONTH_KEY.match(key or "")
    if match is None or int(match.group(1)) < dt.MINYEAR:  # there is no year 0
        return None
    return dt.date(int(match.group(1)), int(match.group(2)), 1)


def key(month: dt.date) -> str:
    return f"{month:%Y-%m}"


def local_midnight(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """The instant `day` begins in `zone` (where a month's or a week's range starts)."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone)


def last_ended(
    now: dt.datetime, zone: dt.tzinfo, *, grace: dt.timedelta = dt.timedelta(0)
) -> dt.date:
    """The last month that had ended in `zone` at `now`, a month counting as ended `grace`
    after the midnight that closes it."""
    shifted = now.astimezone(zone) - grace
    return add_months(first_day(shifted.date()), -1)
