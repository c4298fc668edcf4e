"""Reads of her journal: the weekly progress report's figures (see README.md here).

The phone computes the same figures from its own copy of the records
(frontend/src/tools/report.ts); content/report_cases.json holds vectors both sides run.
"""

from django.db.models import Count, Q, Sum

from server.journal.models import (
    Check,
    ChecklistItem,
    Contact,
    EfficiencyLog,
    Goal,
    LearningSession,
)
from server.journal.weeks import Week

TOP_IMPROVEMENTS = 5
RATE_STEPS = 10_000  # completion_rate is rounded to 4 decimal places


def _code_points(text: str) -> tuple[int, ...]:
    # Ties are ordered here, not by the database: collations differ between SQLite and
    # PostgreSQL, and the phone must order them the same way.
    return tuple(ord(c) for c in text)


def top_improvements(groups) -> list[dict]:
    """The TOP_IMPROVEMENTS biggest time savers of {improvement, task, minutes_saved, ...}:
    most minutes first, then by improvement, then by task (the weekly report, the monthly
    summary and the phone's report.ts all rank this way)."""
    ranked = sorted(
        groups,
        key=lambda i: (
            -i["minutes_saved"],
            _code_points(i["improvement"]),
            _code_points(i["task"]),
        ),
    )
    return ranked[:TOP_IMPROVEMENTS]


def completion_rate(done: int, items: int) -> float:
    """done / (items * 7), rounded half up to 4 decimal places; 0 without items."""
    if items <= 0:
        return 0.0
    capacity = items * 7
    return ((2 * done * RATE_STEPS + capacity) // (2 * capacity)) / RATE_STEPS


def _efficiency(user, week: Week) -> dict:
    logs = EfficiencyLog.objects.filter(
        user=user, deleted=False, date__gte=week.start, date__lte=week.end
    ).order_by()
    totals = logs.aggregate(n=Count("id"), spent=Sum("minutes_spent"), saved=Sum("minutes_saved"))
    units = (
        logs.filter(outcome_value__isnull=False)
        .exclude(outcome_unit="")
        .values("outcome_unit")
        .annotate(n=Count("id"), total=Sum("outcome_value"))
    )
    outcomes = sorted(
        (
            {"unit": row["outcome_unit"], "total": float(row["total"]), "entries": row["n"]}
            for row in units
        ),
        key=lambda o: (-o["entries"], _code_points(o["unit"])),
    )
    groups = (
        logs.filter(minutes_saved__gt=0)
        .values("task", "improvement")
        .annotate(n=Count("id"), saved=Sum("minutes_saved"))
    )
    improvements = top_improvements(
        {
            "improvement": row["improvement"],
            "task": row["task"],
            "minutes_saved": row["saved"],
            "entries": row["n"],
        }
        for row in groups
    )
    return {
        "tasks_logged": totals["n"],
        "minutes_spent": totals["spent"] or 0,
        "minutes_saved": totals["saved"] or 0,
        "outcomes": outcomes,
        "top_improvements": improvements,
    }


def _checklist(user, week: Week, week_ends) -> dict:
    # An item is on her checklist at the week's end unless it is archived and its last
    # change (the archiving, as far as the stored data tells) came before that instant.
    counted = Q(archived=False) | Q(updated_at__gte=week_ends)
    items = ChecklistItem.objects.filter(counted, user=user, deleted=False).count()
    checks = (
        Check.objects.filter(
            user=user,
            deleted=False,
            done=True,
            item__deleted=False,
            date__gte=week.start,
            date__lte=week.end,
        )
        .order_by()
        .aggregate(
            done=Count("id"),
            on_counted=Count(
                "id", filter=Q(item__archived=False) | Q(item__updated_at__gte=week_ends)
            ),
        )
    )
    return {
        "checks_done": checks["done"],
        "checklist_items": items,
        "completion_rate": completion_rate(checks["on_counted"], items),
    }


def _goals(user, begins, ends) -> dict:
    rows = (
        Goal.objects.filter(
            Q(status="done") | Q(status="open", progress__gt=0),
            user=user,
            deleted=False,
            updated_at__gte=begins,
            updated_at__lt=ends,
        )
        .order_by()
        .values("id", "title", "status", "progress", "due")
    )
    goals = sorted(
        (
            {
                "id": str(row["id"]),
                "title": row["title"],
                "status": row["status"],
                "progress": row["progress"],
                "due": row["due"].isoformat(),
            }
            for row in rows
        ),
        key=lambda g: (g["due"], _code_points(g["title"]), g["id"]),
    )
    return {"goals_progressed": len(goals), "goals": goals}


def weekly_report(*, user, week: Week) -> dict:
    """Her figures for one week (Monday to Sunday in her zone), in eight queries."""
    begins, ends = week.instants(user.zone)
    in_week = {"user": user, "deleted": False, "date__gte": week.start, "date__lte": week.end}
    learning = LearningSession.objects.filter(**in_week).aggregate(
        n=Count("id"), minutes=Sum("minutes")
    )
    return {
        "week": week.key,
        "start": week.start.isoformat(),
        "end": week.end.isoformat(),
        "time_zone": user.time_zone,
        **_efficiency(user, week),
        "learning_minutes": learning["minutes"] or 0,
        "learning_sessions": learning["n"],
        "contacts": Contact.objects.filter(**in_week).count(),
        **_checklist(user, week, ends),
        **_goals(user, begins, ends),
    }
