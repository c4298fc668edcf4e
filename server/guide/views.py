"""Two small JSON APIs: the guide's table of contents and the earnings gap.

The guide's pages are screens of the PWA; server/web/guide.py answers their addresses."""

from django.conf import settings
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from server.guide import content, earnings
from server.guide.serializers import (
    ChapterSerializer,
    EarningsGapSerializer,
    EarningsQuerySerializer,
)
from server.lib import api


@extend_schema(
    responses=inline_serializer(
        "GuideChapters",
        {code: ChapterSerializer(many=True) for code, _name in settings.LANGUAGES},
    )
)
@api_view(["GET"])
@permission_classes([AllowAny])
def chapters_api(request: Request) -> Response:
    """The table of contents in every language (the PWA bundles the chapters themselves)."""
    return Response(
        {
            lang: ChapterSerializer(content.chapters(lang), many=True).data
            for lang in content.languages()
        }
    )


# Public like the guide: it stores nothing and reads no user data, and someone deciding
# whether to sign up is exactly who wants the number.
@extend_schema(
    parameters=[EarningsQuerySerializer],
    responses={
        200: EarningsGapSerializer,
        400: api.field_errors("An input is missing or out of range."),
    },
)
@api_view(["GET"])
@permission_classes([AllowAny])
def earnings_gap_api(request: Request) -> Response:
    """The earnings gap for the inputs in the query string, in whole yen."""
    query = EarningsQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return Response(earnings.earnings_gap(**query.validated_data).rounded())
