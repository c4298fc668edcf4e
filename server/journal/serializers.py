"""The journal API's query and response shapes (they also describe the OpenAPI schema)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from server.journal import records, selectors, weeks


class WeekQuerySerializer(serializers.Serializer):
    week = serializers.CharField(
        required=False,
        help_text="ISO week YYYY-Www, e.g. 2026-W47; default: the last full week in her zone",
    )

    def validate_week(self, value: str) -> weeks.Week:
        week = weeks.parse(value)
        if week is None:
            raise serializers.ValidationError(
                _("Give an ISO week between %(first)s and %(last)s, such as 2026-W47.")
                % {"first": weeks.FIRST_YEAR, "last": weeks.LAST_YEAR}
            )
        return week

    def week_for(self, user) -> weeks.Week:
        """The week asked for, or the last full week in her zone."""
        return self.validated_data.get("week") or weeks.last_full(timezone.now(), user.zone)


class OutcomeSerializer(serializers.Serializer):
    unit = serializers.CharField(help_text="outcome_unit as she wrote it")
    total = serializers.FloatField(help_text="sum of outcome_value for this unit")
    entries = serializers.IntegerField(min_value=1)


class ImprovementSerializer(serializers.Serializer):
    improvement = serializers.CharField(allow_blank=True)
    task = serializers.CharField()
    minutes_saved = serializers.IntegerField(min_value=1)
    entries = serializers.IntegerField(min_value=1, help_text="logs with this task and improvement")


class ProgressedGoalSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=records.PROGRESS_STATUSES)
    progress = serializers.IntegerField(min_value=0, max_value=100)
    due = serializers.DateField()


class WeeklyReportSerializer(serializers.Serializer):
    week = serializers.RegexField(weeks.KEY.pattern, help_text="YYYY-Www")
    start = serializers.DateField(help_text="the Monday")
    end = serializers.DateField(help_text="the Sunday")
    time_zone = serializers.CharField()
    tasks_logged = serializers.IntegerField(min_value=0)
    minutes_spent = serializers.IntegerField(min_value=0)
    minutes_saved = serializers.IntegerField(min_value=0)
    outcomes = OutcomeSerializer(many=True)
    top_improvements = serializers.ListField(
        child=ImprovementSerializer(), max_length=selectors.TOP_IMPROVEMENTS
    )
    learning_minutes = serializers.IntegerField(min_value=0)
    learning_sessions = serializers.IntegerField(min_value=0)
    contacts = serializers.IntegerField(min_value=0)
    checks_done = serializers.IntegerField(min_value=0)
    checklist_items = serializers.IntegerField(
        min_value=0, help_text="items on her checklist at the week's end"
    )
    completion_rate = serializers.FloatField(min_value=0, max_value=1)
    goals_progressed = serializers.IntegerField(min_value=0)
    goals = ProgressedGoalSerializer(many=True)
