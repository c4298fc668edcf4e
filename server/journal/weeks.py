"""ISO weeks ("2026-W47"): Monday to Sunday, as calendar days in her own time zone."""

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from server.lib.months import local_midnight

KEY = re.compile(r"^(\d{4})-W(\d{2})$")
# Weeks outside these years are refused rather than risk a date overflow at the edges of
# what Python and the databases can hold; nobody journals a week before Ippo existed.
FIRST_YEAR = 2000
LAST_YEAR = 2999


@dataclass(frozen=True)
class Week:
    start: dt.date  # the Monday

    @property
    def end(self) -> dt.date:
        """The Sunday, the week's last day."""
        return self.start + dt.timedelta(days=6)

    @property
    def key(self) -> str:
        year, number, _day = self.start.isocalendar()
        return f"{year:04d}-W{number:02d}"

    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=n) for n in range(7)]

    def instants(self, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
        """The instant the week begins in `zone` and the instant the next one does."""
        following = self.start + dt.timedelta(days=7)
        return local_midnight(self.start, zone), local_midnight(following, zone)


def parse(key: str) -> Week | None:
    """The week named "YYYY-Www", or None when there is no such week (2026-W53, 2026-W00)."""
    match = KEY.match(key or "")
    if not match:
        return None
    year, number = int(match[1]), int(match[2])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return Week(dt.date.fromisocalendar(year, number, 1))
    except ValueError:
        return None


def containing(day: dt.date) -> Week:
    return Week(day - dt.timedelta(days=day.weekday()))


def last_full(now: dt.datetime, zone: ZoneInfo) -> Week:
    """The week before the one it is now in `zone`: the last week that has ended."""
    return containing(now.astimezone(zone).date() - dt.timedelta(days=7))
