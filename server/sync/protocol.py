"""The push envelope: its shape is checked here, before anything is written.

An envelope that is not what the protocol says (not an object, no device_id, an op without
op_seq, an unknown type, an id that is no UUID) is refused whole with a 400, because no op in
it can be trusted to be what the client meant. A well-formed op whose *fields* are wrong is
rejected on its own later, and the rest of the batch applies.
"""

import uuid
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from server.lib.api import BadRequest
from server.sync import registry
from server.sync.registry import RecordType
from server.sync.values import PydanticCustomError, said, say, uuid_of

MAX_OPS = 200
MAX_BYTES = 512 * 1024
ACTIONS = ("upsert", "delete")


@dataclass(slots=True)
class Op:
    op_seq: int
    action: str
    type: RecordType
    id: uuid.UUID
    base_version: int
    fields: dict[str, Any]


def too_large() -> BadRequest:
    return BadRequest(
        {
            "detail": _("This push is too large: send at most %(ops)d ops and %(kb)d KB at once.")
            % {"ops": MAX_OPS, "kb": MAX_BYTES // 1024}
        },
        status=413,
    )


def _whole_number(value: Any, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise say(_("Send a whole number of at least %(n)d.") % {"n": minimum})
    return value


def _parse_op(raw: Any) -> tuple[Op | None, dict[str, list[str]]]:
    if not isinstance(raw, dict):
        return None, {"non_field_errors": [_("Each op is a JSON object.")]}
    errors: dict[str, list[str]] = {}
    values: dict[str, Any] = {}
    for name, check in _CHECKS:
        if name not in raw:
            errors[name] = [_("This field is required.")]
            continue
        try:
            values[name] = check(raw[name])
        except PydanticCustomError as exc:
            errors[name] = [said(exc)]
    try:
        values["base_version"] = _whole_number(raw.get("base_version", 0), 0)
    except PydanticCustomError as exc:
        errors["base_version"] = [said(exc)]
    fields = raw.get("fields", {})
    if not isinstance(fields, dict) or (values.get("action") == "upsert" and "fields" not in raw):
        errors["fields"] = [_("Send the record's fields as an object.")]
    if errors:
        return None, errors
    return Op(fields=fields, **values), {}


def _op_seq(value: Any) -> int:
    return _whole_number(value, 1)


def _action(value: Any) -> str:
    if value not in ACTIONS:
        raise say(_("Use “upsert” or “delete”."))
    return value


def _record_type(value: Any) -> RecordType:
    record_type = registry.get(value) if isinstance(value, str) else None
    if record_type is None:
        raise say(_("“%(type)s” is not a record type.") % {"type": value})
    return record_type


_CHECKS = (("op_seq", _op_seq), ("action", _action), ("type", _record_type), ("id", uuid_of))


def parse_push(data: Any) -> tuple[uuid.UUID, list[Op]]:
    """Check a push body; raise BadRequest (400 or 413) with every problem named."""
    if not isinstance(data, dict):
        raise BadRequest({"non_field_errors": [_("Send a JSON object with device_id and ops.")]})
    errors: dict[str, Any] = {}
    device_id = None
    try:
        device_id = uuid_of(data.get("device_id"))
    except PydanticCustomError as exc:
        errors["device_id"] = [said(exc)]
    raw_ops = data.get("ops")
    if not isinstance(raw_ops, list):
        errors["ops"] = [_("Send the ops as a list.")]
        raise BadRequest(errors)
    if len(raw_ops) > MAX_OPS:
        raise too_large()
    ops, op_errors = [], {}
    for index, raw in enumerate(raw_ops):
        op, problems = _parse_op(raw)
        if problems:
            op_errors[str(index)] = problems
        else:
            ops.append(op)
    if op_errors:
        errors["ops"] = op_errors
    if errors:
        raise BadRequest(errors)
    return device_id, ops
