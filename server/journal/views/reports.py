"""The weekly progress report's figures, as the phone computes them offline."""

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from server.journal import selectors
from server.journal.serializers import WeeklyReportSerializer, WeekQuerySerializer


class WeeklyReportView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "week",
                str,
                description="ISO week YYYY-Www; default: the last full week in her time zone",
                pattern=r"^\d{4}-W\d{2}$",
            )
        ],
        responses={
            200: WeeklyReportSerializer,
            400: OpenApiResponse(
                inline_serializer(
                    "WeeklyReportBadWeek",
                    {"week": serializers.ListField(child=serializers.CharField())},
                ),
                description="no such week (the message is in her language)",
            ),
            401: OpenApiResponse(
                inline_serializer("WeeklyReportSignIn", {"detail": serializers.CharField()}),
                description="not signed in",
            ),
        },
    )
    def get(self, request):
        query = WeekQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        figures = selectors.weekly_report(user=request.user, week=query.week_for(request.user))
        return Response(WeeklyReportSerializer(figures).data)
