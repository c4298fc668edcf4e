"""The one retry policy of Ippo's tasks: what a later try may fix is tried again, waiting
longer each time (exponential backoff), never more than ten minutes between two tries."""

from smtplib import SMTPException

from celery import shared_task

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
