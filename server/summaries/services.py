"""Writes for summaries: create the month's rows, send each email once, unsubscribe.

Exactly once: the unique (user, month) row is the one summary; a send task claims its row
with a conditional update (pending → sending) before it talks to SMTP, so a duplicate task,
a second beat or a retry finds nothing to claim. A worker killed mid-send leaves 'sending',
which may be claimed again after SUMMARY_STALE_MINUTES: an email may then go out twice if
the kill came between SMTP's answer and our update — SMTP gives no way to close that gap.
"""

import datetime as dt
import logging
from dataclasses import dataclass
from smtplib import SMTPException

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from server.accounts import services as account_services
from server.accounts.models import User
from server.lib.tasks import queue_after_commit
from server.summaries import emails
from server.summaries.models import MonthlySummary
from server.summaries.selectors import figures
from server.summaries.selectors import summaries as summary_selectors

log = logging.getLogger(__name__)
Status = MonthlySummary.Status
# The send task (summaries/tasks.py) by the name Celery knows it by.
SEND_TASK = "server.summaries.tasks.send_monthly_summary"


class SendFailed(Exception):
    """SMTP refused or could not be reached; the task retries."""


@dataclass(frozen=True)
class Created:
    month: dt.date
    pending: list[int]  # ids of new rows to email
    skipped: int  # new rows of users with the email off


def _enqueue(summary_ids: list[int]) -> None:
    """One send task per row, once the rows are committed (each publish on its own)."""
    for summary_id in summary_ids:
        queue_after_commit(SEND_TASK, summary_id, robust=True)


def summaries_create(
    *, users: QuerySet[User], month: dt.date, now: dt.datetime, enqueue: bool = True
) -> Created:
    """Compute and store `month`'s summary of each of `users`; returns the rows this call
    created (a row that exists already, or a concurrent call's, is left alone). With
    `enqueue`, a send task per new pending row follows the commit."""
    pending: list[int] = []
    skipped = 0
    users = list(users)
    for at in range(0, len(users), figures.CHUNK):
        chunk = users[at : at + figures.CHUNK]
        computed = figures.compute(users=chunk, month=month, now=now)
        rows = [
            MonthlySummary(
                user=user,
                month=month,
                figures=computed[user.pk],
                status=Status.PENDING if user.monthly_email else Status.SKIPPED,
                created_at=now,  # the stamp that tells this call's rows from a racing one's
                updated_at=now,
            )
            for user in chunk
        ]
        with transaction.atomic():
            MonthlySummary.objects.bulk_create(rows, ignore_conflicts=True)
            mine = MonthlySummary.objects.filter(
                user__in=[u.pk for u in chunk], month=month, created_at=now
            ).values_list("pk", "status")
            ids = [pk for pk, status in mine if status == Status.PENDING]
            skipped += sum(1 for _pk, status in mine if status == Status.SKIPPED)
            if enqueue:
                _enqueue(ids)
        pending += ids
    return Created(month=month, pending=pending, skipped=skipped)


def summaries_requeue_stale(*, now: dt.datetime) -> list[int]:
    """Enqueue again the rows whose message was lost or whose worker died."""
    ids = list(summary_selectors.stale(now=now).values_list("pk", flat=True))
    if not ids:
        return []
    with transaction.atomic():
        requeued = summary_selectors.stale(now=now).filter(pk__in=ids)
        requeued.update(status=Status.PENDING, updated_at=now)
        _enqueue(ids)
    return ids


def summaries_tick(*, now: dt.datetime | None = None) -> dict:
    """The hourly beat: create the rows that fell due, enqueue their emails, and pick up
    rows left behind."""
    now = now or timezone.now()
    created = [
        summaries_create(users=users, month=month, now=now)
        for month, users in summary_selectors.due(now=now).items()
    ]
    requeued = summaries_requeue_stale(now=now)
    return {
        "created": sum(len(c.pending) + c.skipped for c in created),
        "queued": sum(len(c.pending) for c in created),
        "requeued": len(requeued),
    }


def _claim(summary_id: int, now: dt.datetime) -> bool:
    """Take the row for this attempt; False when another attempt has it or it is done."""
    stale = now - dt.timedelta(minutes=settings.SUMMARY_STALE_MINUTES)
    claimable = Q(status=Status.PENDING) | Q(status=Status.SENDING, updated_at__lt=stale)
    taken = MonthlySummary.objects.filter(claimable, pk=summary_id).update(
        status=Status.SENDING, attempts=F("attempts") + 1, updated_at=now
    )
    return taken == 1


def summary_send(*, summary_id: int, last_try: bool = True) -> str:
    """Email one summary if it is still to be sent. Returns what became of it: sent,
    skipped, failed, or not-claimed. Raises SendFailed (status back to pending) when SMTP
    fails and another try will follow."""
    now = timezone.now()
    if not _claim(summary_id, now):
        return "not-claimed"
    summary = MonthlySummary.objects.select_related("user").get(pk=summary_id)
    rows = MonthlySummary.objects.filter(pk=summary_id)
    user = summary.user
    if not (user.is_active and user.monthly_email):
        rows.update(status=Status.SKIPPED, updated_at=timezone.now())
        return "skipped"
    try:
        emails.monthly_summary(summary, user=user)
    except (SMTPException, OSError) as exc:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        status = Status.FAILED if last_try else Status.PENDING
        rows.update(status=status, last_error=error, updated_at=timezone.now())
        if last_try:
            log.error(
                "monthly summary %s not sent after %s tries: %s",
                summary_id,
                summary.attempts,
                error,
            )
            return "failed"
        raise SendFailed(error) from exc
    except Exception as exc:
        # A bug, not the network: retrying will not help, and 'sending' would hide it.
        error = f"{type(exc).__name__}: {exc}"[:2000]
        rows.update(status=Status.FAILED, last_error=error, updated_at=timezone.now())
        raise
    sent_at = timezone.now()
    rows.update(status=Status.SENT, sent_at=sent_at, updated_at=sent_at)
    return "sent"


def summaries_resend_failed(*, summary_ids: list[int], enqueue: bool = True) -> list[int]:
    """Put the failed ones of these rows back to pending (the admin's action, the command's
    --resend-failed) and return their ids; other rows are left alone. With `enqueue`, a send
    task per row follows the commit."""
    with transaction.atomic():
        failed = MonthlySummary.objects.filter(pk__in=summary_ids, status=Status.FAILED)
        ids = list(failed.select_for_update().values_list("pk", flat=True))
        MonthlySummary.objects.filter(pk__in=ids).update(
            status=Status.PENDING, updated_at=timezone.now()
        )
        if enqueue:
            _enqueue(ids)
    return ids


def monthly_email_off(*, token: str) -> User:
    """Turn the monthly email off for the user the link names; safe to repeat (raises
    tokens.BadToken, User.DoesNotExist)."""
    user = summary_selectors.token_user(token=token)
    if user.monthly_email:
        account_services.user_update_profile(user=user, monthly_email=False)
    return user
