"""Each record type's fields and rules, registered with sync (which knows none by name)."""

import uuid
from decimal import Decimal

from django.utils.translation import gettext as _

from server.guide import selfcheck
from server.journal import models
from server.sync.fields import (
    Bool,
    Choice,
    Date,
    DecimalSpec,
    FieldError,
    Int,
    Mapping,
    Ref,
    RefList,
    Str,
    StrList,
    Url,
)
from server.sync.registry import RecordType, register

PLACES = ("commute", "night", "audio", "other")
CONTACT_KINDS = ("peer", "role_model", "study_group", "third_place", "mentor", "other")
GOAL_CATEGORIES = ("role", "skill", "certification", "work_style", "other")
GOAL_STATUSES = ("open", "done", "dropped")
MODES = ("attack", "defence")


def check_id(item_id: uuid.UUID | str, date) -> uuid.UUID:
    """The id of the one check of an item on a date, the same on every device."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{item_id}{date}")


def _check_rules(record_id, values) -> dict[str, str]:
    if values["item"] is not None and record_id != check_id(values["item"], values["date"]):
        return {"id": _("A check's id must be derived from its item and date.")}
    return {}


def _answer(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3:
        raise FieldError(_("Answer with a whole number from 0 to 3."))
    return value


def _criterion(value) -> dict:
    if not isinstance(value, dict) or set(value) - {"score", "weight"}:
        raise FieldError(_("Send {score, weight}."))
    out = {}
    for key in ("score", "weight"):
        number = value.get(key, 0)
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= 5:
            raise FieldError(_("%(key)s is a whole number from 0 to 5.") % {"key": key})
        out[key] = number
    return out


def _self_check_rules(record_id, values) -> dict[str, str]:
    # Only answers to the questionnaire in use can be scored; an old version's record is
    # taken again rather than scored with weights its questions never had.
    questionnaire = selfcheck.current()
    problems = {}
    if values["questionnaire"] != questionnaire.version:
        problems["questionnaire"] = _("Use the current questionnaire, %(version)s.") % {
            "version": questionnaire.version
        }
    unknown = sorted(set(values["answers"]) - questionnaire.keys)
    if unknown:
        problems["answers"] = _("Not a question of this self-check: %(keys)s.") % {
            "keys": ", ".join(unknown)
        }
    return problems


def _self_check_score(values) -> dict:
    return {"score": selfcheck.score(values["answers"])}


def _career_mode_rules(record_id, values) -> dict[str, str]:
    if values["ends"] < values["starts"]:
        return {"ends": _("The end date cannot be before the start date.")}
    return {}


checklist_item = register(
    RecordType(
        "checklist_item",
        models.ChecklistItem,
        {
            "title": Str(min_length=1, max_length=120, required=True),
            "position": Int(min_value=0, max_value=100_000, default=0),
            "archived": Bool(),
            "starter_key": Str(max_length=60, null=True, default=None),
        },
    )
)

goal = register(
    RecordType(
        "goal",
        models.Goal,
        {
            "title": Str(min_length=1, max_length=200, required=True),
            "category": Choice(GOAL_CATEGORIES, default="other"),
            "due": Date(required=True),
            "status": Choice(GOAL_STATUSES, default="open"),
            "progress": Int(min_value=0, max_value=100, default=0),
            "company_benefit": Str(max_length=1000),
            "next_step": Str(max_length=500),
        },
    )
)

register(
    RecordType(
        "check",
        models.Check,
        {
            "item": Ref("checklist_item", required=True),
            "date": Date(required=True),
            "done": Bool(),
            "note": Str(max_length=500),
        },
        check=_check_rules,
    )
)

register(
    RecordType(
        "efficiency_log",
        models.EfficiencyLog,
        {
            "date": Date(required=True),
            "task": Str(min_length=1, max_length=200, required=True),
            "minutes_spent": Int(min_value=0, max_value=1440, required=True),
            "minutes_saved": Int(min_value=0, max_value=1440, default=0),
            "improvement": Str(max_length=500),
            "outcome_value": DecimalSpec(
                min_value=Decimal(0), max_digits=14, decimal_places=2, null=True
            ),
            "outcome_unit": Str(max_length=30),
            "note": Str(max_length=2000),
            "tags": StrList(max_items=10, max_length=30),
        },
    )
)

register(
    RecordType(
        "learning_session",
        models.LearningSession,
        {
            "date": Date(required=True),
            "topic": Str(min_length=1, max_length=120, required=True),
            "minutes": Int(min_value=1, max_value=1440, required=True),
            "place": Choice(PLACES, default="other"),
            "goal": Ref("goal", null=True),
            "note": Str(max_length=1000),
        },
    )
)

register(
    RecordType(
        "contact",
        models.Contact,
        {
            "date": Date(required=True),
            "name": Str(min_length=1, max_length=120, required=True),
            "kind": Choice(CONTACT_KINDS, default="other"),
            "organisation": Str(max_length=120),
            "note": Str(max_length=1000),
            "follow_up_on": Date(null=True),
        },
    )
)

register(
    RecordType(
        "self_check",
        models.SelfCheck,
        {
            "date": Date(required=True),
            "questionnaire": Str(min_length=1, max_length=20, required=True),
            "answers": Mapping(_answer, max_items=40),
        },
        check=_self_check_rules,
        derive=_self_check_score,
        derived=("score",),
    )
)

register(
    RecordType(
        "meeting_brief",
        models.MeetingBrief,
        {
            "meeting_on": Date(required=True),
            "satisfaction": Int(min_value=1, max_value=5, required=True),
            "wanted_work": Str(max_length=2000),
            "time_plan": Str(max_length=2000),
            "company_benefit": Str(max_length=2000),
            "asks": Str(max_length=2000),
            "after_notes": Str(max_length=2000),
            "goals": RefList("goal", max_items=20),
        },
    )
)

register(
    RecordType(
        "employer",
        models.Employer,
        {
            "name": Str(min_length=1, max_length=120, required=True),
            "url": Url(max_length=300),
            "criteria": Mapping(_criterion, max_items=30),
            "note": Str(max_length=2000),
        },
    )
)

register(
    RecordType(
        "career_mode",
        models.CareerMode,
        {
            "mode": Choice(MODES, required=True),
            "starts": Date(required=True),
            "ends": Date(required=True),
            "purpose": Str(max_length=500),
            "focus": Str(max_length=500),
        },
        check=_career_mode_rules,
    )
)
