"""The record types that sync carries. Apps register theirs; sync knows none by name."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from server.sync.fields import Ref, RefList, Spec

_PLAIN = Spec.to_json  # stored value is already JSON: no call needed per row


@dataclass
class RecordType:
    name: str
    model: type[models.Model]
    fields: dict[str, Spec]
    # Rules across fields of the whole record: returns {field: message} for what is wrong.
    check: Callable[[uuid.UUID, dict[str, Any]], dict[str, str]] | None = None
    # Values the server computes from the record (a client never sets them).
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    derived: tuple[str, ...] = ()
    refs: dict[str, Spec] = field(init=False)
    attrs: tuple[str, ...] = field(init=False)
    required: tuple[str, ...] = field(init=False)
    _plain: tuple[tuple[str, str], ...] = field(init=False, repr=False)
    _defaults: dict[str, Any] = field(init=False, repr=False)
    _factories: tuple[tuple[str, Callable], ...] = field(init=False, repr=False)
    _converted: tuple[tuple[str, str, Callable], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        for name, spec in self.fields.items():
            spec.bind(name)
        self.refs = {n: s for n, s in self.fields.items() if isinstance(s, Ref | RefList)}
        self.attrs = tuple(s.attr for s in self.fields.values()) + self.derived
        self.required = tuple(n for n, s in self.fields.items() if s.required)
        self._defaults = {n: s.default for n, s in self.fields.items() if not callable(s.default)}
        self._factories = tuple(
            (n, s.default) for n, s in self.fields.items() if callable(s.default)
        )
        # A pull turns thousands of rows into JSON: split the fields once into those stored
        # as they are sent and those that need converting (dates, decimals, ids).
        self._plain = tuple(
            (n, s.attr) for n, s in self.fields.items() if type(s).to_json is _PLAIN
        ) + tuple((n, n) for n in self.derived)
        self._converted = tuple(
            (n, s.attr, s.to_json) for n, s in self.fields.items() if type(s).to_json is not _PLAIN
        )

    def initial(self) -> dict[str, Any]:
        """Every field's value in a new record before the client's values go on top."""
        values = dict(self._defaults)
        for name, factory in self._factories:
            values[name] = factory()
        return values

    def to_fields(self, row: dict[str, Any]) -> dict[str, Any]:
        """A stored row (attribute → value) as the JSON `fields` of the wire format."""
        out = {name: row[attr] for name, attr in self._plain}
        for name, attr, convert in self._converted:
            out[name] = convert(row[attr])
        return out


_types: dict[str, RecordType] = {}


def register(record_type: RecordType) -> RecordType:
    """Add a record type; types that others refer to must be registered first."""
    if record_type.name in _types:
        raise ValueError(f"record type {record_type.name!r} is registered twice")
    for spec in record_type.refs.values():
        if spec.target not in _types and spec.target != record_type.name:
            raise ValueError(f"{record_type.name} refers to unregistered {spec.target!r}")
    _types[record_type.name] = record_type
    return record_type


def get(name: str) -> RecordType | None:
    return _types.get(name)


def all_types() -> list[RecordType]:
    """Every type, in registration order (referenced types first)."""
    return list(_types.values())
