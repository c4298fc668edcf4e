"""A real Celery worker process makes and mails a month's summaries: one email per user.

The beat's task and the send tasks go through the configured broker to a `celery worker`
subprocess that talks to a real SMTP server on loopback. On the default run the broker is the
kombu filesystem transport in this test's own directory (so another test run's worker never
takes these tasks) and the database is the SQLite test file; on the distributed run (make
test) they are Redis and PostgreSQL.
"""

import datetime as dt
import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.utils import timezone

from server.lib import months
from server.summaries.models import MonthlySummary
from tests.factories import UserFactory
from tests.helpers import ROOT, celery_worker, database_url
from tests.smtp import SmtpServer
from tests.summaries.journal import Journal

TIMEOUT = 60


def _wait(condition, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def env(transactional_db, smtp, tmp_path) -> dict[str, str]:
    """What the worker and the publishing processes share: database, broker, SMTP."""
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
        "CELERY_TASK_ALWAYS_EAGER": "False",
        # The filesystem broker's folders live under IPPO_VAR_DIR: this test's own.
        "IPPO_VAR_DIR": str(tmp_path / "var"),
        # The month just ended fell due up to a month ago; let the beat still make it.
        "SUMMARY_CATCH_UP_DAYS": "45",
    }


@pytest.fixture
def worker(env, tmp_path):
    with celery_worker(env, tmp_path / "worker.log") as process:
        process.log_path = tmp_path / "worker.log"
        yield process


def publish(env: dict[str, str], code: str) -> None:
    """Queue tasks from another process, as beat (or an operator) would."""
    script = f"import django; django.setup(); from server.summaries import tasks; {code}"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "server.settings"},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr


def _summary_emails(smtp) -> list:
    # Only summaries: on a shared broker a stray task of another run might send something else.
    return [m for m in smtp.messages if m["List-Unsubscribe"]]


@pytest.mark.worker
def test_a_real_worker_mails_each_user_her_summary_once(env, worker, smtp):
    a_year_ago = timezone.now() - dt.timedelta(days=365)
    users = [
        UserFactory(email="tokyo@example.jp", time_zone="Asia/Tokyo", created_at=a_year_ago),
        UserFactory(
            email="la@example.com",
            time_zone="America/Los_Angeles",
            language="en",
            created_at=a_year_ago,
        ),
        UserFactory(email="utc@example.com", time_zone="UTC", language="en", created_at=a_year_ago),
    ]
    now = timezone.now()
    grace = dt.timedelta(hours=settings.SUMMARY_SEND_HOUR)
    due = {u.email: months.last_ended(now, u.zone, grace=grace) for u in users}
    for user in users:
        Journal(user).log(due[user.email].isoformat(), 50, 20, improvement="定型文を用意")

    # Two beats at once (a second beat by mistake): one summary and one email per user.
    publish(env, "tasks.plan_monthly_summaries.delay(); tasks.plan_monthly_summaries.delay()")
    _wait(lambda: len(_summary_emails(smtp)) >= len(users), "an email for every user")
    _wait(
        lambda: MonthlySummary.objects.filter(status="sent").count() == len(users),
        "every summary marked sent",
    )
    rows = {r.user.email: r for r in MonthlySummary.objects.select_related("user")}
    assert {email: row.month for email, row in rows.items()} == due
    assert all(row.attempts == 1 for row in rows.values())

    # A duplicate send task, as a redelivered message would be: claimed by nobody.
    publish(env, f"tasks.send_monthly_summary.delay({rows['la@example.com'].pk})")
    _wait(
        lambda: worker.log_path.read_text().count("'not-claimed'") >= 1,
        "the duplicate task to finish",
    )
    emails = _summary_emails(smtp)
    assert sorted(m["To"] for m in emails) == sorted(u.email for u in users)
    english = next(m for m in emails if m["To"] == "la@example.com")
    assert english["Subject"].startswith("Ippo: your summary of")
    assert english["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    key = months.key(due["la@example.com"])
    assert f"/summaries/{key}" in english.get_body(preferencelist=("plain",)).get_content()
    assert worker.poll() is None
