"""A lean bulk insert for the new records of a push (SQLite).

On SQLite, `QuerySet.bulk_create` spends more time assembling SQL than SQLite spends storing
the rows: for every value of every row it builds a placeholder, looks for expressions and
calls `pre_save` and `get_db_prep_save`, in statements of 62 rows (999 parameters). In a
200-op push that was about half the time of the whole request (bench/sync.py). Here the values
are prepared as bulk_create prepares them, except that text, numbers and flags that Django
would hand back unchanged skip the call, and the rows go to one `executemany` of a one-row
INSERT, which SQLite compiles once. The values sent to the database are the same.

PostgreSQL keeps bulk_create: since Django 5.2 it sends each column as one array (UNNEST),
which is faster there than executemany or a long VALUES list.
"""

import json
import uuid
from functools import cache

from django.db import connections, router, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    Field,
    IntegerField,
    JSONField,
    Model,
    TextField,
    UUIDField,
)

_UNSET = object()
# Django prepares a value of exactly this type for these fields by returning it unchanged
# (unless a subclass or the backend changes the preparation, which _stored_as_is checks).
_AS_IS = ((CharField, str), (TextField, str), (BooleanField, bool), (IntegerField, int))
_PREP = ("get_db_prep_save", "get_db_prep_value", "get_prep_value")
# What Django's SQLite backend stores for these exact field classes (no subclasses): a UUID as
# 32 hex digits, a date as YYYY-MM-DD, JSON as json.dumps with the default encoder.
_FAST = {
    UUIDField: lambda value: value.hex,
    DateField: lambda value: value.isoformat(),
    JSONField: json.dumps,
}


@cache
def _lean(model: type[Model]) -> bool:
    """True for a plain model that bulk_create would insert value by value with no extras."""
    opts = model._meta
    return not opts.parents and all(
        not f.generated
        and not f.db_returning
        and not f.has_db_default()
        and not hasattr(f, "get_placeholder")
        for f in opts.concrete_fields
    )


@cache
def _statement(model: type[Model], using: str) -> tuple[str, tuple[Field, ...]]:
    opts = model._meta
    quote = connections[using].ops.quote_name
    fields = tuple(opts.concrete_fields)
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names from the model)
        quote(opts.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    return sql, fields


def _stored_as_is(field: Field, connection) -> type | None:
    """The type whose values `field` prepares by returning them unchanged, if any."""
    ops = type(connection.ops)
    for base, kind in _AS_IS:
        if isinstance(field, base) and all(
            getattr(type(field), m) is getattr(base, m) for m in _PREP
        ):
            if base is IntegerField and (
                ops.adapt_integerfield_value is not BaseDatabaseOperations.adapt_integerfield_value
            ):
                return None
            return kind
    return None


def _plain_pre_save(field: Field) -> bool:
    """True when field.pre_save(obj, add=True) is just the attribute's value."""
    pre_save = type(field).pre_save
    if pre_save is Field.pre_save:
        return True
    # DateField and DateTimeField change the value only for auto_now and auto_now_add.
    return pre_save in (DateField.pre_save, DateTimeField.pre_save) and not (
        field.auto_now or field.auto_now_add
    )


def _column(field: Field, objs: list[Model], connection) -> list:
    """One field's values prepared for the database. Text, numbers and flags that Django
    would return unchanged are not passed through it, and a value that is the very object of
    the row before (the push's timestamp, its user) is prepared once."""
    if _plain_pre_save(field):
        values = [getattr(obj, field.attname) for obj in objs]
    else:  # auto_now and the like
        values = [field.pre_save(obj, True) for obj in objs]
    as_is, prep = _stored_as_is(field, connection), field.get_db_prep_save
    fast = _FAST.get(type(field)) if getattr(field, "encoder", None) is None else None
    if fast is not None:
        return [None if value is None else fast(value) for value in values]
    last, prepared, out = _UNSET, None, []
    for value in values:
        if type(value) is as_is:
            out.append(value)
            continue
        if value is not last:
            last, prepared = value, prep(value, connection)
        out.append(prepared)
    return out


def insert(model: type[Model], objs: list[Model]) -> None:
    """Insert new rows of `model` as bulk_create(objs) does: no save(), no signals."""
    using = router.db_for_write(model)
    connection = connections[using]
    if connection.vendor != "sqlite" or not objs or not _lean(model):
        model._default_manager.using(using).bulk_create(objs)
        return
    for obj in objs:
        if obj._state.fields_cache:  # only a related object held in the row needs checking
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
    sql, fields = _statement(model, using)
    rows = list(zip(*(_column(f, objs, connection) for f in fields), strict=True))
    with transaction.atomic(using=using, savepoint=False), connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = using


def existing(model: type[Model], ids: set) -> set:
    """Which of `ids` (UUID primary keys) are rows of `model`, whoever owns them.

    A push mostly brings new records; asking for the ids alone, with the parameters prepared
    here rather than value by value through the field, spares compiling a 200-parameter
    ORM query that returns nothing. The rows that do exist are then loaded as models."""
    if not ids:
        return set()
    using = router.db_for_write(model)
    connection = connections[using]
    opts = model._meta
    pk = opts.pk
    if not isinstance(pk, UUIDField):
        rows = model._default_manager.using(using).filter(pk__in=ids)
        return set(rows.values_list("pk", flat=True))
    quote = connection.ops.quote_name
    sql = "SELECT {} FROM {} WHERE {} IN ({})".format(  # noqa: S608 (names from the model)
        quote(pk.column), quote(opts.db_table), quote(pk.column), ", ".join(["%s"] * len(ids))
    )
    native = connection.features.has_native_uuid_field
    params = list(ids) if native else [value.hex for value in ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = [row[0] for row in cursor.fetchall()]
    return {value if isinstance(value, uuid.UUID) else uuid.UUID(value) for value in found}
