"""Each record type of the journal, declared once: its fields' types, bounds, choices,
defaults, references, derived values and the rules across fields.

Sync validates pushes and imports with these models (journal/types.py registers them), the
Django models in models.py carry the same choices and bounds as CHECK constraints (a test holds
them equal), and the OpenAPI schema publishes them, from which the PWA's types and form bounds
are generated (frontend/src/gen/). A field without a default is required when a record is new.
A field's title is its column heading in the CSV export, in English (exports.py translates it).
"""

import uuid
from decimal import Decimal
from typing import Annotated, Literal, NotRequired

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import AfterValidator, ConfigDict, Field, Strict
from typing_extensions import TypedDict

from server.guide import selfcheck
from server.sync.values import (
    Day,
    Derived,
    Flag,
    Id,
    Ids,
    MappingKey,
    Money,
    RecordModel,
    Ref,
    Says,
    Text,
    WebAddress,
    Whole,
    texts,
)

PLACES = ("commute", "night", "audio", "other")
CONTACT_KINDS = ("peer", "role_model", "study_group", "third_place", "mentor", "other")
GOAL_CATEGORIES = ("role", "skill", "certification", "work_style", "other")
GOAL_STATUSES = ("open", "done", "dropped")
# The statuses that count as progress in the weekly report (a dropped goal never does).
PROGRESS_STATUSES = ("open", "done")
MODES = ("attack", "defence")
MINUTES_A_DAY = 1440


