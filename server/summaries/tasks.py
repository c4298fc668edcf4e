"""Celery tasks: the hourly planner and one send per summary row. Thin: each calls a service."""

from celery import shared_task
from django.conf import settings

from server.lib.tasks import retrying_task
from server.summaries import services


@shared_task
def plan_monthly_summaries() -> dict:
    """Run by beat every hour (CELERY_BEAT_SCHEDULE)."""
    return services.summaries_tick()


# The service tells the last try (it then stores 'failed' instead of raising), so the
# number of tries is SUMMARY_SEND_TRIES, read when the task runs. No jitter: the waits are
# SUMMARY_RETRY_BACKOFF x 1, 2, 4... seconds.
@retrying_task(
    retry_on=(services.SendFailed,),
    tries=None,
    backoff=settings.SUMMARY_RETRY_BACKOFF,
    jitter=False,
    bind=True,
    name=services.SEND_TASK,
)
def send_monthly_summary(self, summary_id: int) -> str:
    """Email one summary; SMTP trouble is retried with exponential backoff, SUMMARY_SEND_TRIES
    tries in all, and then the row stays 'failed' with the error."""
    last_try = self.request.retries + 1 >= settings.SUMMARY_SEND_TRIES
    return services.summary_send(summary_id=summary_id, last_try=last_try)
