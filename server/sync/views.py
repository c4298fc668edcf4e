from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from server.lib import api
from server.sync import fields, protocol, registry, selectors, services


class _RecordTypeField(serializers.ChoiceField):
    """A record type's name, from the registry (sync knows none by name)."""

    def __init__(self, **kwargs):
        super().__init__(choices=[rt.name for rt in registry.all_types()], **kwargs)


def _spec_schema(spec: fields.Spec) -> dict:
    """The JSON schema of one field spec, for the API docs and the fuzzer (schema only)."""
    if isinstance(spec, fields.Str):
        schema = {"type": "string", "minLength": spec.min_length, "maxLength": spec.max_length}
    elif isinstance(spec, fields.Int):
        schema = {"type": "integer", "minimum": spec.min_value}
        if spec.max_value is not None:
            schema["maximum"] = spec.max_value
    elif isinstance(spec, fields.Bool):
        schema = {"type": "boolean"}
    elif isinstance(spec, fields.Date):
        schema = {"type": "string", "format": "date"}
    elif isinstance(spec, fields.DecimalSpec):
        schema = {"type": "number", "minimum": float(spec.min_value)}
    elif isinstance(spec, fields.Choice):
        schema = {"type": "string", "enum": list(spec.choices)}
    elif isinstance(spec, fields.Ref):
        schema = {"type": "string", "format": "uuid", "description": f"a {spec.target}'s id"}
    elif isinstance(spec, fields.RefList):
        items = {"type": "string", "format": "uuid"}
        schema = {"type": "array", "maxItems": spec.max_items, "items": items}
    elif isinstance(spec, fields.StrList):
        items = {"type": "string", "maxLength": spec.max_length}
        schema = {"type": "array", "maxItems": spec.max_items, "items": items}
    elif isinstance(spec, fields.Mapping):
        schema = {"type": "object", "maxProperties": spec.max_items}
    else:
        schema = {}
    if spec.null:
        schema["nullable"] = True
    return schema


def _upsert_schema(rt: registry.RecordType) -> dict:
    record = {
        "type": "object",
        "properties": {name: _spec_schema(spec) for name, spec in rt.fields.items()},
        "additionalProperties": False,
    }
    if rt.required:
        record["required"] = list(rt.required)
    return {
        "type": "object",
        "title": f"upsert {rt.name}",
        "properties": {
            **_OP_HEAD,
            "action": {"type": "string", "enum": ["upsert"]},
            "type": {"type": "string", "enum": [rt.name]},
            "fields": record,
        },
        "required": ["op_seq", "action", "type", "id", "fields"],
    }


_OP_HEAD = {
    "op_seq": {"type": "integer", "minimum": 1},
    "id": {"type": "string", "format": "uuid"},
    "base_version": {"type": "integer", "minimum": 0, "description": "0 for a new record"},
}


class _OpsField(serializers.ListField):
    """The ops of a push (schema only: protocol.parse_push reads them)."""


class OpsFieldSchema(OpenApiSerializerFieldExtension):
    """Each op's fields as its record type declares them, so clients and the fuzzer see them."""

    target_class = _OpsField

    def map_serializer_field(self, auto_schema, direction):
        delete = {
            "type": "object",
            "title": "delete",
            "properties": {
                **_OP_HEAD,
                "action": {"type": "string", "enum": ["delete"]},
                "type": {"type": "string", "enum": [rt.name for rt in registry.all_types()]},
            },
            "required": ["op_seq", "action", "type", "id"],
        }
        ops = [_upsert_schema(rt) for rt in registry.all_types()] + [delete]
        return {"type": "array", "maxItems": protocol.MAX_OPS, "items": {"oneOf": ops}}


class PushSerializer(serializers.Serializer):
    device_id = serializers.UUIDField()
    ops = _OpsField()


class PushResultSerializer(serializers.Serializer):
    op_seq = serializers.IntegerField()
    status = serializers.ChoiceField(
        choices=[services.APPLIED, services.DUPLICATE, services.MERGED, services.REJECTED]
    )
    version = serializers.IntegerField(
        allow_null=True, required=False, help_text="null: a delete of what never arrived"
    )
    fields = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="merged: fields kept"
    )
    errors = serializers.DictField(required=False, help_text="rejected: field errors")


class PushAnswerSerializer(serializers.Serializer):
    last_op_seq = serializers.IntegerField()
    results = PushResultSerializer(many=True)
    cursor = serializers.IntegerField()


class ChangeSerializer(serializers.Serializer):
    type = _RecordTypeField()
    id = serializers.UUIDField()
    version = serializers.IntegerField()
    deleted = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    fields = serializers.DictField()


class PullAnswerSerializer(serializers.Serializer):
    changes = ChangeSerializer(many=True)
    cursor = serializers.IntegerField()
    has_more = serializers.BooleanField()


class PushView(APIView):
    @extend_schema(
        request=PushSerializer,
        responses={
            200: PushAnswerSerializer,
            400: api.field_errors("The envelope is not what the protocol says; nothing applied."),
            413: OpenApiResponse(api.ErrorSerializer, description="Too many ops or bytes."),
        },
    )
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
        parameters=[PullQuery],
        responses={
            200: PullAnswerSerializer,
            400: api.field_errors(),
            410: OpenApiResponse(
                api.ErrorSerializer,
                description="The cursor is older than what the server keeps (code "
                '"cursor_expired"): reload everything.',
            ),
        },
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
