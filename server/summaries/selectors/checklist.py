"""Checklist figures: completion rate, checks done and the best streak, per month.

Completion rate = checks done / (active items x days in month). An item counts from the day it
was added (the first day of the month for older items), so a checklist set up on the 25th is
not measured against thirty days; an archived item counts in the months it was ticked in.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Min
from django.db.models.functions import TruncMonth

from server.journal.models import Check, ChecklistItem
from server.lib import months
from server.summaries.selectors.base import Batch


def _item_days(start: dt.date, month: dt.date) -> int:
    """The days of `month` from `start` on (0 when it starts after the month)."""
    end = months.add_months(month, 1)
    return max(0, (end - max(start, month)).days)


def best_streak(days: set[dt.date], month: dt.date) -> int:
    """The longest run of consecutive days within `month` found in `days`."""
    best = run = 0
    day, end = month, months.add_months(month, 1)
    while day < end:
        run = run + 1 if day in days else 0
        best = max(best, run)
        day += dt.timedelta(days=1)
    return best


def checklist(batch: Batch) -> None:
    """Three queries for the whole batch: items, done checks per item and month, done days."""
    items = ChecklistItem.objects.filter(user_id__in=batch.ids, deleted=False).values_list(
        "id", "user_id", "archived", "created_at"
    )
    done = Check.objects.filter(
        user_id__in=batch.ids,
        deleted=False,
        done=True,
        item__deleted=False,
        date__gte=batch.first,
        date__lt=batch.end,
    ).order_by()
    per_item = (
        done.annotate(m=TruncMonth("date"))
        .values("item_id", "m")
        .annotate(n=Count("id"), first=Min("date"))
    )
    ticked: dict = defaultdict(dict)  # item id → {month: checks done}
    first_tick: dict = {}
    for row in per_item:
        ticked[row["item_id"]][row["m"]] = row["n"]
        first_tick[row["item_id"]] = min(row["first"], first_tick.get(row["item_id"], row["first"]))
    done_days = defaultdict(set)
    for uid, day in done.values_list("user_id", "date").distinct():
        done_days[uid].add(day)

    checks = defaultdict(lambda: defaultdict(int))
    capacity = defaultdict(lambda: defaultdict(int))
    active = defaultdict(int)
    for item_id, uid, archived, created_at in items:
        # created_at is when the server first saw it: an item made offline can be ticked
        # before that, so an earlier tick moves its start back.
        added = created_at.astimezone(batch.people[uid].zone).date()
        start = min(added, first_tick.get(item_id, added))
        for month in batch.window:
            count = ticked[item_id].get(month, 0)
            if archived and not count:
                continue
            days = _item_days(start, month)
            if not days and not count:
                continue
            checks[uid][month] += count
            capacity[uid][month] += max(days, count)
            if month == batch.month:
                active[uid] += 1

    for uid in batch.ids:
        rates = {
            month: 100 * checks[uid][month] / capacity[uid][month]
            for month in batch.window
            if capacity[uid][month]
        }
        streaks = {month: best_streak(done_days[uid], month) for month in batch.window}
        batch.put(uid, "checklist", "active_items", active[uid])
        batch.put(uid, "checklist", "checks_done", batch.compared(uid, checks[uid]))
        batch.put(uid, "checklist", "completion_percent", batch.compared(uid, rates, digits=1))
        batch.put(uid, "checklist", "best_streak", batch.compared(uid, streaks))
