"""One suggested next step: the guide chapter for her weakest area this month.

Each area's strength is 0..1 against a modest monthly target; in defence mode the targets are
halved and the wording is gentler (she chose to hold steady for a while: that is a plan too).
"""

import logging

from server.guide import content
from server.guide.files import ContentError

log = logging.getLogger(__name__)

# Monthly targets in attack (or no) mode; halved in defence mode.
TARGETS = {"efficiency": 8, "learning": 240, "network": 2, "checklist": 60}
# Tried in this order on a tie, so the smallest, most daily habit comes first.
AREAS = ("checklist", "efficiency", "goals", "learning", "network", "self_check")
CHAPTERS = {
    "checklist": ("first-small-step",),
    "efficiency": ("show-hourly-productivity",),
    "goals": ("career-vision-in-one-on-one",),
    "learning": ("skills-and-certifications",),
    "network": ("contacts-and-role-models",),
    "self_check": ("risks-of-leaving-it", "signs-to-check"),
    "steady": ("career-vision-in-one-on-one",),
}
GENTLE_CHAPTERS = {
    "checklist": ("sustainable-career", "first-small-step"),
    "goals": ("attack-and-defence", "career-vision-in-one-on-one"),
    "self_check": ("not-only-your-fault", "signs-to-check"),
    "steady": ("sustainable-career", "attack-and-defence"),
}
STEADY = 1.0  # every area at or above its target


def strengths(figures: dict, *, gentle: bool) -> dict[str, float]:
    """How close each area came to its target this month, 0..1."""
    scale = 0.5 if gentle else 1.0

    def ratio(value, target: str) -> float:
        return min(1.0, (value or 0) / (TARGETS[target] * scale))

    checklist = figures["checklist"]
    goals = figures["goals"]
    result = {
        "checklist": ratio(checklist["completion_percent"]["value"], "checklist")
        if checklist["active_items"]
        else 0.0,
        "efficiency": ratio(figures["efficiency"]["entries"]["value"], "efficiency"),
        "goals": 0.0
        if not goals["open"] and not goals["done"]["value"]
        else 0.4
        if goals["overdue"]
        else 1.0,
        "learning": ratio(figures["learning"]["minutes"]["value"], "learning"),
        "network": ratio(figures["network"]["contacts"]["value"], "network"),
    }
    check = figures["self_check"]
    # A missing self-check is a mild nudge; a high score (many signs) a strong one.
    result["self_check"] = 0.8 if check is None else 1.0 - check["score"] / 100
    return result


def _chapter(candidates: tuple[str, ...]) -> str | None:
    """The first candidate the guide has (every language has the same slugs)."""
    try:
        for slug in candidates:
            if content.chapter("ja", slug) is not None:
                return slug
    except ContentError:
        log.exception("the guide could not be read; suggesting %s unchecked", candidates[0])
        return candidates[0]
    return None


def choose(figures: dict, *, found: dict | None = None) -> dict:
    """{area, chapter, gentle}: the weakest area (or 'steady') and its chapter's slug.

    `found` keeps the guide's answers across a batch: each lookup lists and stats the guide's
    files, which would otherwise be done once per user."""
    mode = figures.get("career_mode") or {}
    gentle = mode.get("mode") == "defence"
    scores = strengths(figures, gentle=gentle)
    weakest = min(AREAS, key=lambda area: scores[area])
    area = weakest if scores[weakest] < STEADY else "steady"
    chapters = (GENTLE_CHAPTERS.get(area, ()) if gentle else ()) + CHAPTERS[area]
    found = {} if found is None else found
    if chapters not in found:
        found[chapters] = _chapter(chapters)
    return {"area": area, "chapter": found[chapters], "gentle": gentle}
