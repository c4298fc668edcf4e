"""`manage.py send_monthly_summaries`: the same services, run by hand."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from server.summaries import services
from server.summaries.models import MonthlySummary
from tests.summaries.conftest import AFTER_NOVEMBER, NOVEMBER, make_user, summary_row
from tests.summaries.journal import Journal

Status = MonthlySummary.Status


@pytest.fixture
def people(tokyo, los_angeles, time_machine):
    quiet = make_user(time_machine, email="quiet@example.jp", monthly_email=False)
    Journal(tokyo).log("2026-11-03", 60, 30)
    time_machine.move_to(AFTER_NOVEMBER, tick=False)
    return tokyo, los_angeles, quiet


def run(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_monthly_summaries", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_says_what_would_be_sent_and_changes_nothing(people):
    out = run("--month", "2026-11", "--dry-run")
    assert "hanako@example.jp [ja]: would send: 1 tasks, 30 min saved" in out
    assert "emily@example.com [en]: would send" in out
    assert "quiet@example.jp [ja]: would store (email off)" in out
    assert "2026-11 (dry run): would create 3, would send 2; existing: none" in out
    assert MonthlySummary.objects.count() == 0 and mail.outbox == []


def test_it_creates_and_sends_the_month_once_however_often_it_runs(people):
    out = run("--month", "2026-11")
    assert "created 3 summaries (1 with the email off)" in out
    assert "2026-11: 2 sent" in out
    assert sorted(m.to[0] for m in mail.outbox) == ["emily@example.com", "hanako@example.jp"]
    statuses = dict(MonthlySummary.objects.values_list("user__email", "status"))
    assert statuses == {
        "hanako@example.jp": Status.SENT,
        "emily@example.com": Status.SENT,
        "quiet@example.jp": Status.SKIPPED,
    }
    out = run("--month", "2026-11")
    assert "created 0 summaries" in out and "2026-11: nothing" in out
    assert len(mail.outbox) == 2
    assert "existing: 2 sent, 1 skipped" in run("--month", "2026-11", "--dry-run")


def test_user_limits_it_to_one_person(people):
    out = run("--month", "2026-11", "--user", "EMILY@example.com")
    assert "emily@example.com: sent" in out
    assert [m.to for m in mail.outbox] == [["emily@example.com"]]
    assert list(MonthlySummary.objects.values_list("user__email", flat=True)) == [
        "emily@example.com"
    ]


def test_resend_failed_sends_the_failed_ones_again(people, monkeypatch):
    tokyo, los_angeles, _quiet = people
    resent = []

    def resend_failed(**kwargs):  # the admin's service, watched: the command has no copy
        ids = real_resend_failed(**kwargs)
        resent.append(ids)
        return ids

    real_resend_failed = services.summaries_resend_failed
    monkeypatch.setattr(services, "summaries_resend_failed", resend_failed)
    summary_row(tokyo, status=Status.FAILED, attempts=5, last_error="SMTPDataError: 451")
    summary_row(los_angeles, status=Status.SENT, attempts=1)
    out = run("--month", "2026-11", "--user", "hanako@example.jp")
    assert "2026-11: nothing" in out and mail.outbox == []
    assert "hanako@example.jp: would send (failed)" in run(
        "--month", "2026-11", "--resend-failed", "--dry-run", "--user", "hanako@example.jp"
    )
    assert resent == []
    out = run("--month", "2026-11", "--resend-failed")
    assert "2026-11: 1 failed summaries to send again" in out
    assert "hanako@example.jp: sent" in out
    assert [m.to for m in mail.outbox] == [["hanako@example.jp"]]  # not Emily again
    row = MonthlySummary.objects.get(user=tokyo, month=NOVEMBER)
    assert (row.status, row.attempts) == (Status.SENT, 6)
    assert resent == [[row.pk]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "11/2026"], "must look like 2026-11"),
        (["--month", "2026-12"], "has not ended yet"),
        (["--month", "2026-11", "--user", "nobody@example.jp"], "no active user"),
    ],
)
def test_it_refuses_a_bad_month_or_user(people, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
