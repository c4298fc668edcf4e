"""The value types record models are declared with, and pydantic's errors in our words.

A record type is one pydantic model (apps declare theirs, e.g. journal/records.py). The types
here carry the wire protocol's coercion rules: strict booleans, whole numbers that may arrive
as 3.0, dates only as "YYYY-MM-DD", text stripped and storable by every database, amounts
rounded to cents, ids as UUID strings. Bounds, choices and defaults are pydantic's own
(Field(...), Literal[...]), so the OpenAPI schema and the PWA read the same numbers.

pydantic's English messages never reach a person: `problems` turns every error into the
gettext message the protocol has always answered with, one per field.
"""

import datetime as dt
import functools
import typing
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from annotated_types import MaxLen
from django.utils.translation import gettext as _
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    Strict,
    ValidationError,
)
from pydantic.json_schema import GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

KEY_LENGTH = 40  # the keys of a mapping field (self-check answers, employer criteria)


def say(message: str) -> PydanticCustomError:
    """An error whose message is already ours (translated), for `problems` to pass on."""
    # The template is not the message: pydantic renders it in Rust, which refuses text that
    # is not UTF-8 (an id quoted back with an unpaired surrogate in it).
    return PydanticCustomError("ippo", "ippo", {"message": str(message)})


def said(error: PydanticCustomError) -> str:
    """The message of an error made by `say`."""
    return error.context["message"]


