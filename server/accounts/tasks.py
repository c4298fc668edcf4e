"""Celery tasks of accounts: each takes ids (or the few values kept of a deleted account)
and calls one service; SMTP trouble is retried by the shared policy."""

from server.accounts import deletion, services
from server.lib.tasks import retrying_task


@retrying_task(name=services.RESET_EMAIL_TASK)
def send_password_reset_email(user_id: int) -> bool:
    return services.password_reset_email_send(user_id=user_id)


@retrying_task(name=services.LOCKOUT_EMAIL_TASK)
def send_lockout_email(user_id: int, lockout: int) -> bool:
    return services.lockout_email_send(user_id=user_id, lockout=lockout)


@retrying_task(name=deletion.GOODBYE_EMAIL_TASK)
def send_account_deleted_email(email: str, name: str, language: str) -> None:
    deletion.account_deleted_email_send(email=email, name=name, language=language)
