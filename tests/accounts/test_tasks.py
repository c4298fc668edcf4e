"""Every email task of accounts takes ids (or the few values kept of a deleted account) and
tries again when the mail server refuses for now, as tasks.py's shared policy says."""

import datetime as dt

import pytest
from django.utils import timezone

from server.accounts import tasks
from server.accounts.models import LoginGuard
from server.lib.tasks import LONGEST_WAIT
from tests.summaries.flaky_smtp import FlakySmtpServer


def _locked(user) -> tuple[int, int]:
    now = timezone.now()
    LoginGuard.objects.create(
        user=user, lockouts=1, last_failure_at=now, locked_until=now + dt.timedelta(minutes=30)
    )
    return user.pk, 1


CALLS = {
    "send_password_reset_email": lambda user: (user.pk,),
    "send_lockout_email": _locked,
    "send_account_deleted_email": lambda user: (user.email, user.display_name, "ja"),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_an_email_the_mail_server_refuses_for_now_goes_out_on_a_later_try(
    name, owner, settings, retrying
):
    task = getattr(tasks, name)
    with FlakySmtpServer(failures=2) as server:
        server.use(settings)
        task.delay(*CALLS[name](owner)).get()
        assert server.refused == 2
        (message,) = server.messages
    assert message["To"] == owner.email


@pytest.mark.parametrize("name", sorted(CALLS))
def test_an_email_the_mail_server_keeps_refusing_is_given_up_after_seven_tries(
    name, owner, settings, retrying
):
    task = getattr(tasks, name)
    assert (task.max_retries, task.retry_backoff_max) == (6, LONGEST_WAIT)
    with FlakySmtpServer(failures=100) as server:
        server.use(settings)
        with pytest.raises(Exception, match="Try again later"):
            task.delay(*CALLS[name](owner)).get()
        assert server.refused == 7
        assert server.messages == []