def check_id(item_id: uuid.UUID | str, date) -> uuid.UUID:
    """The id of the one check of an item on a date, the same on every device."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{item_id}{date}")


class ChecklistItem(RecordModel):
    title: Text = Field(min_length=1, max_length=120, title="Title")
    position: Whole = Field(0, ge=0, le=100_000, title="Position")
    archived: Flag = Field(False, title="Archived")
    # null means an item she wrote herself; otherwise the starter it came from.
    starter_key: Text | None = Field(None, max_length=60, title="Starter item")


class Goal(RecordModel):
    title: Text = Field(min_length=1, max_length=200, title="Title")
    category: Literal[GOAL_CATEGORIES] = Field("other", title="Category")
    due: Day = Field(title="Due")
    status: Literal[GOAL_STATUSES] = Field("open", title="Status")
    progress: Whole = Field(0, ge=0, le=100, title="Progress (%)")
    company_benefit: Text = Field("", max_length=1000, title="Benefit to the company")
    next_step: Text = Field("", max_length=500, title="Next step")


class Check(RecordModel):
    item: Annotated[Id, Ref("checklist_item")] = Field(title="Checklist item (ID)")
    date: Day = Field(title="Date")
    done: Flag = Field(False, title="Done")
    note: Text = Field("", max_length=500, title="Note")

    @classmethod
    def rules(cls, record_id, values):
        """A check's id is derived from its item and date, so two devices ticking the same
        item on the same day write one record."""
        if values["item"] is not None and record_id != check_id(values["item"], values["date"]):
            return {"id": _("A check's id must be derived from its item and date.")}
        return {}


class EfficiencyLog(RecordModel):
    date: Day = Field(title="Date")
    task: Text = Field(min_length=1, max_length=200, title="Task")
    minutes_spent: Whole = Field(ge=0, le=MINUTES_A_DAY, title="Minutes spent")
    minutes_saved: Whole = Field(0, ge=0, le=MINUTES_A_DAY, title="Minutes saved")
    improvement: Text = Field("", max_length=500, title="Improvement")
    outcome_value: Annotated[Decimal, Money(below=10**12)] | None = Field(None, title="Outcome")
    outcome_unit: Text = Field("", max_length=30, title="Outcome unit")
    note: Text = Field("", max_length=2000, title="Note")
    tags: texts(30) = Field(default_factory=list, max_length=10, title="Tags")


class LearningSession(RecordModel):
    date: Day = Field(title="Date")
    topic: Text = Field(min_length=1, max_length=120, title="Topic")
    minutes: Whole = Field(ge=1, le=MINUTES_A_DAY, title="Minutes")
    place: Literal[PLACES] = Field("other", title="Place")
    goal: Annotated[Id | None, Ref("goal")] = Field(None, title="Goal (ID)")
    note: Text = Field("", max_length=1000, title="Note")


class Contact(RecordModel):
    date: Day = Field(title="Date")
    name: Text = Field(min_length=1, max_length=120, title="Name")
    kind: Literal[CONTACT_KINDS] = Field("other", title="Kind")
    organisation: Text = Field("", max_length=120, title="Organisation")
    note: Text = Field("", max_length=1000, title="Note")
    follow_up_on: Day | None = Field(None, title="Follow up on")


Answer = Annotated[
    int,
    Strict(),
    Field(ge=min(selfcheck.ANSWERS), le=max(selfcheck.ANSWERS)),
    Says(gettext_lazy("Answer with a whole number from 0 to 3.")),
]


class SelfCheck(RecordModel):
    date: Day = Field(title="Date")
    questionnaire: Text = Field(
        min_length=1, max_length=selfcheck.MAX_VERSION_LENGTH, title="Questionnaire version"
    )
    answers: dict[MappingKey, Answer] = Field(
        default_factory=dict, max_length=selfcheck.MAX_QUESTIONS, title="Answers"
    )
    score: Annotated[int, Derived()] = Field(
        0, ge=0, le=100, json_schema_extra={"readOnly": True}, title="Score"
    )

    @classmethod
    def rules(cls, record_id, values):
        """Only answers to the questionnaire in use can be scored; an old version's record is
        taken again rather than scored with weights its questions never had."""
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

    @classmethod
    def derive(cls, values):
        """The score of the answers (content/README.md's formula)."""
        return {"score": selfcheck.score(values["answers"])}


class MeetingBrief(RecordModel):
    meeting_on: Day = Field(title="Meeting date")
    satisfaction: Whole = Field(ge=1, le=5, title="Satisfaction")
    wanted_work: Text = Field("", max_length=2000, title="Work I want to take on")
    time_plan: Text = Field("", max_length=2000, title="Time plan")
    company_benefit: Text = Field("", max_length=2000, title="Benefit to the company")
    asks: Text = Field("", max_length=2000, title="Requests")
    after_notes: Text = Field("", max_length=2000, title="Notes after the meeting")
    goals: Annotated[Ids, Ref("goal")] = Field(
        default_factory=list, max_length=20, title="Goals (IDs)"
    )


def _both(values: dict) -> dict:
    return {"score": values.get("score", 0), "weight": values.get("weight", 0)}


def _criterion_part(name: str):
    return Annotated[
        int,
        Strict(),
        Field(ge=0, le=5),
        Says(gettext_lazy("%(key)s is a whole number from 0 to 5."), key=name),
    ]


class Criterion(TypedDict, total=False):
    """How well an employer meets one of her criteria, and how much it matters to her;
    a part left out is 0."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]

    score: NotRequired[_criterion_part("score")]
    weight: NotRequired[_criterion_part("weight")]


class Employer(RecordModel):
    name: Text = Field(min_length=1, max_length=120, title="Name")
    url: WebAddress = Field("", max_length=300, title="Web address")
    criteria: dict[
        MappingKey,
        Annotated[Criterion, AfterValidator(_both), Says(gettext_lazy("Send {score, weight}."))],
    ] = Field(default_factory=dict, max_length=30, title="Criteria")
    note: Text = Field("", max_length=2000, title="Note")


class CareerMode(RecordModel):
    mode: Literal[MODES] = Field(title="Mode")
    starts: Day = Field(title="Starts")
    ends: Day = Field(title="Ends")
    purpose: Text = Field("", max_length=500, title="Purpose")
    focus: Text = Field("", max_length=500, title="Focus")

    @classmethod
    def rules(cls, record_id, values):
        """A period ends on or after the day it starts."""
        if values["ends"] < values["starts"]:
            return {"ends": _("The end date cannot be before the start date.")}
        return {}


# Referenced types come before the types that refer to them (sync registers them in order).
RECORDS: dict[str, type[RecordModel]] = {
    "checklist_item": ChecklistItem,
    "goal": Goal,
    "check": Check,
    "efficiency_log": EfficiencyLog,
    "learning_session": LearningSession,
    "contact": Contact,
    "self_check": SelfCheck,
    "meeting_brief": MeetingBrief,
    "employer": Employer,
    "career_mode": CareerMode,
}