def storable(value: str) -> str:
    """`value` if every database can store it: no NUL (PostgreSQL refuses it in text and
    jsonb) and no unpaired surrogate (not encodable as UTF-8 anywhere)."""
    if "\x00" in value:
        raise say(_("Text cannot contain the NUL character."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise say(_("Text cannot contain unpaired surrogate characters.")) from None
    return value


def _text(value: Any) -> Any:
    # Runs before pydantic's own str check, so lengths count the stripped text.
    return storable(value).strip() if isinstance(value, str) else value


def _web_address(value: str) -> str:
    if value and not value.startswith(("https://", "http://")):
        raise say(_("Enter an address starting with https:// or http://."))
    return value


def _integral(value: Any) -> Any:
    # JavaScript has one number type: 3.0 is how some clients send 3.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _day(value: Any) -> dt.date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise say(_("Enter a date as YYYY-MM-DD."))


def uuid_of(value: Any) -> uuid.UUID:
    """An id sent as a UUID string; raises `say` errors."""
    if not isinstance(value, str):
        raise say(_("Send an id (UUID)."))
    try:
        return uuid.UUID(value)
    except ValueError:
        # Quoted back as UTF-8 can carry it (an unpaired surrogate becomes "?").
        shown = value.encode("utf-8", "replace").decode("utf-8")
        raise say(_("“%(value)s” is not a valid id (UUID).") % {"value": shown}) from None


def _distinct_ids(values: list[uuid.UUID]) -> list[str]:
    return list(dict.fromkeys(str(value) for value in values))


def _texts(value: Any) -> Any:
    # Blank items are dropped before the list is counted.
    if not isinstance(value, list):
        return value
    if not all(isinstance(item, str) for item in value):
        raise say(_("Send a list of texts."))
    return [item.strip() for item in map(storable, value) if item.strip()]


def _distinct(values: list) -> list:
    return list(dict.fromkeys(values))


def _key(value: Any, handler) -> str:
    try:
        key = handler(value)
    except ValidationError:
        raise say(_("Keys have 1 to %(n)d characters.") % {"n": KEY_LENGTH}) from None
    return storable(key)


Text = Annotated[str, Strict(), BeforeValidator(_text)]
WebAddress = Annotated[Text, AfterValidator(_web_address)]
Whole = Annotated[int, Strict(), BeforeValidator(_integral)]
Flag = Annotated[bool, Strict()]
Day = Annotated[dt.date, BeforeValidator(_day)]
Id = Annotated[uuid.UUID, BeforeValidator(uuid_of)]
Ids = Annotated[list[Id], AfterValidator(_distinct_ids)]  # stored as strings (JSON)


def texts(item_length: int) -> Any:
    """A list of texts of at most `item_length` characters each: blank items are dropped
    before it is counted, and repeats are kept once after every check."""
    item = Annotated[str, Strict(), Field(max_length=item_length)]
    return Annotated[list[item], BeforeValidator(_texts), AfterValidator(_distinct)]


@dataclass(frozen=True)
class Ref:
    """Marks an Id (or Ids) field as pointing at the same user's records of type `target`."""

    target: str


@dataclass(frozen=True)
class Derived:
    """Marks a field the server computes (the model's `derive`); a client's value is ignored."""


class Says:
    """Wraps a value type so that its errors read as `message` (a lazy gettext string, with
    `params`), unless a part of it already said something in our words."""

    def __init__(self, message, **params) -> None:
        self.message = message
        self.params = params

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_wrap_validator_function(self._wrap, handler(source))

    def _wrap(self, value: Any, handler) -> Any:
        try:
            return handler(value)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            if all(error["type"] == "ippo" for error in errors):
                raise say(errors[0]["ctx"]["message"]) from None
            message = str(self.message)
            raise say(message % self.params if self.params else message) from None


class _KeyRule:
    """A mapping's key: 1..KEY_LENGTH characters, storable; any problem reads as one message."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler):
        inner = core_schema.str_schema(strict=True, min_length=1, max_length=KEY_LENGTH)
        return core_schema.no_info_wrap_validator_function(_key, inner)

    def __get_pydantic_json_schema__(self, schema, handler: GetJsonSchemaHandler):
        return {"type": "string", "minLength": 1, "maxLength": KEY_LENGTH}


MappingKey = Annotated[str, _KeyRule()]


@dataclass(frozen=True)
class Money:
    """A non-negative amount below `below`, rounded to `places` decimals: sent as a number
    or a numeric string, checked before rounding (so -0.001 is refused, not stored as 0)."""

    below: int
    places: int = 2

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_plain_validator_function(self._parse)

    def __get_pydantic_json_schema__(self, schema, handler: GetJsonSchemaHandler):
        return {"type": "number", "minimum": 0, "exclusiveMaximum": self.below}

    def _parse(self, value: Any) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise say(_("Enter a number."))
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise say(_("Enter a number.")) from None
        if not number.is_finite():
            raise say(_("Enter a number."))
        if number < 0:
            raise say(_("Enter %(n)s or more.") % {"n": 0})
        if number >= self.below:
            raise say(_("Enter a number below %(n)s.") % {"n": self.below})
        return number.quantize(Decimal(1).scaleb(-self.places))


class RecordModel(BaseModel):
    """The base of a record type's model. `rules` checks the whole record (after a push's
    patch is merged into what is stored); `derive` computes its Derived fields."""

    model_config = ConfigDict(extra="forbid")

    @classmethod
    def rules(cls, record_id: uuid.UUID, values: dict[str, Any]) -> dict[str, str]:
        """What is wrong across fields, as {field: message}; nothing by default."""
        return {}

    @classmethod
    def derive(cls, values: dict[str, Any]) -> dict[str, Any]:
        """The values of the Derived fields; none by default."""
        return {}


def refs(model: type[BaseModel]) -> dict[str, Ref]:
    """The model's reference fields by name."""
    return {
        name: marker
        for name, info in model.model_fields.items()
        for marker in info.metadata
        if isinstance(marker, Ref)
    }


def derived(model: type[BaseModel]) -> tuple[str, ...]:
    """The names of the fields the server computes."""
    return tuple(
        name
        for name, info in model.model_fields.items()
        if any(isinstance(marker, Derived) for marker in info.metadata)
    )


def markers(info) -> list:
    """A field's metadata: its Field(...) constraints and markers, and those of an
    Annotated[...] inside "X | None"."""
    out = list(info.metadata)
    for arg in typing.get_args(info.annotation):
        if typing.get_origin(arg) is Annotated:
            out.extend(arg.__metadata__)
    return out


def is_list(info) -> bool:
    return typing.get_origin(bare(info.annotation)) is list


def bare(annotation: Any) -> Any:
    """The annotation without Annotated[...] and without "| None"."""
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if type(None) in typing.get_args(annotation) and len(args) == 1:
        return bare(args[0])
    return annotation


@functools.cache
def _choices(model: type[BaseModel]) -> dict[str, tuple]:
    out = {}
    for name, info in model.model_fields.items():
        plain = bare(info.annotation)
        if typing.get_origin(plain) is typing.Literal:
            out[name] = typing.get_args(plain)
    return out


def _message(error: dict, model: type[BaseModel]) -> str:
    kind, loc, ctx = error["type"], error["loc"], error.get("ctx") or {}
    field, nested = loc[0], len(loc) > 1
    if not nested and error["input"] is None and kind not in ("missing", "extra_forbidden"):
        return _("This field may not be null.")
    if kind == "ippo":
        keyed_value = nested and isinstance(loc[1], str) and loc[-1] != "[key]"
        return f"{loc[1]}: {ctx['message']}" if keyed_value else ctx["message"]
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("Unknown field.")
    if nested and kind in ("string_type", "string_too_long"):  # an item of a list of texts
        if kind == "string_type":
            return _("Send a list of texts.")
        return _("Each item has at most %(n)d characters.") % {"n": ctx["max_length"]}
    if kind == "list_type":
        if field in refs(model):
            return _("Send a list of ids.")
        return _("Send a list of texts.")
    if kind == "too_long":
        if isinstance(error["input"], str):  # a nullable text's length, checked after it
            return _("Use at most %(n)d characters (it has %(has)d).") % {
                "n": ctx["max_length"],
                "has": ctx["actual_length"],
            }
        if ctx.get("field_type") == "Dictionary":
            return _("Use at most %(n)d entries.") % {"n": ctx["max_length"]}
        return _("Use at most %(n)d items.") % {"n": ctx["max_length"]}
    simple = {
        "string_type": lambda: _("Enter text."),
        "string_too_short": lambda: _("This field may not be blank."),
        "string_too_long": lambda: (
            _("Use at most %(n)d characters (it has %(has)d).")
            % {"n": ctx["max_length"], "has": len(error["input"])}
        ),
        "int_type": lambda: _("Enter a whole number."),
        "greater_than_equal": lambda: _("Enter %(n)s or more.") % {"n": ctx["ge"]},
        "less_than_equal": lambda: _("Enter %(n)s or less.") % {"n": ctx["le"]},
        "bool_type": lambda: _("Enter true or false."),
        "literal_error": lambda: (
            _("Choose one of: %(choices)s.") % {"choices": ", ".join(_choices(model)[field])}
        ),
        # Text that is no Unicode string (an unpaired surrogate) is no choice either.
        "string_unicode": lambda: (
            _("Choose one of: %(choices)s.") % {"choices": ", ".join(_choices(model)[field])}
        ),
        "dict_type": lambda: _("Send an object."),
    }
    if kind in simple:
        return simple[kind]()
    # A rule no record type uses yet: still never pydantic's English.
    return _("This value is not valid.")


def problems(
    exc: ValidationError, model: type[BaseModel], sent: dict[str, Any]
) -> dict[str, list[str]]:
    """The errors of one validation of `sent` as {field: [message]}: the first problem of
    each field, in the order the checks always ran (a list or object is counted before its
    items are checked, a key before its value)."""
    out: dict[str, list[str]] = {}
    for error in exc.errors(include_url=False, include_context=True, include_input=True):
        field = str(error["loc"][0]) if error["loc"] else "non_field_errors"
        if field in out:
            continue
        if len(error["loc"]) > 1 and (too_many := _count(model, field, sent.get(field))):
            out[field] = [too_many]
        else:
            out[field] = [_message(error, model)]
    return out


def _count(model: type[BaseModel], field: str, value: Any) -> str | None:
    """The message for a list or object with more items than its field allows, if it has."""
    limits = [m.max_length for m in model.model_fields[field].metadata if isinstance(m, MaxLen)]
    if not limits or len(value) <= limits[0]:
        return None
    if isinstance(value, dict):
        return _("Use at most %(n)d entries.") % {"n": limits[0]}
    return _("Use at most %(n)d items.") % {"n": limits[0]}
