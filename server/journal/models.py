"""The user's records, stored. What each field may hold is declared once, in records.py: the
choices here come from there, and so do the CHECK constraints (`checks`), so the database
refuses what validation refuses. tests/journal/test_models_match_records.py holds the rest
(lengths, null, defaults) equal."""

import typing

from annotated_types import Ge, Gt, Le, Lt, MinLen
from django.db import models
from django.db.models import Q

from server.journal import records
from server.sync.models import SyncedRecord
from server.sync.values import Money, bare, markers


def _pairs(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(value, value) for value in values]


_BOUNDS = ((Ge, "ge", "gte"), (Gt, "gt", "gt"), (Le, "le", "lte"), (Lt, "lt", "lt"))


def checks(schema: type[records.RecordModel]) -> list[models.CheckConstraint]:
    """The record type's bounds and choices as CHECK constraints, from its pydantic model."""
    table = f"journal_{schema.__name__.lower()}"
    out = []

    def add(name: str, kind: str, condition: Q, nullable: bool) -> None:
        if nullable:
            condition |= Q(**{f"{name}__isnull": True})
        out.append(models.CheckConstraint(condition=condition, name=f"{table}_{name}_{kind}"))

    for name, info in schema.model_fields.items():
        nullable = type(None) in typing.get_args(info.annotation)
        for marker in markers(info):
            for kind, attr, lookup in _BOUNDS:
                if isinstance(marker, kind):
                    add(name, lookup, Q(**{f"{name}__{lookup}": getattr(marker, attr)}), nullable)
            if isinstance(marker, MinLen) and marker.min_length == 1:
                add(name, "filled", ~Q(**{name: ""}), nullable)
            if isinstance(marker, Money):
                add(name, "gte", Q(**{f"{name}__gte": 0}), nullable)
                add(name, "lt", Q(**{f"{name}__lt": marker.below}), nullable)
        plain = bare(info.annotation)
        if typing.get_origin(plain) is typing.Literal:
            add(name, "choice", Q(**{f"{name}__in": typing.get_args(plain)}), nullable)
    return out


class ChecklistItem(SyncedRecord):
    title = models.CharField(max_length=120)
    position = models.PositiveIntegerField(default=0)
    archived = models.BooleanField(default=False)
    # The wire format says "str or null": null means an item she wrote herself.
    starter_key = models.CharField(max_length=60, null=True, blank=True)  # noqa: DJ001

    class Meta(SyncedRecord.Meta):
        constraints = checks(records.ChecklistItem)

    def __str__(self) -> str:
        return self.title


class Check(SyncedRecord):
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="checks")
    date = models.DateField()
    done = models.BooleanField(default=False)
    note = models.CharField(max_length=500, blank=True)

    class Meta(SyncedRecord.Meta):
        constraints = [
            models.UniqueConstraint(fields=["item", "date"], name="journal_check_item_date"),
            *checks(records.Check),
        ]


class EfficiencyLog(SyncedRecord):
    date = models.DateField()
    task = models.CharField(max_length=200)
    minutes_spent = models.PositiveSmallIntegerField()
    minutes_saved = models.PositiveSmallIntegerField(default=0)
    improvement = models.CharField(max_length=500, blank=True)
    outcome_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    outcome_unit = models.CharField(max_length=30, blank=True)
    note = models.TextField(max_length=2000, blank=True)
    tags = models.JSONField(default=list, blank=True)

    class Meta(SyncedRecord.Meta):
        constraints = checks(records.EfficiencyLog)


class Goal(SyncedRecord):
    title = models.CharField(max_length=200)
    category = models.CharField(
        max_length=20, choices=_pairs(records.GOAL_CATEGORIES), default="other"
    )
    due = models.DateField()
    status = models.CharField(max_length=10, choices=_pairs(records.GOAL_STATUSES), default="open")
    progress = models.PositiveSmallIntegerField(default=0)
    company_benefit = models.TextField(max_length=1000, blank=True)
    next_step = models.CharField(max_length=500, blank=True)

    class Meta(SyncedRecord.Meta):
        constraints = checks(records.Goal)

    def __str__(self) -> str:
        return self.title


class LearningSession(SyncedRecord):
    date = models.DateField()
    topic = models.CharField(max_length=120)
    minutes = models.PositiveSmallIntegerField()
    place = models.CharField(max_length=10, choices=_pairs(records.PLACES), default="other")
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="learning_sessions"
    )
    note = models.TextField(max_length=1000, blank=True)

    class Meta(SyncedRecord.Meta):
        constraints = checks(records.LearningSession)


class Contact(SyncedRecord):
    date = models.DateField()
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=_pairs(records.CONTACT_KINDS), default="other")
    organisation = models.CharField(max_length=120, blank=True)
    note = models.TextField(max_length=1000, blank=True)
    follow_up_on = models.DateField(null=True, blank=True)

    class Meta(SyncedRecord.Meta):
        constraints = checks(records.Contact)


class SelfCheck(SyncedRecord):
    date = models.DateField()
    questionnaire = models.CharField(max_length=20)
    answers = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField(default=0)  # computed by the server

    class Meta(SyncedRecord.Meta):
        constraints = checks(records.SelfCheck)


class MeetingBrief(SyncedRecord):
    meeting_on = models.DateField()
    satisfaction = models.PositiveSmallIntegerField()
    wanted_work = models.TextField(max_length=2000, blank=True)
    time_plan = models.TextField(max_length=2000, blank=True)
    company_benefit = models.TextField(max_length=2000, blank=True)
    asks = models.TextField(max_length=2000, blank=True)
    after_notes = models.TextField(max_length=2000, blank=True)
    goals = models.JSONField(default=list, blank=True)  # ids of the user's goals

    class Meta(SyncedRecord.Meta):
        constraints = checks(records.MeetingBrief)


class Employer(SyncedRecord):
    name = models.CharField(max_length=120)
    url = models.URLField(max_length=300, blank=True)
    criteria = models.JSONField(default=dict, blank=True)
    note = models.TextField(max_length=2000, blank=True)

    class Meta(SyncedRecord.Meta):
        constraints = checks(records.Employer)


class CareerMode(SyncedRecord):
    mode = models.CharField(max_length=10, choices=_pairs(records.MODES))
    starts = models.DateField()
    ends = models.DateField()
    purpose = models.CharField(max_length=500, blank=True)
    focus = models.CharField(max_length=500, blank=True)

    class Meta(SyncedRecord.Meta):
        constraints = checks(records.CareerMode)
