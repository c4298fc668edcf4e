"""Efficiency, learning and network figures: GROUP BY user and month over every user at once."""

from collections import defaultdict

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from server.journal.models import Contact, EfficiencyLog, LearningSession
from server.journal.records import PLACES
from server.journal.selectors import top_improvements
from server.lib import months
from server.summaries.selectors.base import Batch

TOP_UNITS = 5


def _live(model, batch: Batch, date_field: str = "date", *, first=None, end=None):
    """The user's records that count: not deleted, dated within [first, end)."""
    return model.objects.filter(
        user_id__in=batch.ids,
        deleted=False,
        **{f"{date_field}__gte": first or batch.first, f"{date_field}__lt": end or batch.end},
    ).order_by()


def efficiency(batch: Batch) -> None:
    """Entries, minutes spent and saved (and hours saved), per month, one query."""
    rows = (
        _live(EfficiencyLog, batch)
        .annotate(m=TruncMonth("date"))
        .values("user_id", "m")
        .annotate(n=Count("id"), spent=Sum("minutes_spent"), saved=Sum("minutes_saved"))
    )
    entries, spent, saved = (defaultdict(dict) for _ in range(3))
    for row in rows:
        entries[row["user_id"]][row["m"]] = row["n"]
        spent[row["user_id"]][row["m"]] = row["spent"] or 0
        saved[row["user_id"]][row["m"]] = row["saved"] or 0
    for uid in batch.ids:
        batch.put(uid, "efficiency", "entries", batch.compared(uid, entries[uid]))
        batch.put(uid, "efficiency", "minutes_spent", batch.compared(uid, spent[uid]))
        batch.put(uid, "efficiency", "minutes_saved", batch.compared(uid, saved[uid]))
        hours = {m: v / 60 for m, v in saved[uid].items()}
        batch.put(uid, "efficiency", "hours_saved", batch.compared(uid, hours, digits=1))


def outcomes(batch: Batch) -> None:
    """The outcome numbers added up per unit (the units she used most this month)."""
    rows = (
        _live(EfficiencyLog, batch)
        .filter(outcome_value__isnull=False)
        .exclude(outcome_unit="")
        .annotate(m=TruncMonth("date"))
        .values("user_id", "outcome_unit", "m")
        .annotate(n=Count("id"), total=Sum("outcome_value"))
    )
    totals: dict[int, dict[str, dict]] = defaultdict(lambda: defaultdict(dict))
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in rows:
        totals[row["user_id"]][row["outcome_unit"]][row["m"]] = row["total"]
        if row["m"] == batch.month:
            counts[row["user_id"]][row["outcome_unit"]] = row["n"]
    for uid in batch.ids:
        units = sorted(counts[uid], key=lambda unit: (-counts[uid][unit], unit))[:TOP_UNITS]
        batch.put(
            uid,
            "efficiency",
            "outcomes",
            [
                {"unit": unit, "entries": counts[uid][unit]}
                | batch.compared(uid, totals[uid][unit], digits=2)
                for unit in units
            ],
        )


def improvements(batch: Batch) -> None:
    """Her biggest time savers of the month: task and improvement, by minutes saved."""
    rows = (
        _live(EfficiencyLog, batch, first=batch.month)
        .filter(minutes_saved__gt=0)
        .values("user_id", "task", "improvement")
        .annotate(n=Count("id"), saved=Sum("minutes_saved"))
    )
    found = defaultdict(list)
    for row in rows:
        found[row["user_id"]].append(
            {
                "task": row["task"],
                "improvement": row["improvement"],
                "minutes_saved": row["saved"],
                "entries": row["n"],
            }
        )
    for uid in batch.ids:
        batch.put(uid, "efficiency", "top_improvements", top_improvements(found[uid]))


def learning(batch: Batch) -> None:
    """Learning minutes and sessions per month, and this month's minutes by place."""
    rows = (
        _live(LearningSession, batch)
        .annotate(m=TruncMonth("date"))
        .values("user_id", "m", "place")
        .annotate(n=Count("id"), minutes=Sum("minutes"))
    )
    minutes, sessions = defaultdict(lambda: defaultdict(int)), defaultdict(lambda: defaultdict(int))
    places = defaultdict(lambda: dict.fromkeys(PLACES, 0))
    for row in rows:
        uid = row["user_id"]
        minutes[uid][row["m"]] += row["minutes"] or 0
        sessions[uid][row["m"]] += row["n"]
        if row["m"] == batch.month:
            place = row["place"] if row["place"] in PLACES else "other"
            places[uid][place] += row["minutes"] or 0
    for uid in batch.ids:
        batch.put(uid, "learning", "minutes", batch.compared(uid, minutes[uid]))
        batch.put(uid, "learning", "sessions", batch.compared(uid, sessions[uid]))
        batch.put(uid, "learning", "minutes_by_place", places[uid])


def network(batch: Batch) -> None:
    """Contacts logged per month, and the follow-ups falling due in the month after each."""
    contacts = defaultdict(dict)
    rows = (
        _live(Contact, batch)
        .annotate(m=TruncMonth("date"))
        .values("user_id", "m")
        .annotate(n=Count("id"))
    )
    for row in rows:
        contacts[row["user_id"]][row["m"]] = row["n"]
    # A follow-up planned in month X+1 is "due" in the summary of month X (sent on the 1st).
    follow_ups = defaultdict(dict)
    rows = (
        _live(
            Contact,
            batch,
            "follow_up_on",
            first=months.add_months(batch.first, 1),
            end=months.add_months(batch.end, 1),
        )
        .annotate(m=TruncMonth("follow_up_on"))
        .values("user_id", "m")
        .annotate(n=Count("id"))
    )
    for row in rows:
        follow_ups[row["user_id"]][months.add_months(row["m"], -1)] = row["n"]
    for uid in batch.ids:
        batch.put(uid, "network", "contacts", batch.compared(uid, contacts[uid]))
        batch.put(uid, "network", "follow_ups_due", batch.compared(uid, follow_ups[uid]))
