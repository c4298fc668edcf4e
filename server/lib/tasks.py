"""How Ippo's tasks retry and how services queue them.

One retry policy: what a later try may fix is tried again, waiting longer each time
(exponential backoff), never more than ten minutes between two tries. One way to queue: by
the task's name, after the commit."""

from smtplib import SMTPException

from celery import current_app, shared_task
from django.db import transaction

# The mail server refused for now (4xx), dropped the line or could not be reached.
SMTP_TROUBLE: tuple[type[Exception], ...] = (SMTPException, OSError)
LONGEST_WAIT = 600  # seconds


def retrying_task(
    *,
    retry_on: tuple[type[Exception], ...] = SMTP_TROUBLE,
    tries: int | None = 7,
    backoff: int = 1,
    jitter: bool = True,
    **options,
):
    """A Celery task that retries `retry_on`, `tries` times in all (None: the task's body
    decides when to stop), the n-th wait `backoff` x 2**n seconds (random up to that with
    `jitter`, so a crowd of failed tasks does not come back at one instant)."""
    return shared_task(
        autoretry_for=retry_on,
        retry_backoff=backoff,
        retry_backoff_max=LONGEST_WAIT,
        retry_jitter=jitter,
        max_retries=None if tries is None else tries - 1,
        **options,
    )


def queue_after_commit(task_name: str, *args, robust: bool = False) -> None:
    """Queue the task named `task_name` once the current transaction commits. By name, so a
    service asks for its app's task without importing tasks.py (which imports the service:
    an import cycle); each app's ready() imports its tasks, so eager mode finds them too.
    `robust`: a broker that cannot be reached is logged instead of raised to the caller."""
    transaction.on_commit(current_app.signature(task_name, args=args).delay, robust=robust)
