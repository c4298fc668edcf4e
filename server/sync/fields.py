"""Field specifications for synced records: fast validation of client values and JSON output.

A push carries up to 200 ops; validating them with DRF serializers would cost more than the
writes, so each record type declares its fields with these small specs instead. Each spec
turns a JSON value into a Python value (or raises FieldError with a message for the user)
and a stored value back into JSON.
"""

import datetime as dt
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext_lazy as _


class FieldError(Exception):
    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


_MISSING = object()


class Spec(ABC):
    """One field of a record type. `attr` is the model attribute it is stored in."""

    def __init__(self, *, required: bool = False, default: Any = None, null: bool = False):
        self.required = required
        self.default = default
        self.null = null
        self.name = ""
        self.attr = ""

    def bind(self, name: str) -> "Spec":
        self.name = name
        self.attr = name
        return self

    def clean(self, value: Any) -> Any:
        if value is None:
            if self.null:
                return None
            raise FieldError(_("This field may not be null."))
        return self.parse(value)

    @abstractmethod
    def parse(self, value: Any) -> Any:
        """Turn a JSON value that is not null into the stored Python value."""

    def to_json(self, value: Any) -> Any:
        return value


class Str(Spec):
    def __init__(self, *, min_length: int = 0, max_length: int, **kw):
        kw.setdefault("default", "")
        super().__init__(**kw)
        self.min_length = min_length
        self.max_length = max_length

    def parse(self, value):
        if not isinstance(value, str):
            raise FieldError(_("Enter text."))
        value = storable(value).strip()
        if len(value) < self.min_length:
            raise FieldError(_("This field may not be blank."))
        if len(value) > self.max_length:
            raise FieldError(
                _("Use at most %(n)d characters (it has %(has)d).")
                % {"n": self.max_length, "has": len(value)}
            )
        return value


class Int(Spec):
    def __init__(self, *, min_value: int, max_value: int | None = None, **kw):
        super().__init__(**kw)
        self.min_value = min_value
        self.max_value = max_value

    def parse(self, value):
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                raise FieldError(_("Enter a whole number."))
        if value < self.min_value:
            raise FieldError(_("Enter %(n)s or more.") % {"n": self.min_value})
        if self.max_value is not None and value > self.max_value:
            raise FieldError(_("Enter %(n)s or less.") % {"n": self.max_value})
        return value


class Bool(Spec):
    def __init__(self, **kw):
        kw.setdefault("default", False)
        super().__init__(**kw)

    def parse(self, value):
        if not isinstance(value, bool):
            raise FieldError(_("Enter true or false."))
        return value


class Date(Spec):
    def parse(self, value):
        if isinstance(value, str) and len(value) == 10:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise FieldError(_("Enter a date as YYYY-MM-DD."))

    def to_json(self, value):
        return value.isoformat() if value is not None else None


class DecimalSpec(Spec):
    def __init__(self, *, min_value: Decimal, max_digits: int, decimal_places: int, **kw):
        super().__init__(**kw)
        self.min_value = min_value
        self.limit = Decimal(10) ** (max_digits - decimal_places)
        self.quantum = Decimal(1).scaleb(-decimal_places)

    def parse(self, value):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise FieldError(_("Enter a number."))
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise FieldError(_("Enter a number.")) from None
        if not number.is_finite():
            raise FieldError(_("Enter a number."))
        if number < self.min_value:
            raise FieldError(_("Enter %(n)s or more.") % {"n": self.min_value})
        if number >= self.limit:
            raise FieldError(_("Enter a number below %(n)s.") % {"n": self.limit})
        return number.quantize(self.quantum)

    def to_json(self, value):
        return float(value) if value is not None else None


class Choice(Spec):
    def __init__(self, choices: tuple[str, ...], **kw):
        super().__init__(**kw)
        self.choices = choices

    def parse(self, value):
        if value not in self.choices:
            raise FieldError(
                _("Choose one of: %(choices)s.") % {"choices": ", ".join(self.choices)}
            )
        return value


class Url(Str):
    def parse(self, value):
        value = super().parse(value)
        if value and not value.startswith(("https://", "http://")):
            raise FieldError(_("Enter an address starting with https:// or http://."))
        return value


class Ref(Spec):
    """The id of another record of the same user, of type `target`."""

    def __init__(self, target: str, **kw):
        super().__init__(**kw)
        self.target = target

    def bind(self, name):
        super().bind(name)
        self.attr = f"{name}_id"
        return self

    def parse(self, value):
        return parse_uuid(value)

    def to_json(self, value):
        return str(value) if value is not None else None

    def ids(self, value) -> list[uuid.UUID]:
        return [] if value is None else [value]


class RefList(Spec):
    """A list of ids of the same user's records of type `target`, stored as JSON."""

    def __init__(self, target: str, *, max_items: int, **kw):
        kw.setdefault("default", list)
        super().__init__(**kw)
        self.target = target
        self.max_items = max_items

    def parse(self, value):
        if not isinstance(value, list):
            raise FieldError(_("Send a list of ids."))
        if len(value) > self.max_items:
            raise FieldError(_("Use at most %(n)d items.") % {"n": self.max_items})
        return list(dict.fromkeys(str(parse_uuid(item)) for item in value))

    def ids(self, value) -> list[uuid.UUID]:
        return [uuid.UUID(item) for item in value or ()]


class StrList(Spec):
    def __init__(self, *, max_items: int, max_length: int, **kw):
        kw.setdefault("default", list)
        super().__init__(**kw)
        self.max_items = max_items
        self.max_length = max_length

    def parse(self, value):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise FieldError(_("Send a list of texts."))
        items = [v.strip() for v in map(storable, value) if v.strip()]
        if len(items) > self.max_items:
            raise FieldError(_("Use at most %(n)d items.") % {"n": self.max_items})
        if any(len(v) > self.max_length for v in items):
            raise FieldError(_("Each item has at most %(n)d characters.") % {"n": self.max_length})
        return list(dict.fromkeys(items))


class Mapping(Spec):
    """An object of short keys to values checked by `value` (which raises FieldError)."""

    def __init__(self, value: Callable[[Any], Any], *, max_items: int, key_length: int = 40, **kw):
        kw.setdefault("default", dict)
        super().__init__(**kw)
        self.value = value
        self.max_items = max_items
        self.key_length = key_length

    def parse(self, value):
        if not isinstance(value, dict):
            raise FieldError(_("Send an object."))
        if len(value) > self.max_items:
            raise FieldError(_("Use at most %(n)d entries.") % {"n": self.max_items})
        cleaned = {}
        for key, item in value.items():
            if not key or len(key) > self.key_length:
                raise FieldError(_("Keys have 1 to %(n)d characters.") % {"n": self.key_length})
            storable(key)
            try:
                cleaned[key] = self.value(item)
            except FieldError as exc:
                raise FieldError(f"{key}: {exc.message}") from None
        return cleaned


def storable(value: str) -> str:
    """`value` if every database can store it: no NUL (PostgreSQL refuses it in text and
    jsonb) and no unpaired surrogate (not encodable as UTF-8 anywhere)."""
    if "\x00" in value:
        raise FieldError(_("Text cannot contain the NUL character."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise FieldError(_("Text cannot contain unpaired surrogate characters.")) from None
    return value


def parse_uuid(value: Any) -> uuid.UUID:
    if not isinstance(value, str):
        raise FieldError(_("Send an id (UUID)."))
    try:
        return uuid.UUID(value)
    except ValueError:
        raise FieldError(_("“%(value)s” is not a valid id (UUID).") % {"value": value}) from None
