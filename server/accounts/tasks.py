from smtplib import SMTPException

from celery import shared_task

from server.accounts import services


@shared_task(
    autoretry_for=(SMTPException, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=6,
)
def send_password_reset_email(user_id: int) -> bool:
    return services.password_reset_email_send(user_id=user_id)


@shared_task(
    autoretry_for=(SMTPException, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=6,
)
def send_lockout_email(user_id: int, lockout: int) -> bool:
    return services.lockout_email_send(user_id=user_id, lockout=lockout)
