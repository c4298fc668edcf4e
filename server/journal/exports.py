"""Reads for export: every record of hers as one JSON document, or as CSV files in a ZIP.

The records come from sync's `records()` in the pull's wire format, so an export is exactly what
a device would hold and what `imports.py` takes back. Apps above the journal add their own part
of the document through `register_section` (summaries does, from its `exports.py`), so the
journal never needs to know them.
"""

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import pgettext, pgettext_lazy

from server.sync.registry import all_types
from server.sync.selectors import records

FORMAT = "ippo-export"
VERSION = 1
PROFILE_FIELDS = ("email", "display_name", "time_zone", "language", "monthly_email")

Table = tuple[list[str], list[list[Any]]]


@dataclass(frozen=True)
class Section:
    """A part of the export that another app owns: its JSON, and optionally one CSV file."""

    name: str
    data: Callable[[Any], Any]
    table: Callable[[Any], Table] | None = None


_sections: dict[str, Section] = {}


def register_section(
    name: str, data: Callable[[Any], Any], table: Callable[[Any], Table] | None = None
) -> None:
    """Add `name` to every export: `data(user)` in the JSON, `table(user)` as <name>.csv."""
    if name in _sections or name in ("format", "version", "exported_at", "profile", "records"):
        raise ValueError(f"export section {name!r} is taken")
    _sections[name] = Section(name, data, table)


def sections() -> list[Section]:
    return list(_sections.values())


def _label(text: str):
    return pgettext_lazy("export column", text)


# Column headings of the CSV files that are not a record's fields (those take their model's
# title, records.py), in her language.
LABELS = {
    "id": _label("ID"),
    "version": _label("Version"),
    "created_at": _label("Created"),
    "updated_at": _label("Updated"),
    "email": _label("Email address"),
    "display_name": _label("Display name"),
    "time_zone": _label("Time zone"),
    "language": _label("Language"),
    "monthly_email": _label("Monthly summary email"),
}


def label(name: str, rt=None) -> str:
    """The heading of column `name`: a record field's title (of type `rt`), translated."""
    if rt is not None and name in rt.schema.model_fields:
        title = rt.schema.model_fields[name].title
        return pgettext("export column", title) if title else name
    return str(LABELS.get(name, name))


def profile(user) -> dict[str, Any]:
    return {name: getattr(user, name) for name in PROFILE_FIELDS}


def document(*, user, now: dt.datetime | None = None) -> dict[str, Any]:
    """Her whole export: format, profile, every live record by type, and each section."""
    now = now or timezone.now()
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(),
        "profile": profile(user),
        "records": records(user=user),
    }
    for section in sections():
        doc[section.name] = section.data(user)
    return doc


def filename(*, user, extension: str, now: dt.datetime | None = None) -> str:
    """`ippo-export-2026-11-24.<extension>`, dated in her own time zone."""
    day = timezone.localdate(now or timezone.now(), timezone=user.zone)
    return f"ippo-export-{day.isoformat()}.{extension}"


def cell(value: Any) -> Any:
    """One value as a spreadsheet cell: lists and objects as JSON text, and text that a
    spreadsheet would run as a formula (=, +, -, @) kept as text by a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def local_time(value: str | None, zone) -> str:
    """An ISO time from the wire format, shown in her zone."""
    if not value:
        return ""
    return dt.datetime.fromisoformat(value).astimezone(zone).isoformat(timespec="seconds")


def _csv(headers: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # the BOM makes Excel read UTF-8 (and so Japanese) correctly
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8")


def tables(*, user) -> dict[str, bytes]:
    """The CSV files of her export by file name, headings in her language."""
    zone = user.zone
    files: dict[str, bytes] = {}
    with translation.override(user.language):
        files["profile.csv"] = _csv(
            [label(n) for n in PROFILE_FIELDS], [list(profile(user).values())]
        )
        by_type = records(user=user)
        for rt in all_types():
            names = [*rt.fields, *rt.derived]
            headers = [label(n, rt) for n in ("id", *names, "version", "created_at", "updated_at")]
            rows = [
                [
                    record["id"],
                    *(record["fields"].get(n) for n in names),
                    record["version"],
                    local_time(record["created_at"], zone),
                    local_time(record["updated_at"], zone),
                ]
                for record in by_type.get(rt.name, [])
            ]
            files[f"{rt.name}.csv"] = _csv(headers, rows)
        for section in sections():
            if section.table is not None:
                headers, rows = section.table(user)
                files[f"{section.name}.csv"] = _csv([str(h) for h in headers], rows)
    return files


def csv_zip(*, user) -> bytes:
    """Her export as a ZIP of CSV files, one per record type plus profile and sections."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in tables(user=user).items():
            archive.writestr(name, content)
    return buffer.getvalue()
