"""What every API view shares: Django validation errors and BadRequest become 400s (or the
status they carry) with field errors, and the OpenAPI schema documents the error answers
every view can give (see AutoSchema)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


class BadRequest(Exception):
    """A request refused whole, before anything is written: `errors` is the answer's body
    ({"field": ["message"]}, or {"detail": "…"}) and `status` its code (400, or 413 when it
    is too large). A service raises it; the exception handler answers it."""

    def __init__(self, errors: dict, *, status: int = 400) -> None:
        super().__init__(errors)
        self.errors = errors
        self.status = status


def exception_handler(exc, context):
    if isinstance(exc, BadRequest):
        return Response(exc.errors, status=exc.status)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            exc = exceptions.ValidationError(exc.message_dict)
        else:
            exc = exceptions.ValidationError({"non_field_errors": exc.messages})
    return drf_exception_handler(exc, context)


class ErrorSerializer(serializers.Serializer):
    """The body of every error but a 400: a sentence for the person, and sometimes a code."""

    detail = serializers.CharField()
    code = serializers.CharField(required=False, help_text="when the client must act on it")

    class Meta:
        ref_name = "Error"


# A 400 names what was wrong field by field ({"field": ["message", …]}, nested for nested
# input, "non_field_errors" for the whole request) or, for a body that is not JSON, "detail".
VALIDATION_ERRORS = {
    "type": "object",
    "description": 'Field errors: {"field": ["message"]}; "non_field_errors" for the whole '
    'request; "detail" when the body could not be read.',
    "additionalProperties": {},
}


def field_errors(description: str = "The request has errors; nothing was changed."):
    """A 400 answer for @extend_schema(responses=…), the same shape AutoSchema documents."""
    return OpenApiResponse(response=VALIDATION_ERRORS, description=description)


class AutoSchema(SpectacularAutoSchema):
    """Adds to each operation the error answers its view can give, unless the view says more.

    From what the view is: field errors (400) when it takes a body or a query, 401 when it
    needs a session, 403 for a missing CSRF token on unsafe methods (checked for everyone,
    see accounts.auth), 404 when the path names something, 415 for a body that is not JSON
    and 429 (with Retry-After) when the view is throttled.
    """

    def _get_request_body(self, direction="request"):
        """As drf-spectacular's, and also for a DELETE whose view declares a body.

        drf-spectacular leaves DELETE bodies out; DELETE /api/auth/account takes the password,
        and a client that is not told so cannot send it.
        """
        if self.method != "DELETE" or self.get_request_serializer() is None:
            return super()._get_request_body(direction)
        self.method = "POST"  # the parent describes bodies of POST, PUT and PATCH only
        try:
            return super()._get_request_body(direction)
        finally:
            self.method = "DELETE"

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        responses = operation.setdefault("responses", {})
        for code, description in self._errors(operation):
            if code in responses:
                continue
            answer = {
                "description": description,
                "content": {"application/json": {"schema": self._error_schema(code)}},
            }
            if code == "429":
                answer["headers"] = {
                    "Retry-After": {
                        "schema": {"type": "integer"},
                        "description": "seconds to wait before trying again",
                    }
                }
            responses[code] = answer
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _errors(self, operation) -> list[tuple[str, str]]:
        places = {parameter.get("in") for parameter in operation.get("parameters", [])}
        has_body = "requestBody" in operation
        permissions = self.view.get_permissions()
        errors = []
        if has_body or "query" in places:
            errors.append(("400", "The request has errors; nothing was changed."))
        if not all(isinstance(permission, AllowAny) for permission in permissions):
            errors.append(("401", "Not signed in, or the session has ended."))
        if self.method in UNSAFE_METHODS:
            errors.append(("403", "The CSRF token is missing or wrong."))
        if "path" in places:
            errors.append(("404", "Not found (another user's is never found either)."))
        if has_body:
            errors.append(("415", "The body is not JSON."))
        if self.view.get_throttles():
            errors.append(("429", "Too many attempts: wait for Retry-After seconds."))
        return errors

    def _error_schema(self, code: str) -> dict:
        if code == "400":
            component = ResolvedComponent(
                name="ValidationErrors",
                type=ResolvedComponent.SCHEMA,
                object="ValidationErrors",
                schema=VALIDATION_ERRORS,
            )
            self.registry.register_on_missing(component)
            return component.ref
        return self.resolve_serializer(ErrorSerializer, "response").ref
