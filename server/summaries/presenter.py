"""Stored figures → what a reader sees, in the active language (email and API).

Nothing here is stored: the same figures render in Japanese or English, today or later.
"""

import datetime as dt

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from server.guide import content
from server.guide.files import ContentError
from server.lib import months

# Email colours: the app's rust for this month, greys for the months compared.
THIS_MONTH, LAST_MONTH, AVERAGE = "#c2410c", "#9ca3af", "#d1d5db"
BAR_WIDTH = 75  # percent of the column for the longest bar; the rest holds its number


def _lines(area: str, gentle: bool, self_check_taken: bool) -> str:
    if area == "self_check" and not self_check_taken:
        area = "take_check"
    if gentle:
        return {
            "checklist": _(
                "Keep just one small item on your checklist. On busy days, ticking that one "
                "is enough."
            ),
            "efficiency": _(
                "When you have a moment, note one task and the minutes it took. One line a "
                "week is plenty."
            ),
            "goals": _(
                "Pick one goal you can keep at your own pace, with a date that suits this "
                "season of your life."
            ),
            "learning": _(
                "If a quiet moment comes, an audio lesson while doing chores counts as learning."
            ),
            "network": _("One message to someone you'd like to stay in touch with is enough."),
            "self_check": _(
                "Some signs are showing. It is not all on you: read about the causes, and "
                "decide at your own pace."
            ),
            "take_check": _("When you feel like it, take the self-check to see where you stand."),
            "steady": _(
                "You kept to the pace you chose. Rest is part of the work too: carry on just "
                "like this."
            ),
        }[area]
    return {
        "checklist": _(
            "Choose the one checklist item that matters most and tick it every day this month."
        ),
        "efficiency": _(
            "Log one task a day with the minutes it took and the minutes you saved: numbers "
            "make your work visible."
        ),
        "goals": _("Write down one goal as “by when, what” and bring it to your next 1:1."),
        "learning": _(
            "Give one skill or certification 15 minutes of your commute, a few times a week."
        ),
        "network": _(
            "Reach out to one person outside your team this month: a peer, a role model or a "
            "study group."
        ),
        "self_check": _(
            "Your self-check shows several signs. Read what they can lead to, then take one "
            "small step to change course."
        ),
        "take_check": _("Take the self-check to see where you stand."),
        "steady": _(
            "A steady month. Bring these numbers to your next 1:1 and say what you want to take "
            "on next."
        ),
    }[area]


def next_step(figures: dict, lang: str) -> dict:
    """The stored suggestion with its line, chapter title and link in `lang`."""
    step = figures["next_step"]
    title = url = None
    if step["chapter"]:
        try:
            chapter = content.chapter(lang, step["chapter"])
        except ContentError:
            chapter = None
        if chapter is not None:
            title = chapter.title
            url = f"{settings.SITE_URL}{chapter.url}?lang={lang}"
    return {
        **step,
        "line": _lines(step["area"], step["gentle"], figures["self_check"] is not None),
        "chapter_title": title,
        "chapter_url": url,
    }


def headline(figures: dict) -> dict:
    """The few numbers the app's list shows for a month."""
    return {
        "entries": figures["efficiency"]["entries"]["value"],
        "minutes_saved": figures["efficiency"]["minutes_saved"]["value"],
        "hours_saved": figures["efficiency"]["hours_saved"]["value"],
        "learning_minutes": figures["learning"]["minutes"]["value"],
        "contacts": figures["network"]["contacts"]["value"],
        "completion_percent": figures["checklist"]["completion_percent"]["value"],
    }


