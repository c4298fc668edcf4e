"""The Django models store what the pydantic models (journal/records.py) accept: the same
fields, lengths, null, choices, defaults and bounds, so the two cannot drift apart."""

import math
import typing

import pytest
from annotated_types import Ge, Le, MaxLen
from django.db import connection, models
from pydantic_core import PydanticUndefined

from server.sync.models import SyncedRecord
from server.sync.registry import all_types
from server.sync.values import Money, bare, markers

BASE = {f.name for f in SyncedRecord._meta.get_fields()}
TYPES = {rt.name: rt for rt in all_types()}


def _own_fields(model):
    return {f.name: f for f in model._meta.concrete_fields if f.name not in BASE}


@pytest.mark.parametrize("name", list(TYPES))
def test_the_stored_fields_are_the_declared_fields(name):
    rt = TYPES[name]
    assert list(_own_fields(rt.model)) == list(rt.schema.model_fields)


@pytest.mark.parametrize("name", list(TYPES))
def test_lengths_null_choices_and_defaults_match(name):
    rt = TYPES[name]
    stored = _own_fields(rt.model)
    for field, info in rt.schema.model_fields.items():
        column, label = stored[field], f"{name}.{field}"
        nullable = type(None) in typing.get_args(info.annotation)
        assert column.null == nullable, label
        lengths = [m.max_length for m in markers(info) if isinstance(m, MaxLen)]
        plain = bare(info.annotation)
        if typing.get_origin(plain) is typing.Literal:
            choices = typing.get_args(plain)
            assert [value for value, _label in column.choices] == list(choices), label
            assert max(map(len, choices)) <= column.max_length, label
        else:
            if isinstance(column, models.CharField | models.TextField):
                assert lengths == [column.max_length], label
            assert not column.choices, label
        if info.is_required():
            assert not column.has_default(), label
        else:
            default = info.default_factory() if info.default_factory else info.default
            # A text column without a default stores "" (Django's get_default).
            assert column.get_default() == default, label


@pytest.mark.parametrize("name", list(TYPES))
def test_every_bound_is_a_check_constraint_within_the_columns_range(name):
    rt = TYPES[name]
    stored = _own_fields(rt.model)
    checks = {c.name for c in rt.model._meta.constraints if isinstance(c, models.CheckConstraint)}
    table = rt.model._meta.db_table
    for field, info in rt.schema.model_fields.items():
        column, label = stored[field], f"{name}.{field}"
        for marker in markers(info):
            if isinstance(marker, Ge | Le):
                lookup = "gte" if isinstance(marker, Ge) else "lte"
                assert f"{table}_{field}_{lookup}" in checks, label
                low, high = connection.ops.integer_field_range(column.get_internal_type())
                bound = marker.ge if isinstance(marker, Ge) else marker.le
                assert (low is None or low <= bound) and (high is None or bound <= high), label
            if isinstance(marker, Money):
                assert {f"{table}_{field}_gte", f"{table}_{field}_lt"} <= checks, label
                assert column.decimal_places == marker.places, label
                whole_digits = column.max_digits - column.decimal_places
                assert 10**whole_digits >= marker.below, label
                assert math.log10(marker.below).is_integer(), label
        if typing.get_origin(bare(info.annotation)) is typing.Literal:
            assert f"{table}_{field}_choice" in checks, label


@pytest.mark.parametrize("name", list(TYPES))
def test_a_reference_is_a_foreign_key_to_its_target_or_a_list_of_ids(name):
    rt = TYPES[name]
    stored = _own_fields(rt.model)
    for field, ref in rt.refs.items():
        column = stored[field]
        if ref.many:
            assert isinstance(column, models.JSONField)
        else:
            assert isinstance(column, models.ForeignKey)
            assert column.related_model is TYPES[ref.target].model
            assert column.attname == ref.attr


def test_a_default_is_never_the_undefined_marker():
    for rt in all_types():
        assert all(value is not PydanticUndefined for value in rt.initial().values()), rt.name
