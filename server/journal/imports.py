"""Writes for import: an export file (exports.py) merged back into her records by id.

The whole file's shape is checked before anything is written; a file that is not an Ippo
export, or is malformed anywhere, changes nothing. The records then go through sync's push
service as ops from one "import" device, so they pass the very validation a phone's edits do
(field rules, references to her own records), take versions from her counter, and reach her
other devices on their next pull. Referenced types are registered first, so ordering the ops
by registration lets a record refer to one that comes earlier in the same file. A record
already equal to the file's copy is not sent at all: a second import of the same file is all
"skipped" and bumps no version.

A file from another account that still exists (moving accounts before deleting the old one)
holds ids that are taken: those records are renumbered (_renumber), the same way on every
import of the file into this account, and the report reads as it would for free ids.

Her profile and the monthly summaries in the file are not imported: the profile is whatever
she set in this account (the file may come from another one), and summaries are the server's
own record of what it sent, computed again from the records.
"""

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from server.journal import exports
from server.journal.exports import FORMAT, VERSION
from server.journal.records import check_id
from server.lib.api import BadRequest
from server.sync import registry, services
from server.sync.models import Device
from server.sync.protocol import Op
from server.sync.registry import RecordType, Reference
from server.sync.values import PydanticCustomError, said, uuid_of

# The device every import arrives from (one per user, like a phone).
IMPORT_DEVICE = uuid.UUID("6a1f4c0e-2d7b-4e59-9b83-3c5e0f1d7a26")
MAX_BYTES = 5 * 1024 * 1024
MAX_RECORDS = 20_000
CHUNK = 500  # ops per push call, all in one transaction
MAX_SHAPE_ERRORS = 20
# Where the new id of a record whose id belongs to another account comes from (see _renumber).
MOVED_IDS = uuid.UUID("3f0b7c52-9e1d-4a8f-b6c4-71d2e5a90c38")


def _moved_id(user, old: uuid.UUID) -> uuid.UUID:
    """Her id for a record that the file holds under another account's id: the same every
    time this file comes into this account, and no one else's."""
    return uuid.uuid5(MOVED_IDS, f"{user.pk}:{old}")


def _check_id(rt: RecordType, fields: dict[str, Any]) -> uuid.UUID | None:
    cleaned, errors = rt.clean({"item": fields.get("item"), "date": fields.get("date")})
    if errors:
        return None  # a malformed item or date: the push rejects the record and says why
    return check_id(cleaned["item"], cleaned["date"])


# Ids that are computed from a record's own fields rather than chosen, by type: when a
# reference among those fields is renumbered, the id follows it. The sync registry has no such
# hook (its `check` only verifies the id), so the journal names its one such type here: a
# check's id is check_id(item, date), the same on every device (see records.py).
DERIVED_IDS: dict[str, Callable[[RecordType, dict[str, Any]], uuid.UUID | None]] = {
    "check": _check_id,
}


