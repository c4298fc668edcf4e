"""Deleting an account: every row of hers gone in one transaction, then a goodbye email.

Her records, ops, devices, counters and summaries hang off the user by foreign keys with
ON DELETE CASCADE, so deleting the user removes them without this app knowing those apps (it
knows none above it). Two kinds of row name her without such a key, and both go here in the
same transaction: her sessions (a session keeps her id inside its signed data), ended on
every device, and the admin's history of her account. The goodbye email is sent by
accounts.tasks after the commit.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from server.accounts.models import User
from server.lib.emails import make_message
from server.lib.tasks import queue_after_commit

# The task (accounts/tasks.py) that sends the goodbye email, by its name in Celery.
GOODBYE_EMAIL_TASK = "server.accounts.tasks.send_account_deleted_email"


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
        _end_sessions(user.pk)
        # Admin history about her account names her (object_repr is her email).
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
        ).delete()
        User.objects.filter(pk=user.pk).delete()
        queue_after_commit(GOODBYE_EMAIL_TASK, email, name, language)


def account_deleted_email_send(*, email: str, name: str, language: str) -> None:
    """Tell her the account is gone (the address was kept only for this message)."""
    make_message("account-deleted", email, {"name": name, "email": email}, language=language).send()
