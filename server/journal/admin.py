"""The journal for staff to inspect. Users change their records through sync only."""

from django.contrib import admin
from django.db.models import URLField

from server.journal import models
from server.lib.admin import ReadOnlyAdmin, pretty_json

SYNC = ("version", "deleted", "updated_at")


class RecordAdmin(ReadOnlyAdmin):
    """Read-only: an edit here would bypass versions, so devices would never pull it."""

    list_filter = ("deleted",)
    list_select_related = ("user",)
    search_fields = ("user__email",)
    raw_id_fields = ("user",)  # never a <select> of every user, should editing be allowed
    ordering = ("-updated_at",)
    exclude = ("field_versions",)
    readonly_fields = ("field_versions_json",)

    @admin.display(description="field versions")
    def field_versions_json(self, obj) -> str:
        return pretty_json(obj.field_versions)


@admin.register(models.ChecklistItem)
class ChecklistItemAdmin(RecordAdmin):
    list_display = ("title", "user", "position", "archived", "starter_key", *SYNC)
    list_filter = ("deleted", "archived")
    search_fields = ("user__email", "title")


@admin.register(models.Check)
class CheckAdmin(RecordAdmin):
    list_display = ("date", "item_title", "user", "done", *SYNC)
    list_filter = ("deleted", "done")
    list_select_related = ("user", "item")
    raw_id_fields = ("user", "item")
    date_hierarchy = "date"

    @admin.display(description="item", ordering="item__title")
    def item_title(self, obj: models.Check) -> str:
        return obj.item.title


@admin.register(models.EfficiencyLog)
class EfficiencyLogAdmin(RecordAdmin):
    list_display = (
        "date",
        "task",
        "user",
        "minutes_spent",
        "minutes_saved",
        "outcome_value",
        "outcome_unit",
        *SYNC,
    )
    search_fields = ("user__email", "task")
    date_hierarchy = "date"


@admin.register(models.Goal)
class GoalAdmin(RecordAdmin):
    list_display = ("title", "user", "category", "due", "status", "progress", *SYNC)
    list_filter = ("deleted", "status", "category")
    search_fields = ("user__email", "title")


@admin.register(models.LearningSession)
class LearningSessionAdmin(RecordAdmin):
    list_display = ("date", "topic", "user", "minutes", "place", *SYNC)
    list_filter = ("deleted", "place")
    list_select_related = ("user", "goal")
    raw_id_fields = ("user", "goal")
    search_fields = ("user__email", "topic")
    date_hierarchy = "date"


@admin.register(models.Contact)
class ContactAdmin(RecordAdmin):
    list_display = ("date", "name", "user", "kind", "organisation", "follow_up_on", *SYNC)
    list_filter = ("deleted", "kind")
    search_fields = ("user__email", "name", "organisation")
    date_hierarchy = "date"


@admin.register(models.SelfCheck)
class SelfCheckAdmin(RecordAdmin):
    list_display = ("date", "user", "questionnaire", "score", *SYNC)
    date_hierarchy = "date"


@admin.register(models.MeetingBrief)
class MeetingBriefAdmin(RecordAdmin):
    list_display = ("meeting_on", "user", "satisfaction", *SYNC)
    date_hierarchy = "meeting_on"


@admin.register(models.Employer)
class EmployerAdmin(RecordAdmin):
    list_display = ("name", "user", "url", *SYNC)
    formfield_overrides = {URLField: {"assume_scheme": "https"}}  # Django 6's default
    search_fields = ("user__email", "name")


@admin.register(models.CareerMode)
class CareerModeAdmin(RecordAdmin):
    list_display = ("mode", "user", "starts", "ends", "purpose", *SYNC)
    list_filter = ("deleted", "mode")
