"""Reads for sync: the changes a device has not seen yet."""

import heapq

from server.sync.models import SyncCounter
from server.sync.registry import all_types

MAX_LIMIT = 1000
_META = ("id", "version", "deleted", "created_at", "updated_at")


class CursorExpired(Exception):
    """The cursor is older than purged tombstones: the client must reload everything."""


def _change(rt, row) -> dict:
    return {
        "type": rt.name,
        "id": str(row["id"]),
        "version": row["version"],
        "deleted": row["deleted"],
        "created_at": row["created_at"].isoformat(),
        "updated_at": row["updated_at"].isoformat(),
        "fields": rt.to_fields(row),
    }


def pull(*, user, cursor: int, limit: int) -> dict:
    """Up to `limit` changes after `cursor`, in version order across every record type."""
    counter = SyncCounter.objects.filter(user=user).values_list("purged_version", "version")
    purged, latest = counter.first() or (0, 0)
    if 0 < cursor < purged:
        raise CursorExpired
    if latest <= cursor:  # nothing new: the common answer to a device's periodic pull
        return {"changes": [], "cursor": cursor, "has_more": False}
    streams = []
    for rt in all_types():
        # Each query below sees what had committed when it ran, so a push committing between
        # two of them could show its versions of one type while an earlier push's versions of
        # a type already read stay unseen, and the cursor would pass them. Every version up to
        # the counter read above had committed with it: stop there, the rest comes next pull.
        rows = (
            rt.model.objects.filter(user=user, version__gt=cursor, version__lte=latest)
            .order_by("version")
            .values(*_META, *rt.attrs)[: limit + 1]
        )
        streams.append([(row["version"], rt.name, rt, row) for row in rows])
    merged = heapq.merge(*streams, key=lambda item: item[0])
    changes = []
    has_more = False
    for _version, _name, rt, row in merged:
        if len(changes) == limit:
            has_more = True
            break
        changes.append(_change(rt, row))
    next_cursor = changes[-1]["version"] if changes else cursor
    return {"changes": changes, "cursor": next_cursor, "has_more": has_more}


def records(*, user) -> dict[str, list[dict]]:
    """Every record of the user, tombstones left out, grouped by type (for export)."""
    return {
        rt.name: [
            _change(rt, row)
            for row in rt.model.objects.filter(user=user, deleted=False)
            .order_by("version")
            .values(*_META, *rt.attrs)
        ]
        for rt in all_types()
    }
