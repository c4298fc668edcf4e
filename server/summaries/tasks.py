"""Celery tasks: the hourly planner and one send per summary row. Thin: each calls a service."""

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings

from server.summaries import services


@shared_task
def plan_monthly_summaries() -> dict:
    """Run by beat every hour (CELERY_BEAT_SCHEDULE)."""
    return services.summaries_tick()


@shared_task(bind=True, max_retries=None)
def send_monthly_summary(self, summary_id: int) -> str:
    """Email one summary; SMTP trouble is retried with exponential backoff, SUMMARY_SEND_TRIES
    tries in all, and then the row stays 'failed' with the error."""
    retries = self.request.retries
    last_try = retries + 1 >= settings.SUMMARY_SEND_TRIES
    try:
        return services.summary_send(summary_id=summary_id, last_try=last_try)
    except services.SendFailed as exc:
        countdown = get_exponential_backoff_interval(
            factor=settings.SUMMARY_RETRY_BACKOFF, retries=retries, maximum=600, full_jitter=False
        )
        raise self.retry(exc=exc, countdown=countdown) from exc
