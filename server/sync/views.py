from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from server.lib import api
from server.sync import protocol, registry, selectors, services


class _RecordTypeField(serializers.ChoiceField):
    """A record type's name, from the registry (sync knows none by name)."""

    def __init__(self, **kwargs):
        super().__init__(choices=[rt.name for rt in registry.all_types()], **kwargs)


def _fields_component(auto_schema, rt: registry.RecordType) -> dict:
    """A reference to the record type's fields as its pydantic model publishes them (one
    component per type, plus any it is built from, such as an employer's Criterion)."""
    schema = rt.schema.model_json_schema(
        ref_template="#/components/schemas/{model}", mode="validation"
    )
    for name, sub in schema.pop("$defs", {}).items():
        auto_schema.registry.register_on_missing(_component(name, sub))
    component = _component(_component_name(rt), schema)
    auto_schema.registry.register_on_missing(component)
    return component.ref


def _component_name(rt: registry.RecordType) -> str:
    return f"{rt.schema.__name__}Fields"


def _component(name: str, schema: dict) -> ResolvedComponent:
    return ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema)


def _upsert_schema(auto_schema, rt: registry.RecordType) -> dict:
    return {
        "type": "object",
        "title": f"upsert {rt.name}",
        "properties": {
            **_OP_HEAD,
            "action": {"type": "string", "enum": ["upsert"]},
            "type": {"type": "string", "enum": [rt.name]},
            "fields": _fields_component(auto_schema, rt),
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
        ops = [_upsert_schema(auto_schema, rt) for rt in registry.all_types()] + [delete]
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
            raise protocol.too_large()
        device_id, ops = protocol.parse_push(request.data)
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
