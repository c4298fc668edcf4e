"""Where she stands at the month's end: self-check, goals and career mode."""

from collections import defaultdict

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from server.journal.models import CareerMode, Goal, SelfCheck
from server.lib import months
from server.summaries.selectors.base import Batch


def self_check(batch: Batch) -> None:
    """The latest score by the month's end and the one before it (lower means fewer signs)."""
    rows = (
        SelfCheck.objects.filter(user_id__in=batch.ids, deleted=False, date__lt=batch.end)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("user_id")],
                order_by=[F("date").desc(), F("created_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=2)
        .values_list("user_id", "rank", "date", "score")
    )
    found = defaultdict(dict)
    for uid, rank, date, score in rows:
        found[uid][rank] = (date, score)
    for uid in batch.ids:
        if 1 not in found[uid]:
            batch.out[uid]["self_check"] = None
            continue
        date, score = found[uid][1]
        previous = found[uid].get(2)
        batch.out[uid]["self_check"] = {
            "score": score,
            "date": date.isoformat(),
            "taken_in_month": date >= batch.month,
            "previous_score": previous[1] if previous else None,
            "previous_date": previous[0].isoformat() if previous else None,
            "change": score - previous[1] if previous else None,
        }


def goals(batch: Batch) -> None:
    """Goals done per month (by her local date of the last change), and the open ones'
    deadlines: overdue by the month's end, or due in the month after."""
    following = months.add_months(batch.end, 1)
    open_counts = (
        Goal.objects.filter(user_id__in=batch.ids, deleted=False, status="open")
        .order_by()
        .values("user_id")
        .annotate(
            open=Count("id"),
            overdue=Count("id", filter=Q(due__lt=batch.end)),
            due_next_month=Count("id", filter=Q(due__gte=batch.end, due__lt=following)),
        )
    )
    counts = {row["user_id"]: row for row in open_counts}
    # A goal has no "done on" date: the last change of a done goal stands for it. Each user's
    # months begin at her own midnight, so the rows are fetched from the earliest of those.
    earliest = min(months.local_midnight(batch.first, p.zone) for p in batch.people.values())
    done = defaultdict(lambda: defaultdict(int))
    rows = Goal.objects.filter(
        user_id__in=batch.ids, deleted=False, status="done", updated_at__gte=earliest
    ).values_list("user_id", "updated_at")
    for uid, updated_at in rows:
        month = months.first_day(updated_at.astimezone(batch.people[uid].zone).date())
        done[uid][month] += 1
    for uid in batch.ids:
        row = counts.get(uid, {})
        batch.put(uid, "goals", "done", batch.compared(uid, done[uid]))
        batch.put(uid, "goals", "open", row.get("open", 0))
        batch.put(uid, "goals", "overdue", row.get("overdue", 0))
        batch.put(uid, "goals", "due_next_month", row.get("due_next_month", 0))


def career_mode(batch: Batch) -> None:
    """The attack/defence period in effect on her today, and the days left in it (today
    included)."""
    todays = [p.today for p in batch.people.values()]
    rows = (
        CareerMode.objects.filter(
            user_id__in=batch.ids, deleted=False, starts__lte=max(todays), ends__gte=min(todays)
        )
        .order_by("user_id", "-starts", "-updated_at")
        .values("user_id", "mode", "starts", "ends", "purpose", "focus")
    )
    current = {}
    for row in rows:
        today = batch.people[row["user_id"]].today
        if row["user_id"] not in current and row["starts"] <= today <= row["ends"]:
            current[row["user_id"]] = row
    for uid in batch.ids:
        row = current.get(uid)
        batch.out[uid]["career_mode"] = (
            None
            if row is None
            else {
                "mode": row["mode"],
                "starts": row["starts"].isoformat(),
                "ends": row["ends"].isoformat(),
                "purpose": row["purpose"],
                "focus": row["focus"],
                "days_left": (row["ends"] - batch.people[uid].today).days + 1,
            }
        )
