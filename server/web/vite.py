"""Reading the PWA build's .vite/manifest.json: which hashed files an entry needs.

`make install` builds frontend/ into server/web/static/app/ (settings.PWA_BUILD_DIR).
The tags point at the files Vite named, not at collectstatic's copies: the service worker
precaches exactly those URLs, so a second hash from ManifestStaticFilesStorage would make
the shell ask for files the worker never stored.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


class BuildMissing(Exception):
    """The frontend has not been built (or not for this entry)."""


@dataclass(frozen=True)
class Entry:
    script: str
    styles: tuple[str, ...]
    preloads: tuple[str, ...]


_cache: dict[Path, tuple[float, dict]] = {}


def _manifest() -> dict:
    """The parsed manifest, re-read only when the file changes (a rebuild under `make run`)."""
    path = Path(settings.PWA_BUILD_DIR) / ".vite" / "manifest.json"
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        raise BuildMissing(f"{path} does not exist") from None
    cached = _cache.get(path)
    if cached is None or cached[0] != mtime:
        cached = (mtime, json.loads(path.read_text(encoding="utf-8")))
        _cache[path] = cached
    return cached[1]


def entry(name: str) -> Entry:
    """The script, its CSS and its statically imported chunks, as absolute URLs."""
    chunks = _manifest()
    if name not in chunks:
        raise BuildMissing(f"the build has no entry {name!r}")
    base = f"{settings.STATIC_URL}app/"
    styles: list[str] = []
    preloads: list[str] = []
    seen: set[str] = set()

    def visit(key: str, top: bool) -> None:
        if key in seen:
            return
        seen.add(key)
        chunk = chunks[key]
        for css in chunk.get("css", []):
            if base + css not in styles:
                styles.append(base + css)
        if not top:
            preloads.append(base + chunk["file"])
        for imported in chunk.get("imports", []):
            visit(imported, False)

    visit(name, True)
    return Entry(script=base + chunks[name]["file"], styles=tuple(styles), preloads=tuple(preloads))
