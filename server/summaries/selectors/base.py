"""What the figure selectors share: the batch of users and months, and the comparisons."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from server.lib import months

# Each numeric figure is compared with the month before and the average of these many before.
HISTORY = 3


@dataclass(frozen=True)
class Person:
    id: int
    zone: ZoneInfo
    since: dt.date  # the first day of the month (in her zone) her account was made in
    today: dt.date  # her local date when the figures are computed


@dataclass
class Batch:
    """One month's figures for many users, computed over the month and the HISTORY before it."""

    people: dict[int, Person]
    month: dt.date
    now: dt.datetime
    out: dict[int, dict] = field(default_factory=dict)

    @property
    def ids(self) -> list[int]:
        return list(self.people)

    @property
    def first(self) -> dt.date:
        """The first day of the oldest month compared."""
        return months.add_months(self.month, -HISTORY)

    @property
    def end(self) -> dt.date:
        """The day after the month (exclusive end of every date range here)."""
        return months.add_months(self.month, 1)

    @property
    def window(self) -> list[dt.date]:
        """The months computed, oldest first; the last is the month summed up."""
        return [months.add_months(self.month, -n) for n in range(HISTORY, -1, -1)]

    def put(self, user_id: int, section: str, name: str, value) -> None:
        self.out[user_id].setdefault(section, {})[name] = value

    def compared(self, user_id: int, by_month: dict[dt.date, float], *, digits: int = 0) -> dict:
        """{value, prev, avg3}: prev and avg3 are null for months before her account existed."""
        since = self.people[user_id].since
        before = [months.add_months(self.month, -n) for n in range(1, HISTORY + 1)]
        known = [by_month.get(m, 0) for m in before if m >= since]
        prev = by_month.get(before[0], 0) if before[0] >= since else None
        avg = sum(known) / len(known) if known else None
        return {
            "value": number(by_month.get(self.month, 0), digits),
            "prev": None if prev is None else number(prev, digits),
            "avg3": None if avg is None else number(avg, max(1, digits)),
        }


def number(value, digits: int = 0) -> int | float:
    """A JSON number rounded half up to `digits` places: an int when it is whole."""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return int(exact) if exact == exact.to_integral_value() else float(exact)
