"""Staff see summaries read-only and can queue failed ones again."""

import pytest
from django.core import mail
from django.test import Client

from server.summaries.models import MonthlySummary
from tests.factories import UserFactory
from tests.summaries.conftest import AFTER_NOVEMBER, summary_row

Status = MonthlySummary.Status


@pytest.fixture
def staff(db) -> Client:
    client = Client()
    client.force_login(UserFactory(email="staff@example.jp", is_staff=True, is_superuser=True))
    return client


def test_staff_filter_by_status_and_resend_the_failed_ones(
    staff, tokyo, los_angeles, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(AFTER_NOVEMBER, tick=False)
    failed = summary_row(tokyo, status=Status.FAILED, attempts=5, last_error="451")
    sent = summary_row(los_angeles, status=Status.SENT, attempts=1)

    r = staff.get("/admin/summaries/monthlysummary/?status__exact=failed")
    assert r.status_code == 200
    assert "hanako@example.jp" in r.content.decode()
    assert "emily@example.com" not in r.content.decode()
    assert staff.get(f"/admin/summaries/monthlysummary/{failed.pk}/change/").status_code == 200
    assert staff.get("/admin/summaries/monthlysummary/add/").status_code == 403

    with django_capture_on_commit_callbacks(execute=True):
        r = staff.post(
            "/admin/summaries/monthlysummary/",
            {"action": "resend", "_selected_action": [failed.pk, sent.pk]},
            follow=True,
        )
    assert "1 failed summaries queued again." in r.content.decode()
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert (failed.status, failed.attempts) == (Status.SENT, 6)
    assert (sent.status, sent.attempts) == (Status.SENT, 1)
    assert [m.to for m in mail.outbox] == [["hanako@example.jp"]]
