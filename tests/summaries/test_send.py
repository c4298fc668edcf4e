"""Sending a summary: once, whatever arrives twice; SMTP trouble retried, then visibly failed."""

import re

import pytest
from django.core import mail

from server.summaries import services, tasks
from server.summaries.models import MonthlySummary
from tests.helpers import at_once
from tests.summaries.conftest import AFTER_NOVEMBER, summary_row
from tests.summaries.flaky_smtp import FlakySmtpServer
from tests.summaries.journal import Journal

Status = MonthlySummary.Status


@pytest.fixture
def row(tokyo, time_machine):
    Journal(tokyo).log("2026-11-03", 60, 30, improvement="テンプレート化")
    time_machine.move_to(AFTER_NOVEMBER, tick=False)
    return summary_row(tokyo)


def _send(summary_id: int) -> str:
    return tasks.send_monthly_summary.delay(summary_id).get()


def test_the_same_task_twice_sends_one_email(row):
    assert tasks.send_monthly_summary.delay(row.pk).get() == "sent"
    assert tasks.send_monthly_summary.delay(row.pk).get() == "not-claimed"
    row.refresh_from_db()
    assert (row.status, row.attempts, len(mail.outbox)) == (Status.SENT, 1, 1)
    assert row.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_the_same_row_at_once_send_one_email(tokyo, time_machine):
    time_machine.move_to(AFTER_NOVEMBER, tick=True)
    row = summary_row(tokyo)
    results = at_once(lambda: services.summary_send(summary_id=row.pk), threads=4, timeout=30)
    assert sorted(results) == ["not-claimed"] * 3 + ["sent"]
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 1)


def test_smtp_refusals_are_retried_until_the_server_takes_the_email(row, settings, retrying):
    with FlakySmtpServer(failures=2) as server:
        server.use(settings)
        assert _send(row.pk) == "sent"
        assert server.refused == 2
        assert len(server.messages) == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 3)
    assert "451" in row.last_error  # kept: it took three tries
    assert server.messages[0]["To"] == "hanako@example.jp"


def test_a_send_that_keeps_failing_stays_failed_until_it_is_resent(
    row, settings, retrying, django_capture_on_commit_callbacks
):
    with FlakySmtpServer(failures=100) as server:
        server.use(settings)
        assert _send(row.pk) == "failed"
        assert server.refused == settings.SUMMARY_SEND_TRIES == 5
        row.refresh_from_db()
        assert (row.status, row.attempts) == (Status.FAILED, 5)
        assert row.last_error.startswith("SMTPDataError") and "Try again later" in row.last_error
        # A failed row is not taken up again by a stray task or by the beat's sweep...
        assert _send(row.pk) == "not-claimed"
        # ...only when someone asks for it (the admin action, the command).
        server.recover()
        with django_capture_on_commit_callbacks(execute=True):
            assert services.summaries_resend_failed(summary_ids=[row.pk]) == [row.pk]
        assert len(server.messages) == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 6)


def test_the_retries_wait_longer_each_time(row, settings, monkeypatch):
    assert settings.SUMMARY_RETRY_BACKOFF == 60  # the default, read when the task is declared
    waits = []

    def fake_retry(self, *, exc, countdown):
        waits.append(countdown)
        raise exc

    monkeypatch.setattr(
        tasks.send_monthly_summary, "retry", fake_retry.__get__(tasks.send_monthly_summary)
    )
    with FlakySmtpServer(failures=100) as server:
        server.use(settings)
        for retries in range(4):
            tasks.send_monthly_summary.push_request(retries=retries)
            try:
                with pytest.raises(services.SendFailed):
                    tasks.send_monthly_summary.run(row.pk)
            finally:
                tasks.send_monthly_summary.pop_request()
    assert waits == [60, 120, 240, 480]
    row.refresh_from_db()
    assert row.status == Status.PENDING  # another try is on its way


def test_a_user_who_turned_the_email_off_after_the_row_was_made_gets_none(row, tokyo):
    tokyo.monthly_email = False
    tokyo.save()
    assert services.summary_send(summary_id=row.pk) == "skipped"
    row.refresh_from_db()
    assert row.status == Status.SKIPPED and mail.outbox == []


@pytest.mark.parametrize(
    ("language", "subject", "words", "link_text"),
    [
        (
            "ja",
            "一歩：2026年11月のふりかえり",  # noqa: RUF001 (the Japanese colon is meant)
            ["花子さん", "記録した仕事", "短縮できた時間"],
            "このメールの配信を停止する",
        ),
        (
            "en",
            "Ippo: your summary of November 2026",
            ["Hello 花子", "Tasks logged", "Time saved"],
            "Stop these emails",
        ),
    ],
)
def test_the_email_is_in_her_language_with_html_text_app_link_and_unsubscribe(
    row, tokyo, language, subject, words, link_text
):
    tokyo.language = language
    tokyo.save()
    services.summary_send(summary_id=row.pk)
    (message,) = mail.outbox
    assert message.subject == subject
    html = message.alternatives[0][0]
    assert f'lang="{language}"' in html
    for word in words:
        assert word in message.body and word in html
    assert link_text in html
    assert "http://testserver/summaries/2026-11" in message.body
    assert 'href="http://testserver/summaries/2026-11"' in html
    assert "<img" not in html
    assert re.search(r'<td width="\d+%" style="background: #c2410c;', html)  # a bar
    unsubscribe = re.search(r"http://testserver/email/unsubscribe/[^/\s]+/", message.body)[0]
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f'href="{unsubscribe}"' in html


def test_a_quiet_month_gets_a_kind_word_instead_of_a_wall_of_zeros(los_angeles, time_machine):
    time_machine.move_to(AFTER_NOVEMBER, tick=False)
    row = summary_row(los_angeles)
    assert services.summary_send(summary_id=row.pk) == "sent"
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert "November 2026 was a quiet month in Ippo" in message.body
    assert "Tasks logged" not in message.body and "Tasks logged" not in html
    assert "Your next step" in message.body and "Your next step" in html
