"""The guide's chapters as the PWA build rendered them: PWA_BUILD_DIR/guide.json.

The chapters are written in content/guide/<lang>/NN-slug.md and read, checked and rendered
once, by frontend/vite-content.ts when `npm run build` runs (content/README.md has the
rules); there is no Markdown reader on the server. The file is read again only when it
changes (a rebuild under `make run`), as the shell reads Vite's manifest.
"""

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from server.guide import files
from server.guide.files import ContentError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    schedule: str  # daily | weekdays | weekly | once
    tool: str | None


@dataclass(frozen=True)
class Chapter:
    lang: str
    slug: str
    title: str
    summary: str
    order: int
    tools: tuple[str, ...]
    steps: tuple[Step, ...]
    file: str  # under content/guide/, e.g. "ja/01-what-is-the-mommy-track.md"
    html: str  # the body, rendered by the build with raw HTML switched off

    @property
    def url(self) -> str:
        return f"/guide/{self.slug}/"


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def build_file() -> Path:
    return Path(settings.PWA_BUILD_DIR) / "guide.json"


def chapters(lang: str) -> tuple[Chapter, ...]:
    """Every chapter of a language, in table-of-contents order."""
    if lang not in languages():
        raise ValueError(f"unknown language {lang!r}")
    path = build_file()
    if not path.is_file():
        raise ContentError(f"{path} does not exist: build the PWA (`make install`)")
    return _load(files.stamp([path])).get(lang, ())


def chapter(lang: str, slug: str) -> Chapter | None:
    return next((c for c in chapters(lang) if c.slug == slug), None)


def neighbours(item: Chapter) -> tuple[Chapter | None, Chapter | None]:
    """The chapters before and after `item` in its language's table of contents."""
    items = chapters(item.lang)
    at = items.index(item)
    return (items[at - 1] if at > 0 else None, items[at + 1] if at + 1 < len(items) else None)


def _chapter(item: dict) -> Chapter:
    steps = tuple(Step(**step) for step in item["steps"])
    return Chapter(**{**item, "tools": tuple(item["tools"]), "steps": steps})


@functools.lru_cache(maxsize=4)
def _load(stamp: tuple) -> dict[str, tuple[Chapter, ...]]:
    ((path, _mtime, _size),) = stamp
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return {lang: tuple(_chapter(item) for item in items) for lang, items in data.items()}
    except (ValueError, KeyError, TypeError) as exc:
        raise ContentError(f"{path} is not a guide the build wrote ({exc}): rebuild") from None
