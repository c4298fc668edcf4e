from rest_framework import serializers

from server.summaries.models import MonthlySummary


class HeadlineSerializer(serializers.Serializer):
    entries = serializers.IntegerField()
    minutes_saved = serializers.IntegerField()
    hours_saved = serializers.FloatField()
    learning_minutes = serializers.IntegerField()
    contacts = serializers.IntegerField()
    completion_percent = serializers.FloatField()


class SummaryListItemSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    status = serializers.ChoiceField(choices=MonthlySummary.Status.choices)
    sent_at = serializers.DateTimeField(allow_null=True)
    headline = HeadlineSerializer()


class NextStepSerializer(serializers.Serializer):
    area = serializers.CharField()
    chapter = serializers.CharField(allow_null=True, help_text="a guide chapter's slug")
    gentle = serializers.BooleanField()
    line = serializers.CharField(help_text="in the user's language")
    chapter_title = serializers.CharField(allow_null=True)
    chapter_url = serializers.CharField(allow_null=True)


class SummarySerializer(SummaryListItemSerializer):
    figures = serializers.JSONField(help_text="the stored figures (server/summaries/README.md)")
    next_step = NextStepSerializer()
