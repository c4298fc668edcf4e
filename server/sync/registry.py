"""The record types that sync carries. Apps register theirs; sync knows none by name.

A record type is a Django model (where it is stored) and a pydantic model (what its fields
are: see values.py). Everything sync needs is read from the pydantic model once, here: the
fields in order, which are required when a record is new, their defaults, references, the
fields the server derives, and a patch model that validates a push's named fields in one call.
"""

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, NotRequired

from django.db import models
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    TypeAdapter,
    ValidationError,
)
from pydantic.fields import FieldInfo
from typing_extensions import TypedDict

from server.sync import values


def _iso(value):
    return value.isoformat() if value is not None else None


def _number(value):
    return float(value) if value is not None else None


def _text(value):
    return str(value) if value is not None else None


# How a stored value of these Python types is written as JSON (the rest is JSON already).
_TO_JSON: dict[type, Callable[[Any], Any]] = {
    dt.date: _iso,
    Decimal: _number,
    uuid.UUID: _text,
}


@dataclass(frozen=True)
class Reference:
    """A field holding the id (`many`: a list of ids) of the same user's `target` records."""

    name: str
    target: str
    many: bool
    attr: str  # the model attribute: "<name>_id" for a foreign key

    def ids(self, value) -> list[uuid.UUID]:
        if value is None:
            return []
        if self.many:
            return [uuid.UUID(item) if isinstance(item, str) else item for item in value]
        return [value]


@dataclass
class RecordType:
    name: str
    model: type[models.Model]
    schema: type[BaseModel]
    fields: tuple[str, ...] = field(init=False)  # what a client may set, in order
    derived: tuple[str, ...] = field(init=False)  # what the server computes (schema.derive)
    refs: dict[str, Reference] = field(init=False)
    attrs: tuple[str, ...] = field(init=False)  # model attributes of fields + derived
    attr_of: dict[str, str] = field(init=False)
    required: tuple[str, ...] = field(init=False)
    to_json: dict[str, Callable[[Any], Any]] = field(init=False)
    patch: TypeAdapter = field(init=False, repr=False)
    _defaults: dict[str, Any] = field(init=False, repr=False)
    _factories: tuple[tuple[str, Callable], ...] = field(init=False, repr=False)
    _plain: tuple[tuple[str, str], ...] = field(init=False, repr=False)
    _converted: tuple[tuple[str, str, Callable], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        infos = self.schema.model_fields
        self.derived = values.derived(self.schema)
        self.fields = tuple(name for name in infos if name not in self.derived)
        self.refs = {}
        for name, ref in values.refs(self.schema).items():
            many = values.is_list(infos[name])
            self.refs[name] = Reference(name, ref.target, many, name if many else f"{name}_id")
        self.attr_of = {name: name for name in infos}
        self.attr_of.update({name: ref.attr for name, ref in self.refs.items()})
        self.attrs = tuple(self.attr_of[name] for name in (*self.fields, *self.derived))
        self.required = tuple(name for name in self.fields if infos[name].is_required())
        self._defaults = {
            name: infos[name].default
            for name in self.fields
            if not infos[name].is_required() and infos[name].default_factory is None
        }
        self._factories = tuple(
            (name, infos[name].default_factory)
            for name in self.fields
            if infos[name].default_factory is not None
        )
        self.to_json = {}
        for name, info in infos.items():
            convert = _TO_JSON.get(values.bare(info.annotation))
            if convert is not None:
                self.to_json[name] = convert
        # A pull turns thousands of rows into JSON: split the fields once into those stored
        # as they are sent and those that need converting (dates, decimals, ids).
        names = (*self.fields, *self.derived)
        self._plain = tuple((n, self.attr_of[n]) for n in names if n not in self.to_json)
        self._converted = tuple(
            (n, self.attr_of[n], self.to_json[n]) for n in names if n in self.to_json
        )
        # The fields of a push are a patch: each is optional here, and only those sent are
        # validated, into a plain dict (no model instance per op).
        patch = TypedDict(
            f"{self.schema.__name__}Patch",
            {name: NotRequired[_annotated(infos[name])] for name in self.fields},
            total=False,
        )
        patch.__pydantic_config__ = ConfigDict(extra="forbid")
        self.patch = TypeAdapter(patch)

    def initial(self) -> dict[str, Any]:
        """Every field's value in a new record before the client's values go on top."""
        out = dict(self._defaults)
        for name, factory in self._factories:
            out[name] = factory()
        return out

    def clean(self, sent: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """The sent fields as stored values, and {field: [message]} for what is wrong.

        A derived field a client sends is ignored."""
        if self.derived and any(name in sent for name in self.derived):
            sent = {k: v for k, v in sent.items() if k not in self.derived}
        try:
            return self.patch.validate_python(sent), {}
        except ValidationError as exc:
            return {}, values.problems(exc, self.schema, sent)

    def rules(self, record_id: uuid.UUID, merged: dict[str, Any]) -> dict[str, str]:
        """The rules across fields of the whole (merged) record."""
        return self.schema.rules(record_id, merged)

    def derive(self, merged: dict[str, Any]) -> dict[str, Any]:
        return self.schema.derive(merged) if self.derived else {}

    def to_fields(self, row: dict[str, Any]) -> dict[str, Any]:
        """A stored row (attribute → value) as the JSON `fields` of the wire format."""
        out = {name: row[attr] for name, attr in self._plain}
        for name, attr, convert in self._converted:
            out[name] = convert(row[attr])
        return out


def _annotated(info: FieldInfo) -> Any:
    """The field's type with its metadata, the constraints before the validators: pydantic
    then checks them inside its own type check (as it does for a model's Field(...)), after
    the before-validators and before the after-validators."""
    checks = [m for m in info.metadata if not isinstance(m, _VALIDATORS)]
    validators = [m for m in info.metadata if isinstance(m, _VALIDATORS)]
    if not info.metadata:
        return info.annotation
    return Annotated[(info.annotation, *checks, *validators)]


_VALIDATORS = (BeforeValidator, AfterValidator)


_types: dict[str, RecordType] = {}


def register(record_type: RecordType) -> RecordType:
    """Add a record type; types that others refer to must be registered first."""
    if record_type.name in _types:
        raise ValueError(f"record type {record_type.name!r} is registered twice")
    for ref in record_type.refs.values():
        if ref.target not in _types and ref.target != record_type.name:
            raise ValueError(f"{record_type.name} refers to unregistered {ref.target!r}")
    _types[record_type.name] = record_type
    return record_type


def get(name: str) -> RecordType | None:
    return _types.get(name)


def all_types() -> list[RecordType]:
    """Every type, in registration order (referenced types first)."""
    return list(_types.values())