def too_large() -> BadRequest:
    return BadRequest(
        {
            "detail": _("This file is too large to import: at most %(mb)d MB and %(n)s records.")
            % {"mb": MAX_BYTES // (1024 * 1024), "n": f"{MAX_RECORDS:,}"}
        },
        status=413,
    )


@dataclass(slots=True)
class Item:
    type: RecordType
    id: uuid.UUID  # the id she will hold it under: the file's, unless that is someone else's
    fields: dict[str, Any]
    deleted: bool
    source: uuid.UUID  # the id in the file, which the report names


def parse(raw: bytes) -> Any:
    """The file's bytes as JSON; BadRequest if it is too large or not JSON."""
    if len(raw) > MAX_BYTES:
        raise too_large()
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        message = _("This file is not JSON. Choose an Ippo export file (.json).")
        raise BadRequest({"file": [message]}) from None


def _item(rt: RecordType, raw: Any) -> tuple[Item | None, dict[str, list[str]]]:
    if not isinstance(raw, dict):
        return None, {"non_field_errors": [_("Each record is a JSON object.")]}
    errors: dict[str, list[str]] = {}
    record_id = None
    try:
        record_id = uuid_of(raw.get("id"))
    except PydanticCustomError as exc:
        errors["id"] = [said(exc)]
    if raw.get("type", rt.name) != rt.name:
        errors["type"] = [_("This record is listed under “%(type)s”.") % {"type": rt.name}]
    fields = raw.get("fields")
    if not isinstance(fields, dict):
        errors["fields"] = [_("Send the record's fields as an object.")]
    deleted = raw.get("deleted", False)
    if not isinstance(deleted, bool):
        errors["deleted"] = [_("Enter true or false.")]
    if errors:
        return None, errors
    return Item(rt, record_id, fields, deleted, record_id), {}


def read(data: Any) -> list[Item]:
    """Every record of the document in dependency order; BadRequest naming what is wrong."""
    if not isinstance(data, dict):
        raise BadRequest({"file": [_("This is not an Ippo export file.")]})
    if data.get("format") != FORMAT:
        raise BadRequest({"format": [_("This is not an Ippo export file.")]})
    version = data.get("version")
    if isinstance(version, bool) or version != VERSION:
        raise BadRequest(
            {
                "version": [
                    _("This Ippo reads export format version %(ours)d; the file has %(theirs)s.")
                    % {"ours": VERSION, "theirs": json.dumps(version)}
                ]
            }
        )
    by_type = data.get("records")
    if not isinstance(by_type, dict):
        raise BadRequest({"records": [_("Send the records as an object of record types.")]})
    if sum(len(v) for v in by_type.values() if isinstance(v, list)) > MAX_RECORDS:
        raise too_large()
    errors: dict[str, Any] = {}
    items: dict[tuple[str, uuid.UUID], Item] = {}
    for name, raws in by_type.items():
        rt = registry.get(name)
        if rt is None:
            errors[name] = [_("“%(type)s” is not a record type.") % {"type": name}]
            continue
        if not isinstance(raws, list):
            errors[name] = [_("Send the records of a type as a list.")]
            continue
        for index, raw in enumerate(raws):
            item, problems = _item(rt, raw)
            if item is not None and (rt.name, item.id) in items:
                problems = {"id": [_("This record is in the file twice.")]}
            if problems:
                errors.setdefault(name, {})[str(index)] = problems
            else:
                items[(rt.name, item.id)] = item
        if len(errors) >= MAX_SHAPE_ERRORS:
            break
    if errors:
        raise BadRequest({"records": errors})
    order = {rt.name: n for n, rt in enumerate(registry.all_types())}
    return sorted(items.values(), key=lambda item: order[item.type.name])


def _unchanged(item: Item, row: dict) -> bool:
    """True if every field the file names already holds the file's value."""
    rt = item.type
    cleaned, errors = rt.clean(item.fields)  # a derived value in the file is ignored
    if errors:
        return False
    return all(value == row[rt.attr_of[name]] for name, value in cleaned.items())


def _current(user, items: list[Item]) -> dict[tuple[str, uuid.UUID], dict]:
    """The stored rows (anyone's) with the file's ids, by (type, id)."""
    ids: dict[str, list[uuid.UUID]] = {}
    for item in items:
        ids.setdefault(item.type.name, []).append(item.id)
    rows = {}
    for name, record_ids in ids.items():
        rt = registry.get(name)
        for first in range(0, len(record_ids), CHUNK):
            query = rt.model.objects.filter(pk__in=record_ids[first : first + CHUNK])
            for row in query.values("id", "user_id", "deleted", "version", *rt.attrs):
                rows[(name, row["id"])] = row
    return rows


def _rewritten(ref: Reference, value: Any, moved: dict[tuple[str, uuid.UUID], uuid.UUID]) -> Any:
    """A reference field's value from the file with every renumbered id replaced; anything
    malformed is left as it is for the push to reject."""

    def one(raw: Any) -> Any:
        try:
            new = moved.get((ref.target, uuid_of(raw)))
        except PydanticCustomError:
            return raw
        return raw if new is None else str(new)

    if ref.many:
        return [one(raw) for raw in value] if isinstance(value, list) else value
    return one(value)


def _renumber(user, items: list[Item], rows: dict[tuple[str, uuid.UUID], dict]) -> list[Item]:
    """The file's records under the ids she will hold them by.

    Record ids are unique across accounts, so a file from an account that still exists (she
    is moving and has not deleted the old one yet) holds ids that are taken. Such a record
    gets an id derived from hers and the old one (_moved_id), every reference to it in the
    file is rewritten, and an id computed from a reference (a check's) is computed again. Ids
    that are free or already hers stay. A reference to another account's record that the file
    does not hold is left as it is: the push rejects it like any foreign reference.
    """
    moved = {
        (item.type.name, item.id): _moved_id(user, item.id)
        for item in items
        if (row := rows.get((item.type.name, item.id))) is not None and row["user_id"] != user.pk
    }
    if not moved:
        return items
    out = []
    for item in items:  # referenced types first: a recomputed id is known before it is used
        rt, fields, rewired = item.type, dict(item.fields), False
        for name, ref in rt.refs.items():
            if name in fields:
                value = _rewritten(ref, fields[name], moved)
                rewired = rewired or value != fields[name]
                fields[name] = value
        record_id = moved.get((rt.name, item.id), item.id)
        if (derive := DERIVED_IDS.get(rt.name)) is not None:
            # Computed, never chosen: it follows its renumbered references. Otherwise it is
            # renumbered like any other (a foreign reference is then what the push refuses).
            record_id = (derive(rt, fields) if rewired else None) or record_id
            moved[(rt.name, item.id)] = record_id
        out.append(replace(item, id=record_id, fields=fields))
    return out


def import_document(*, user, data: Any) -> dict[str, Any]:
    """Merge an export document into her records; the report says what happened to each.

    `ids` maps the file's id to hers for each record she now holds under another id."""
    items = read(data)
    report: dict[str, Any] = {
        "created": 0,
        "updated": 0,
        "skipped": 0,
        "rejected": [],
        "not_imported": [
            name for name in ("profile", *(s.name for s in exports.sections())) if name in data
        ],
        "ids": {},
    }
    with transaction.atomic():
        device, _created = Device.objects.select_for_update().get_or_create(
            user=user, device_id=IMPORT_DEVICE
        )
        rows = _current(user, items)
        items = _renumber(user, items, rows)
        rows.update(_current(user, [item for item in items if item.id != item.source]))
        ops: list[Op] = []
        outcome: dict[int, tuple[Item, str]] = {}
        seq = device.last_op_seq
        for item in items:
            row = rows.get((item.type.name, item.id))
            live = row is not None and row["user_id"] == user.pk and not row["deleted"]
            if item.deleted:
                report["rejected"].append(
                    _rejection(item, {"deleted": [_("A deleted record is not imported.")]})
                )
                continue
            if live and _unchanged(item, row):
                report["skipped"] += 1
                _landed(report, item)
                continue
            seq += 1
            base = row["version"] if row is not None and row["user_id"] == user.pk else 0
            ops.append(Op(seq, "upsert", item.type, item.id, base, item.fields))
            outcome[seq] = (item, "updated" if live else "created")
        for first in range(0, len(ops), CHUNK):
            answer = services.push(
                user=user, device_id=IMPORT_DEVICE, ops=ops[first : first + CHUNK]
            )
            for result in answer["results"]:
                item, kind = outcome[result["op_seq"]]
                if result["status"] == services.REJECTED:
                    report["rejected"].append(_rejection(item, result["errors"]))
                else:
                    report[kind] += 1
                    _landed(report, item)
    return report


def _landed(report: dict, item: Item) -> None:
    if item.id != item.source:
        report["ids"][str(item.source)] = str(item.id)


def _rejection(item: Item, errors: dict) -> dict:
    return {"type": item.type.name, "id": str(item.source), "errors": errors}
