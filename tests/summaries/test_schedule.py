"""The hourly beat: each user's summary falls due at 07:00 on the 1st in her own zone."""

import datetime as dt

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from server.summaries import services, tasks
from server.summaries.models import MonthlySummary
from tests.factories import UserFactory
from tests.summaries.conftest import NOVEMBER, make_user, summary_row
from tests.summaries.journal import Journal

Status = MonthlySummary.Status


@pytest.fixture
def run_beat(django_capture_on_commit_callbacks, time_machine):
    """Run the beat's task at `when`, with the send tasks it queues after commit (eager)."""

    def run(when: str) -> dict:
        time_machine.move_to(when, tick=False)
        with django_capture_on_commit_callbacks(execute=True):
            return tasks.plan_monthly_summaries.delay().get()

    return run


def _november() -> dict[str, str]:
    rows = MonthlySummary.objects.filter(month=NOVEMBER).select_related("user")
    return {row.user.email: row.status for row in rows}


def test_the_beat_runs_hourly():
    entry = settings.CELERY_BEAT_SCHEDULE["monthly-summaries"]
    assert entry["task"] == tasks.plan_monthly_summaries.name
    assert entry["schedule"] == crontab(minute=5)


def test_each_summary_falls_due_at_7_on_the_1st_in_her_own_zone(tokyo, los_angeles, run_beat):
    # 06:59 on 1 December in Tokyo; still 30 November in Los Angeles.
    assert run_beat("2026-11-30T21:59Z")["created"] == 0
    assert _november() == {} and mail.outbox == []

    # 07:00 in Tokyo (22:00 UTC): her summary is made and mailed; 14:00 in Los Angeles.
    assert run_beat("2026-11-30T22:00Z") == {"created": 1, "queued": 1, "requeued": 0}
    assert _november() == {"hanako@example.jp": Status.SENT}
    assert [m.to for m in mail.outbox] == [["hanako@example.jp"]]

    # 06:59 PST on 1 December in Los Angeles: not yet.
    run_beat("2026-12-01T14:59Z")
    assert len(_november()) == 1

    # 07:00 PST (15:00 UTC): now hers, and Tokyo's is not made or mailed again.
    assert run_beat("2026-12-01T15:00Z")["created"] == 1
    assert _november() == {"hanako@example.jp": Status.SENT, "emily@example.com": Status.SENT}
    assert [m.to for m in mail.outbox] == [["hanako@example.jp"], ["emily@example.com"]]
    assert "November 2026" in mail.outbox[1].subject
    assert "2026年11月" in mail.outbox[0].subject


def test_running_the_beat_twice_makes_and_sends_each_summary_once(tokyo, los_angeles, run_beat):
    first = run_beat("2026-12-01T16:00Z")
    second = run_beat("2026-12-01T16:00Z")
    third = run_beat("2026-12-01T17:05Z")
    assert first["created"] == 2
    assert second["created"] == third["created"] == 0
    assert MonthlySummary.objects.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["emily@example.com", "hanako@example.jp"]
    assert set(MonthlySummary.objects.values_list("attempts", flat=True)) == {1}


def test_a_user_with_the_email_off_gets_her_summary_in_the_app_but_no_email(
    db, time_machine, run_beat
):
    quiet = make_user(time_machine, email="quiet@example.jp", monthly_email=False)
    run_beat("2026-12-01T00:00Z")
    row = MonthlySummary.objects.get(user=quiet)
    assert row.status == Status.SKIPPED and row.attempts == 0
    assert row.figures["month"] == "2026-11"
    assert mail.outbox == []


def test_no_summary_for_a_month_before_her_account_or_long_gone(db, time_machine, run_beat):
    make_user(time_machine, email="new@example.jp", since="2026-12-01T00:30Z")  # 09:30 JST
    make_user(time_machine, email="old@example.jp", since="2026-07-01T00:00Z")
    run_beat("2026-12-01T01:00Z")
    assert _november() == {"old@example.jp": Status.SENT}  # her account began in December
    # Deployed in mid-December, the beat does not send November's summary weeks late.
    make_user(time_machine, email="mid@example.jp", since="2026-10-01T00:00Z")
    run_beat("2026-12-15T00:00Z")
    assert "mid@example.jp" not in _november()
    assert MonthlySummary.objects.count() == 1


def test_rows_left_behind_by_a_lost_message_or_a_killed_worker_are_sent(
    tokyo, los_angeles, time_machine, run_beat
):
    time_machine.move_to("2026-12-01T16:00Z", tick=False)
    created = dt.datetime(2026, 12, 1, 16, tzinfo=dt.UTC)
    lost = summary_row(tokyo, updated_at=created)
    killed = summary_row(los_angeles, status=Status.SENDING, attempts=1, updated_at=created)
    # Twenty minutes on, both may still be on their way: left alone.
    assert run_beat("2026-12-01T16:20Z")["requeued"] == 0
    assert mail.outbox == []
    # After SUMMARY_STALE_MINUTES they are queued again and sent once.
    assert run_beat("2026-12-01T16:31Z")["requeued"] == 2
    lost.refresh_from_db()
    killed.refresh_from_db()
    assert (lost.status, lost.attempts) == (Status.SENT, 1)
    assert (killed.status, killed.attempts) == (Status.SENT, 2)
    assert len(mail.outbox) == 2
    assert run_beat("2026-12-01T18:00Z")["requeued"] == 0


def _beat_queries(time_machine, count: int) -> int:
    MonthlySummary.objects.all().delete()
    User = get_user_model()
    User.objects.all().delete()
    time_machine.move_to("2026-10-01T00:00Z", tick=False)
    zones = ["Asia/Tokyo", "America/Los_Angeles", "Europe/Berlin"]
    for n in range(count):
        user = UserFactory(time_zone=zones[n % 3])
        j = Journal(user)
        j.check(j.item(), "2026-11-01")
        j.log("2026-11-02", 30, 10, improvement="テンプレート化")
        j.learn("2026-11-03", 15)
    time_machine.move_to("2026-12-01T16:00Z", tick=False)  # due everywhere
    with CaptureQueriesContext(connection) as queries:
        assert services.summaries_tick()["created"] == count
    return len(queries)


def test_the_beat_makes_a_constant_number_of_queries_however_many_users(db, time_machine):
    assert _beat_queries(time_machine, 2) == _beat_queries(time_machine, 20)
