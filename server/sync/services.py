"""Writes for sync: applying a push exactly once.

One transaction per push. It locks the device row (whose `last_op_seq` decides what is new)
and then the user's version counter (so versions are handed out in commit order), loads every
record the batch touches in one query per type, applies the ops in order in memory, and writes
the result with one bulk insert and one bulk update per type. The number of queries does not
grow with the number of ops.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from server.sync.models import Device, OpLog, SyncCounter
from server.sync.protocol import Op
from server.sync.registry import all_types

APPLIED, DUPLICATE, MERGED, REJECTED = "applied", "duplicate", "merged", "rejected"


def _locked(model: type[models.Model], **key) -> Any:
    """The row for `key`, created if missing, locked until the transaction ends."""
    row = model.objects.select_for_update().filter(**key).first()
    if row is None:
        model.objects.bulk_create([model(**key)], ignore_conflicts=True)
        row = model.objects.select_for_update().get(**key)
    return row


@dataclass
class _Batch:
    """The records a push touches, as they change while its ops apply."""

    user_id: int
    rows: dict[tuple[str, uuid.UUID], models.Model] = field(default_factory=dict)
    new: dict[tuple[str, uuid.UUID], models.Model] = field(default_factory=dict)
    changed: dict[tuple[str, uuid.UUID], models.Model] = field(default_factory=dict)
    owned: dict[str, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    log: list[OpLog] = field(default_factory=list)

    def owns(self, type_name: str, record_id: uuid.UUID) -> bool:
        return record_id in self.owned[type_name]


def _load(user_id: int, ops: list[Op]) -> _Batch:
    batch = _Batch(user_id=user_id)
    ids: dict[str, set[uuid.UUID]] = defaultdict(set)
    refs: dict[str, set[uuid.UUID]] = defaultdict(set)
    types = {}
    for op in ops:
        ids[op.type.name].add(op.id)
        types[op.type.name] = op.type
        for name, ref in op.type.refs.items():
            if name in op.fields:
                refs[ref.target].update(_sent_ids(op.fields[name]))
    for name, record_ids in ids.items():
        model = types[name].model
        for row in model.objects.filter(pk__in=record_ids):
            batch.rows[(name, row.pk)] = row
            if row.user_id == user_id:
                batch.owned[name].add(row.pk)
    by_name = {t.name: t for t in all_types()}
    for target, record_ids in refs.items():
        unknown = record_ids - batch.owned[target]
        if unknown:
            batch.owned[target].update(
                by_name[target]
                .model.objects.filter(user_id=user_id, pk__in=unknown)
                .values_list("pk", flat=True)
            )
    return batch


def _sent_ids(value: Any) -> list[uuid.UUID]:
    """The ids a reference field's raw value names, for loading; anything malformed is
    skipped (the op's own validation reports it)."""
    out = []
    for item in value if isinstance(value, list) else (value,):
        if isinstance(item, str):
            try:
                out.append(uuid.UUID(item))
            except ValueError:
                pass
    return out


def _clean(op: Op, row: models.Model | None, batch: _Batch) -> tuple[dict, dict]:
    """The op's fields as stored values, and the errors that reject it."""
    rt = op.type
    cleaned, errors = rt.clean(op.fields)
    if row is None:
        for name in rt.required:
            if name not in op.fields:
                errors[name] = [_("This field is required.")]
    for name, ref in rt.refs.items():
        if name in cleaned and name not in errors:
            # A reference the record already holds stays valid even if its target has since
            # been purged; only new references must point at her records.
            held = set(ref.ids(getattr(row, ref.attr))) if row is not None else set()
            if not all(i in held or batch.owns(ref.target, i) for i in ref.ids(cleaned[name])):
                errors[name] = [_("There is no such record of yours.")]
    return cleaned, errors


def _as_is(value: Any) -> Any:
    return value


def _log(op: Op, batch: _Batch, device_id: uuid.UUID, status: str, **details) -> None:
    batch.log.append(
        OpLog(
            user_id=batch.user_id,
            device_id=device_id,
            op_seq=op.op_seq,
            status=status,
            action=op.action,
            record_type=op.type.name,
            record_id=op.id,
            fields=_loggable(op.fields),
            **{name: _loggable(value) for name, value in details.items()},
        )
    )


def _loggable(value: Any) -> Any:
    """A rejected op is kept as sent, but jsonb refuses NUL and UTF-8 has no unpaired
    surrogates: those characters are logged as U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {_loggable(k): _loggable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_loggable(v) for v in value]
    return value


def _reject(op: Op, errors: dict, batch: _Batch, device_id: uuid.UUID) -> dict:
    _log(op, batch, device_id, REJECTED, errors=errors)
    return {"op_seq": op.op_seq, "status": REJECTED, "errors": errors}


def _upsert(op: Op, batch: _Batch, version: int, now, device_id: uuid.UUID) -> dict:
    rt, key = op.type, (op.type.name, op.id)
    row = batch.rows.get(key)
    if row is not None and row.user_id != batch.user_id:
        return _reject(op, {"id": [_("There is no such record of yours.")]}, batch, device_id)
    cleaned, errors = _clean(op, row, batch)
    if errors:
        return _reject(op, errors, batch, device_id)
    if row is None:
        current = rt.initial()
    else:
        current = {name: getattr(row, rt.attr_of[name]) for name in rt.fields}
    merged = {**current, **cleaned}
    if problems := rt.rules(op.id, merged):
        return _reject(op, {k: [v] for k, v in problems.items()}, batch, device_id)

    replaced = {}
    if row is not None and op.base_version < row.version:
        # Another device changed the record since this one last saw it: a field both set
        # goes to this (later) push, and the value it replaces is kept in the op log.
        replaced = {
            name: rt.to_json.get(name, _as_is)(current[name])
            for name in cleaned
            if row.field_versions.get(name, 0) > op.base_version and current[name] != merged[name]
        }
    attrs = {rt.attr_of[name]: value for name, value in merged.items()}
    attrs.update(rt.derive(merged))
    if row is None:
        # Every column in the one constructor call: Model.__init__ then sets each field once.
        row = rt.model(
            id=op.id,
            user_id=batch.user_id,
            created_at=now,
            updated_at=now,
            version=version,
            deleted=False,
            field_versions=dict.fromkeys(cleaned, version),
            **attrs,
        )
        batch.rows[key] = batch.new[key] = row
        batch.owned[rt.name].add(op.id)
    else:
        if key not in batch.new:
            batch.changed[key] = row
        for attr, value in attrs.items():
            setattr(row, attr, value)
        for name in cleaned:
            row.field_versions[name] = version
        row.version, row.deleted, row.updated_at = version, False, now
    if replaced:
        _log(op, batch, device_id, MERGED, replaced=replaced)
        return {
            "op_seq": op.op_seq,
            "status": MERGED,
            "version": version,
            "fields": sorted(replaced),
        }
    return {"op_seq": op.op_seq, "status": APPLIED, "version": version}


def _delete(op: Op, batch: _Batch, version: int, now, device_id: uuid.UUID) -> dict:
    key = (op.type.name, op.id)
    row = batch.rows.get(key)
    if row is None:
        # Never reached the server (e.g. its upsert was rejected): nothing to remove.
        return {"op_seq": op.op_seq, "status": APPLIED, "version": None}
    if row.user_id != batch.user_id:
        return _reject(op, {"id": [_("There is no such record of yours.")]}, batch, device_id)
    if row.deleted:
        return {"op_seq": op.op_seq, "status": APPLIED, "version": row.version}
    if key not in batch.new:
        batch.changed[key] = row
    row.version, row.deleted, row.updated_at = version, True, now
    return {"op_seq": op.op_seq, "status": APPLIED, "version": version}


def _by_type(rows: dict[tuple[str, uuid.UUID], models.Model]) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for (name, _id), row in rows.items():
        grouped[name].append(row)
    return grouped


# Values in one INSERT statement on SQLite. bulk_create's own limit there is SQLite's 999
# parameters (62 rows of a 16-column record), and it keeps every value of a statement alive, in
# a few small lists each, while it builds it: several times CPython's 700-allocation trigger
# for the cyclic collector. Statements of about 300 values stay under it, so a 200-op push
# sets off about half as many collections and moves fewer of its live objects into the oldest
# generation, whose full passes walk the whole process: about a tenth less CPU a push in
# bench/sync.py (bench/README.md). On PostgreSQL one statement is best (each column goes as
# one array), so its batch is left to Django.
SQLITE_INSERT_VALUES = 320


def _insert(model: type[models.Model], rows: list[models.Model]) -> None:
    """Insert new records with bulk_create, in statements sized for the database."""
    batch_size = None
    if connection.vendor == "sqlite":
        columns = sum(1 for f in model._meta.get_fields() if f.concrete)
        batch_size = max(1, SQLITE_INSERT_VALUES // columns)
    model.objects.bulk_create(rows, batch_size=batch_size)


def _write(batch: _Batch) -> None:
    new, changed = _by_type(batch.new), _by_type(batch.changed)
    for rt in all_types():  # referenced types first
        if rt.name in new:
            _insert(rt.model, new[rt.name])
        if rt.name in changed:
            rt.model.objects.bulk_update(
                changed[rt.name], [*rt.attrs, "version", "deleted", "field_versions", "updated_at"]
            )
    if batch.log:
        OpLog.objects.bulk_create(batch.log)


def push(*, user, device_id: uuid.UUID, ops: list[Op]) -> dict:
    """Apply a device's ops once each, in op_seq order; answer per op and the new position."""
    now = timezone.now()
    with transaction.atomic():
        device = _locked(Device, user_id=user.pk, device_id=device_id)
        counter = _locked(SyncCounter, user_id=user.pk)
        last_seq = device.last_op_seq
        todo: list[Op] = []
        duplicates: list[int] = []
        for op in ops:
            if op.op_seq <= last_seq:
                duplicates.append(op.op_seq)
            elif op.op_seq == last_seq + 1:
                todo.append(op)
                last_seq += 1
            else:
                break  # a gap: the client resends from last_op_seq + 1
        batch = _load(user.pk, todo)
        results = [{"op_seq": seq, "status": DUPLICATE} for seq in duplicates]
        version = counter.version
        for op in todo:
            apply = _upsert if op.action == "upsert" else _delete
            result = apply(op, batch, version + 1, now, device_id)
            if result.get("version") == version + 1:  # the op took the next version
                version += 1
            results.append(result)
        _write(batch)
        if todo:
            Device.objects.filter(pk=device.pk).update(last_op_seq=last_seq, last_push_at=now)
        if version != counter.version:
            SyncCounter.objects.filter(pk=counter.pk).update(version=version)
    results.sort(key=lambda r: r["op_seq"])
    return {"last_op_seq": last_seq, "results": results, "cursor": version}
