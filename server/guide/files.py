"""Reading the writer's files: one cache entry per version of the files on disk."""

from pathlib import Path


class ContentError(Exception):
    """A content file breaks a rule of content/README.md; the message names the file."""


def stamp(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """What changes when a file is edited, added or removed: the cache key of a loader.

    A stat per file per use is cheap and lets a writer see an edit without a restart.
    """
    out = []
    for path in paths:
        info = path.stat()
        out.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(out)


def text(value, where: str, name: str, *, max_length: int | None = None) -> str:
    """A required, non-blank text value (stripped)."""
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where}: {name} must be a non-empty text")
    if max_length is not None and len(value.strip()) > max_length:
        raise ContentError(f"{where}: {name} has more than {max_length} characters")
    return value.strip()


def whole(value, where: str, name: str, *, low: int, high: int | None = None) -> int:
    """A whole number within [low, high] (a YAML true/false is not a number)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ContentError(f"{where}: {name} must be a whole number, not {value!r}")
    if value < low or (high is not None and value > high):
        upper = "" if high is None else f"..{high}"
        raise ContentError(f"{where}: {name} must be in {low}{upper}, not {value}")
    return value


def keys(value, where: str, name: str, known) -> tuple[str, ...]:
    """A list of keys, each one of `known` (a missing list is empty)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError(f"{where}: {name} must be a list like [a, b]")
    unknown = [v for v in value if v not in known]
    if unknown:
        raise ContentError(
            f"{where}: unknown {name} {', '.join(unknown)} (known: {', '.join(sorted(known))})"
        )
    if len(set(value)) != len(value):
        raise ContentError(f"{where}: {name} lists a key twice")
    return tuple(value)
