"""Part 2 of bench/summaries.py, the comparison: a typical first implementation of the figures
(one ORM query per user, figure and month)."""

import datetime as dt
from collections import defaultdict


class Naive:
    """A typical first implementation: for each user, one ORM query per figure and month
    (`.filter(user=u, date__range=...).aggregate(...)`), the same figures as the app's."""

    def __init__(self, month: dt.date, now: dt.datetime) -> None:
        from server.lib.months import add_months
        from server.summaries.selectors import figures

        self.month, self.now = month, now
        self.end = add_months(month, 1)
        self.version = figures.VERSION

    def span(self, month: dt.date) -> tuple[dt.date, dt.date]:
        from server.lib.months import add_months

        return month, add_months(month, 1) - dt.timedelta(days=1)

    def compute(self, user) -> dict:
        from server.summaries.selectors import next_step
        from server.summaries.selectors.base import Batch, Person

        zone, month = user.zone, self.month
        person = Person(
            id=user.pk,
            zone=zone,
            since=user.created_at.astimezone(zone).date().replace(day=1),
            today=self.now.astimezone(zone).date(),
        )
        # A batch of one, only for its window and its {value, prev, avg3} helper.
        one = Batch(people={user.pk: person}, month=month, now=self.now)
        self.person, self.window = person, one.window
        self.compared = lambda values, digits=0: one.compared(user.pk, values, digits=digits)
        out = {
            "version": self.version,
            "month": f"{month:%Y-%m}",
            "period": {
                "start": month.isoformat(),
                "end": self.span(month)[1].isoformat(),
                "days": (self.end - month).days,
            },
            "time_zone": zone.key,
            "computed_on": person.today.isoformat(),
            "efficiency": self.efficiency(user),
            "learning": self.learning(user),
            "network": self.network(user),
            "checklist": self.checklist(user),
            "self_check": self.self_check(user),
            "goals": self.goals(user),
            "career_mode": self.career_mode(user),
        }
        out["next_step"] = next_step.choose(out)
        return out

    def efficiency(self, user) -> dict:
        from django.db.models import Count, Sum

        from server.journal.models import EfficiencyLog

        logs = EfficiencyLog.objects.filter(user=user, deleted=False)
        entries, spent, saved = {}, {}, {}
        for m in self.window:
            a = logs.filter(date__range=self.span(m)).aggregate(
                n=Count("id"), spent=Sum("minutes_spent"), saved=Sum("minutes_saved")
            )
            entries[m], spent[m], saved[m] = a["n"], a["spent"] or 0, a["saved"] or 0
        valued = logs.filter(outcome_value__isnull=False).exclude(outcome_unit="")
        units = valued.filter(date__range=self.span(self.month)).values("outcome_unit")
        counts, totals = {}, defaultdict(dict)
        for row in units.annotate(n=Count("id"), total=Sum("outcome_value")):
            counts[row["outcome_unit"]] = row["n"]
            totals[row["outcome_unit"]][self.month] = row["total"]
        top = sorted(counts, key=lambda unit: (-counts[unit], unit))[:5]
        for m in self.window[:-1]:
            earlier = valued.filter(date__range=self.span(m), outcome_unit__in=top)
            for row in earlier.values("outcome_unit").annotate(total=Sum("outcome_value")):
                totals[row["outcome_unit"]][m] = row["total"]
        best = (
            logs.filter(date__range=self.span(self.month), minutes_saved__gt=0)
            .values("task", "improvement")
            .annotate(n=Count("id"), saved=Sum("minutes_saved"))
        )
        improvements = sorted(
            (
                {
                    "task": r["task"],
                    "improvement": r["improvement"],
                    "minutes_saved": r["saved"],
                    "entries": r["n"],
                }
                for r in best
            ),
            key=lambda i: (-i["minutes_saved"], i["task"], i["improvement"]),
        )
        return {
            "entries": self.compared(entries),
            "minutes_spent": self.compared(spent),
            "minutes_saved": self.compared(saved),
            "hours_saved": self.compared({m: v / 60 for m, v in saved.items()}, 1),
            "outcomes": [
                {"unit": unit, "entries": counts[unit]} | self.compared(totals[unit], 2)
                for unit in top
            ],
            "top_improvements": improvements[:5],
        }

    def learning(self, user) -> dict:
        from django.db.models import Count, Sum

        from server.journal.models import LearningSession

        sessions = LearningSession.objects.filter(user=user, deleted=False)
        minutes, count = {}, {}
        for m in self.window:
            a = sessions.filter(date__range=self.span(m)).aggregate(
                n=Count("id"), minutes=Sum("minutes")
            )
            minutes[m], count[m] = a["minutes"] or 0, a["n"]
        places = dict.fromkeys(("commute", "night", "audio", "other"), 0)
        rows = sessions.filter(date__range=self.span(self.month)).values("place")
        for row in rows.annotate(minutes=Sum("minutes")):
            place = row["place"] if row["place"] in places else "other"
            places[place] += row["minutes"] or 0
        return {
            "minutes": self.compared(minutes),
            "sessions": self.compared(count),
            "minutes_by_place": places,
        }

    def network(self, user) -> dict:
        from server.journal.models import Contact
        from server.lib.months import add_months

        contacts = Contact.objects.filter(user=user, deleted=False)
        logged, due = {}, {}
        for m in self.window:
            logged[m] = contacts.filter(date__range=self.span(m)).count()
            due[m] = contacts.filter(follow_up_on__range=self.span(add_months(m, 1))).count()
        return {"contacts": self.compared(logged), "follow_ups_due": self.compared(due)}

    def checklist(self, user) -> dict:
        from django.db.models import Count, Min

        from server.journal.models import Check, ChecklistItem
        from server.lib.months import add_months
        from server.summaries.selectors.checklist import best_streak

        items = ChecklistItem.objects.filter(user=user, deleted=False).values_list(
            "id", "archived", "created_at"
        )
        items = list(items)
        done = Check.objects.filter(user=user, deleted=False, done=True, item__deleted=False)
        ticked, first_tick, streaks = defaultdict(dict), {}, {}
        for m in self.window:
            in_month = done.filter(date__range=self.span(m))
            for row in in_month.values("item_id").annotate(n=Count("id"), first=Min("date")):
                ticked[row["item_id"]][m] = row["n"]
                first_tick.setdefault(row["item_id"], row["first"])  # oldest month first
            days = set(in_month.values_list("date", flat=True).distinct())
            streaks[m] = best_streak(days, m)
        checks, capacity, active = defaultdict(int), defaultdict(int), 0
        for item_id, archived, created_at in items:
            added = created_at.astimezone(self.person.zone).date()
            start = min(added, first_tick.get(item_id, added))
            for m in self.window:
                count = ticked[item_id].get(m, 0)
                if archived and not count:
                    continue
                days = max(0, (add_months(m, 1) - max(start, m)).days)
                if not days and not count:
                    continue
                checks[m] += count
                capacity[m] += max(days, count)
                active += m == self.month
        rates = {m: 100 * checks[m] / capacity[m] for m in self.window if capacity[m]}
        return {
            "active_items": active,
            "checks_done": self.compared(checks),
            "completion_percent": self.compared(rates, 1),
            "best_streak": self.compared(streaks),
        }

    def self_check(self, user) -> dict | None:
        from server.journal.models import SelfCheck

        latest = list(
            SelfCheck.objects.filter(user=user, deleted=False, date__lt=self.end)
            .order_by("-date", "-created_at", "-id")
            .values_list("date", "score")[:2]
        )
        if not latest:
            return None
        (date, score), previous = latest[0], latest[1] if len(latest) > 1 else None
        return {
            "score": score,
            "date": date.isoformat(),
            "taken_in_month": date >= self.month,
            "previous_score": previous[1] if previous else None,
            "previous_date": previous[0].isoformat() if previous else None,
            "change": score - previous[1] if previous else None,
        }

    def goals(self, user) -> dict:
        from server.journal.models import Goal
        from server.lib.months import add_months, local_midnight

        goals = Goal.objects.filter(user=user, deleted=False)
        open_goals = goals.filter(status="open")
        done = {}
        for m in self.window:
            done[m] = goals.filter(
                status="done",
                updated_at__gte=local_midnight(m, self.person.zone),
                updated_at__lt=local_midnight(add_months(m, 1), self.person.zone),
            ).count()
        return {
            "done": self.compared(done),
            "open": open_goals.count(),
            "overdue": open_goals.filter(due__lt=self.end).count(),
            "due_next_month": open_goals.filter(due__range=self.span(self.end)).count(),
        }

    def career_mode(self, user) -> dict | None:
        from server.journal.models import CareerMode

        today = self.person.today
        row = (
            CareerMode.objects.filter(user=user, deleted=False, starts__lte=today, ends__gte=today)
            .order_by("-starts", "-updated_at")
            .values("mode", "starts", "ends", "purpose", "focus")
            .first()
        )
        if row is None:
            return None
        return {
            "mode": row["mode"],
            "starts": row["starts"].isoformat(),
            "ends": row["ends"].isoformat(),
            "purpose": row["purpose"],
            "focus": row["focus"],
            "days_left": (row["ends"] - today).days + 1,
        }