def _count(value) -> str:
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def _minutes(value) -> str:
    hours, minutes = divmod(round(value), 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": minutes}
    if not minutes:
        return _("%(hours)s h") % {"hours": _count(hours)}
    return _("%(hours)s h %(minutes)s min") % {"hours": _count(hours), "minutes": minutes}


def _percent(value) -> str:
    return f"{_count(value)}%"


def _days(value) -> str:
    return ngettext("%(count)s day", "%(count)s days", int(value)) % {"count": value}


def _row(label: str, figure: dict, show) -> dict:
    """One compared figure: texts for the three months and bars scaled to the largest."""
    values = [figure["value"], figure["prev"], figure["avg3"]]
    top = max((v for v in values if v is not None), default=0) or 1
    bars = [
        {
            "label": name,
            "text": "-" if value is None else show(value),
            "width": 0 if value is None else round(BAR_WIDTH * value / top),
            "color": color,
        }
        for name, value, color in zip(
            (_("This month"), _("Last month"), _("3-month average")),
            values,
            (THIS_MONTH, LAST_MONTH, AVERAGE),
            strict=True,
        )
    ]
    return {"label": label, "value": show(figure["value"]), "bars": bars}


def _points(value) -> str:
    return _("%(points)s pt") % {"points": _count(value)}


def _change_text(figure: dict, show) -> str:
    """'up 2 on last month' style words for the text email."""
    if figure["prev"] is None:
        return ""
    diff = figure["value"] - figure["prev"]
    if not diff:
        return _("same as last month")
    amount = show(abs(round(diff, 1)))
    if diff > 0:
        return _("up %(amount)s on last month") % {"amount": amount}
    return _("down %(amount)s on last month") % {"amount": amount}


def sections(figures: dict) -> list[dict]:
    """The compared figures grouped for the email, each row with its bars and change."""
    eff, learn, net, chk = (
        figures["efficiency"],
        figures["learning"],
        figures["network"],
        figures["checklist"],
    )
    groups = [
        (
            _("Work efficiency"),
            [
                (_("Tasks logged"), eff["entries"], _count),
                (_("Time spent"), eff["minutes_spent"], _minutes),
                (_("Time saved"), eff["minutes_saved"], _minutes),
            ],
        ),
        (
            _("Learning"),
            [
                (_("Time learning"), learn["minutes"], _minutes),
                (_("Study sessions"), learn["sessions"], _count),
            ],
        ),
        (
            _("Contacts"),
            [
                (_("People you met or contacted"), net["contacts"], _count),
                (_("Follow-ups planned for next month"), net["follow_ups_due"], _count),
            ],
        ),
        (
            _("Daily checklist"),
            [
                (_("Completion"), chk["completion_percent"], _percent, _points),
                (_("Checks done"), chk["checks_done"], _count),
                (_("Best streak"), chk["best_streak"], _days),
            ],
        ),
        (_("Goals"), [(_("Goals done"), figures["goals"]["done"], _count)]),
    ]
    notes = {_("Goals"): goals_text(figures["goals"])}
    return [
        {
            "title": title,
            "rows": [
                {**_row(label, figure, show), "change": _change_text(figure, (diff or [show])[0])}
                for label, figure, show, *diff in rows
            ],
            "note": notes.get(title, ""),
        }
        for title, rows in groups
    ]


def goals_text(goals: dict) -> str:
    return _("Open: %(open)s / due next month: %(next)s / past their date: %(overdue)s") % {
        "open": goals["open"],
        "next": goals["due_next_month"],
        "overdue": goals["overdue"],
    }


def _date(iso: str, fmt: str = "DATE_FORMAT") -> str:
    return formats.date_format(dt.date.fromisoformat(iso), fmt)


def self_check_lines(check: dict | None) -> list[str]:
    """Her latest score and how it moved since the time before (lower means fewer signs)."""
    if check is None:
        return [_("You have not taken the self-check yet.")]
    lines = [
        _("Latest score: %(score)s (%(date)s).")
        % {"score": check["score"], "date": _date(check["date"])}
    ]
    change = check["change"]
    if change is not None and change < 0:
        lines.append(
            _("%(points)s points lower than the time before: fewer signs.") % {"points": -change}
        )
    elif change is not None and change > 0:
        lines.append(_("%(points)s points higher than the time before.") % {"points": change})
    elif change == 0:
        lines.append(_("The same as the time before."))
    return lines


def career_mode_text(mode: dict | None) -> str:
    if mode is None:
        return ""
    values = {"days": mode["days_left"], "ends": _date(mode["ends"])}
    if mode["mode"] == "defence":
        return (
            ngettext(
                "Defence period: %(days)s day left (until %(ends)s).",
                "Defence period: %(days)s days left (until %(ends)s).",
                mode["days_left"],
            )
            % values
        )
    return (
        ngettext(
            "Attack period: %(days)s day left (until %(ends)s).",
            "Attack period: %(days)s days left (until %(ends)s).",
            mode["days_left"],
        )
        % values
    )


def is_quiet(figures: dict) -> bool:
    """Nothing logged at all this month."""
    return not any(
        (
            figures["efficiency"]["entries"]["value"],
            figures["learning"]["sessions"]["value"],
            figures["network"]["contacts"]["value"],
            figures["checklist"]["checks_done"]["value"],
        )
    )


def email_context(figures: dict, *, user, lang: str, links: dict) -> dict:
    """Everything the monthly-summary templates show, in `lang` (call inside override)."""
    month = months.parse_key(figures["month"])
    eff = figures["efficiency"]
    mode = figures["career_mode"]
    return {
        "user": user,
        "month": month,
        "month_name": formats.date_format(month, "YEAR_MONTH_FORMAT"),
        "gentle": bool(mode and mode["mode"] == "defence"),
        "quiet": is_quiet(figures),
        "sections": sections(figures),
        "outcomes": [
            {"unit": o["unit"], "total": _count(o["value"]), "entries": o["entries"]}
            for o in eff["outcomes"]
        ],
        "improvements": [
            {**i, "saved": _minutes(i["minutes_saved"])} for i in eff["top_improvements"]
        ],
        "self_check": self_check_lines(figures["self_check"]),
        "career_mode": career_mode_text(mode),
        "career_purpose": (mode or {}).get("purpose", ""),
        "next_step": next_step(figures, lang),
        **links,
    }
