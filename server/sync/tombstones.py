"""Writes for sync upkeep: purging old tombstones.

A tombstone tells devices that a record was deleted. Once every device has surely pulled it,
it can go; a device whose cursor is older than what was purged then gets 410 and reloads.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from server.sync.models import SyncCounter
from server.sync.registry import RecordType, all_types


def _stale(rt: RecordType, user_id: int, cutoff: dt.datetime):
    """The user's old tombstones of one type that no other record still points at."""
    stale = rt.model.objects.filter(user_id=user_id, deleted=True, updated_at__lt=cutoff)
    for other in all_types():
        for ref in other.refs.values():
            if not ref.many and ref.target == rt.name:
                pointed = other.model.objects.filter(**{f"{ref.attr}__isnull": False})
                stale = stale.exclude(pk__in=pointed.values(ref.attr))
    return stale


def tombstones_purge(*, older_than: dt.timedelta) -> int:
    """Delete tombstones older than `older_than`; returns how many went."""
    cutoff = timezone.now() - older_than
    users = set()
    for rt in all_types():
        users.update(
            rt.model.objects.filter(deleted=True, updated_at__lt=cutoff)
            .values_list("user_id", flat=True)
            .distinct()
        )
    total = 0
    for user_id in sorted(users):
        with transaction.atomic():
            # The push lock: no push of this user runs while its tombstones go.
            counter = SyncCounter.objects.select_for_update().filter(user_id=user_id).first()
            if counter is None:
                continue
            top = counter.purged_version
            for rt in reversed(all_types()):  # records that point at others go first
                stale = _stale(rt, user_id, cutoff)
                top = max(top, stale.aggregate(top=Max("version"))["top"] or 0)
                total += stale.delete()[0]
            SyncCounter.objects.filter(pk=counter.pk).update(purged_version=top)
    return total
