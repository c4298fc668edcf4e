"""A month's figures for many users at once: a constant number of queries per batch.

Records' `date` fields are calendar dates in her own zone already, so a month is the same
date range for everyone; her zone matters for "today" (career mode), for the months before
her account existed (no comparison) and for server timestamps (goals done, checklist items).
"""

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from server.lib import months
from server.summaries.selectors import activity, checklist, next_step, progress
from server.summaries.selectors.base import Batch, Person

VERSION = 1  # of the figures' shape; bump it when a key changes meaning
CHUNK = 500  # users per batch: keeps each IN (...) list and result set modest

SECTIONS = (
    activity.efficiency,
    activity.outcomes,
    activity.improvements,
    activity.learning,
    activity.network,
    checklist.checklist,
    progress.self_check,
    progress.goals,
    progress.career_mode,
)


def _person(user, now: dt.datetime) -> Person:
    zone = user.zone
    return Person(
        id=user.pk,
        zone=zone,
        since=months.first_day(user.created_at.astimezone(zone).date()),
        today=now.astimezone(zone).date(),
    )


def compute(*, users: Iterable, month: dt.date, now: dt.datetime | None = None) -> dict[int, dict]:
    """Figures of `month` by user id, each numeric one with {value, prev, avg3}."""
    now = now or timezone.now()
    users = list(users)
    result: dict[int, dict] = {}
    for at in range(0, len(users), CHUNK):
        people = {u.pk: _person(u, now) for u in users[at : at + CHUNK]}
        batch = Batch(people=people, month=month, now=now)
        for person in people.values():
            batch.out[person.id] = {
                "version": VERSION,
                "month": months.key(month),
                "period": {
                    "start": month.isoformat(),
                    "end": (months.add_months(month, 1) - dt.timedelta(days=1)).isoformat(),
                    "days": months.days_in(month),
                },
                "time_zone": person.zone.key,
                "computed_on": person.today.isoformat(),
            }
        for section in SECTIONS:
            section(batch)
        found: dict = {}  # the guide's chapters, looked up once a batch
        for figures in batch.out.values():
            figures["next_step"] = next_step.choose(figures, found=found)
        result.update(batch.out)
    return result
