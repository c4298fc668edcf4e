from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from server.sync import protocol, selectors, services


class PushView(APIView):
    @extend_schema(request=OpenApiTypes.OBJECT, responses=OpenApiTypes.OBJECT)
    def post(self, request):
        if int(request.META.get("CONTENT_LENGTH") or 0) > protocol.MAX_BYTES:
            error = protocol.too_large()
            return Response(error.errors, status=error.status)
        try:
            device_id, ops = protocol.parse_push(request.data)
        except protocol.BadPush as error:
            return Response(error.errors, status=error.status)
        return Response(services.push(user=request.user, device_id=device_id, ops=ops))


class PullQuery(serializers.Serializer):
    cursor = serializers.IntegerField(min_value=0, default=0)
    limit = serializers.IntegerField(min_value=1, max_value=selectors.MAX_LIMIT, default=500)


class PullView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("cursor", int), OpenApiParameter("limit", int)],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        query = PullQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            return Response(selectors.pull(user=request.user, **query.validated_data))
        except selectors.CursorExpired:
            return Response(
                {
                    "detail": _("This device has been away too long: reload everything."),
                    "code": "cursor_expired",
                },
                status=status.HTTP_410_GONE,
            )
