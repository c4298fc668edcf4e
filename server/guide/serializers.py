from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from server.guide import earnings


def _pct(**kw) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal(earnings.MIN_RAISE_PCT),
        max_value=Decimal(earnings.MAX_RAISE_PCT),
        **kw,
    )


class EarningsQuerySerializer(serializers.Serializer):
    """The calculator's inputs from the query string; bounds from server/guide/earnings.py."""

    salary = serializers.IntegerField(min_value=1, max_value=earnings.MAX_SALARY)
    raise_pct = _pct()
    track_raise_pct = _pct()
    years = serializers.IntegerField(min_value=1, max_value=earnings.MAX_YEARS)
    track_years = serializers.IntegerField(min_value=0, max_value=earnings.MAX_YEARS)
    allowance = serializers.IntegerField(min_value=0, max_value=earnings.MAX_ALLOWANCE, default=0)
    allowance_from = serializers.IntegerField(min_value=1, max_value=earnings.MAX_YEARS, default=1)
    retirement_months = serializers.IntegerField(
        min_value=0, max_value=earnings.MAX_RETIREMENT_MONTHS, default=0
    )

    def validate(self, attrs):
        errors = {}
        if attrs["track_years"] > attrs["years"]:
            errors["track_years"] = [_("Cannot be more than the number of years.")]
        if attrs["allowance_from"] > attrs["years"]:
            errors["allowance_from"] = [_("Cannot be later than the last year.")]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class EarningsYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    normal = serializers.IntegerField()
    track = serializers.IntegerField()
    gap = serializers.IntegerField()
    cumulative = serializers.IntegerField()


class EarningsGapSerializer(serializers.Serializer):
    """Whole yen, rounded half away from zero; totals come from unrounded values."""

    years = EarningsYearSerializer(many=True)
    pay_gap = serializers.IntegerField()
    allowance_gap = serializers.IntegerField()
    retirement_gap = serializers.IntegerField()
    total_gap = serializers.IntegerField()


class ChapterSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    order = serializers.IntegerField()
    tools = serializers.ListField(child=serializers.CharField())
