"""Deleting an account: every row of hers gone in one transaction, then a goodbye email.

Her records, ops, devices, counters and summaries hang off the user by foreign keys with
ON DELETE CASCADE, so deleting the user removes them without this app knowing those apps (it
knows none above it). Rows that point at her without a foreign key are each app's to clean:
an app connects a receiver to `account_deleting`, which is sent in the same transaction just
before the user goes. Her sessions are not linked by a key either (a session stores her id
inside its signed data): every session that belongs to her is ended here, on every device.
"""

from importlib import import_module
from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _

from server.accounts.models import User
from server.lib.emails import make_message

# Sent with `user=` inside the deleting transaction, before the user row is deleted.
account_deleting = Signal()


def _session_keys(user_id: int) -> list[str]:
    """The keys of every stored session (live or expired) signed in as the user."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        # Cache or cookie sessions cannot be listed; with the user gone they resolve to
        # nobody on their next request (auth finds no such user and flushes them).
        return []
    decoder = store()
    rows = store.get_model_class().objects.values_list("session_key", "session_data")
    wanted = str(user_id)
    return [
        key
        for key, data in rows.iterator(chunk_size=2000)
        if str(decoder.decode(data).get("_auth_user_id")) == wanted
    ]


def _end_sessions(user_id: int) -> None:
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in _session_keys(user_id):
        store(session_key=key).delete()  # also clears a cached_db copy


def account_delete(*, user: User, password: str) -> None:
    """Check her password, then delete the account and everything of hers at once."""
    if not password or not user.check_password(password):
        raise ValidationError({"password": _("The password is not correct.")})
    email, name, language = user.email, user.display_name, user.language
    with transaction.atomic():
        account_deleting.send(sender=User, user=user)
        _end_sessions(user.pk)
        # Admin history about her account names her (object_repr is her email).
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
        ).delete()
        User.objects.filter(pk=user.pk).delete()
        transaction.on_commit(lambda: send_account_deleted_email.delay(email, name, language))


def account_deleted_email_send(*, email: str, name: str, language: str) -> None:
    """Tell her the account is gone (the address was kept only for this message)."""
    make_message("account-deleted", email, {"name": name, "email": email}, language=language).send()


@shared_task(
    autoretry_for=(SMTPException, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=6,
)
def send_account_deleted_email(email: str, name: str, language: str) -> None:
    account_deleted_email_send(email=email, name=name, language=language)
