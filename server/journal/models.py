"""The user's records. Field rules live in journal/types.py, shared by sync and export."""

from django.db import models

from server.sync.models import SyncedRecord


class ChecklistItem(SyncedRecord):
    title = models.CharField(max_length=120)
    position = models.PositiveIntegerField(default=0)
    archived = models.BooleanField(default=False)
    # The wire format says "str or null": null means an item she wrote herself.
    starter_key = models.CharField(max_length=60, null=True, blank=True)  # noqa: DJ001

    def __str__(self) -> str:
        return self.title


class Check(SyncedRecord):
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="checks")
    date = models.DateField()
    done = models.BooleanField(default=False)
    note = models.CharField(max_length=500, blank=True)

    class Meta(SyncedRecord.Meta):
        constraints = [
            models.UniqueConstraint(fields=["item", "date"], name="journal_check_item_date")
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


class Goal(SyncedRecord):
    title = models.CharField(max_length=200)
    category = models.CharField(max_length=20)
    due = models.DateField()
    status = models.CharField(max_length=10, default="open")
    progress = models.PositiveSmallIntegerField(default=0)
    company_benefit = models.TextField(max_length=1000, blank=True)
    next_step = models.CharField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.title


class LearningSession(SyncedRecord):
    date = models.DateField()
    topic = models.CharField(max_length=120)
    minutes = models.PositiveSmallIntegerField()
    place = models.CharField(max_length=10)
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="learning_sessions"
    )
    note = models.TextField(max_length=1000, blank=True)


class Contact(SyncedRecord):
    date = models.DateField()
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20)
    organisation = models.CharField(max_length=120, blank=True)
    note = models.TextField(max_length=1000, blank=True)
    follow_up_on = models.DateField(null=True, blank=True)


class SelfCheck(SyncedRecord):
    date = models.DateField()
    questionnaire = models.CharField(max_length=20)
    answers = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField(default=0)  # computed by the server


class MeetingBrief(SyncedRecord):
    meeting_on = models.DateField()
    satisfaction = models.PositiveSmallIntegerField()
    wanted_work = models.TextField(max_length=2000, blank=True)
    time_plan = models.TextField(max_length=2000, blank=True)
    company_benefit = models.TextField(max_length=2000, blank=True)
    asks = models.TextField(max_length=2000, blank=True)
    after_notes = models.TextField(max_length=2000, blank=True)
    goals = models.JSONField(default=list, blank=True)  # ids of the user's goals


class Employer(SyncedRecord):
    name = models.CharField(max_length=120)
    url = models.URLField(max_length=300, blank=True)
    criteria = models.JSONField(default=dict, blank=True)
    note = models.TextField(max_length=2000, blank=True)


class CareerMode(SyncedRecord):
    mode = models.CharField(max_length=10)
    starts = models.DateField()
    ends = models.DateField()
    purpose = models.CharField(max_length=500, blank=True)
    focus = models.CharField(max_length=500, blank=True)
