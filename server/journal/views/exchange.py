"""Her data out and back in: the JSON export, the CSV ZIP, and the import of an export file."""

import json

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.parsers import BaseParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from server.journal import exports, imports
from server.lib.api import BadRequest


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"  # her whole journal: never kept by a cache
    return response


class ExportView(APIView):
    @extend_schema(responses={(200, "application/json"): OpenApiTypes.OBJECT})
    def get(self, request):
        doc = exports.document(user=request.user)
        body = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
        name = exports.filename(user=request.user, extension="json")
        return _attachment(body, "application/json; charset=utf-8", name)


class ExportCsvView(APIView):
    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY})
    def get(self, request):
        name = exports.filename(user=request.user, extension="zip")
        return _attachment(exports.csv_zip(user=request.user), "application/zip", name)


class RejectedSerializer(serializers.Serializer):
    type = serializers.CharField()
    id = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class ImportReportSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    skipped = serializers.IntegerField()
    rejected = RejectedSerializer(many=True)
    not_imported = serializers.ListField(
        child=serializers.CharField(), help_text="parts of the file left out (profile, summaries)"
    )
    ids = serializers.DictField(
        child=serializers.CharField(),
        help_text="the file's id → her id, for each record stored under a new id",
    )


class _RawBody(BaseParser):
    """Any body but a form, as bytes: at most one byte past the import limit is read."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        return stream.read(imports.MAX_BYTES + 1)


def _read_upload(request) -> bytes:
    """The export file: a multipart upload named `file`, or the body itself (JSON)."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > imports.MAX_BYTES + 64 * 1024:
        raise imports.too_large()
    if (request.content_type or "").startswith("multipart/form-data"):
        upload = request.FILES.get("file")
        if upload is None:
            raise BadRequest({"file": [_("Choose an Ippo export file (.json).")]})
        if upload.size > imports.MAX_BYTES:
            raise imports.too_large()
        return upload.read()
    return request.data if isinstance(request.data, bytes) else b""


class ImportView(APIView):
    # Read as bytes (its size checked first), never through the JSON parser: a file that is
    # not JSON gets the import's own answer, and a large one is not held twice.
    parser_classes = [MultiPartParser, _RawBody]

    @extend_schema(
        request={
            "application/json": OpenApiTypes.OBJECT,
            "multipart/form-data": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
            },
        },
        responses={
            200: ImportReportSerializer,
            400: OpenApiResponse(OpenApiTypes.OBJECT, description="not an export file"),
            413: OpenApiResponse(OpenApiTypes.OBJECT, description="too large"),
        },
    )
    def post(self, request):
        data = imports.parse(_read_upload(request))
        return Response(imports.import_document(user=request.user, data=data))
