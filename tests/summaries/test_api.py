"""The PWA reads her stored summaries: the list and one month's figures; nobody else's."""

import datetime as dt

import pytest

from server.summaries.models import MonthlySummary
from tests.conftest import ApiClient
from tests.summaries.conftest import AFTER_NOVEMBER, summary_row
from tests.summaries.journal import Journal


@pytest.fixture
def summaries(tokyo, los_angeles, time_machine):
    Journal(tokyo).log("2026-10-05", 60, 30)
    Journal(tokyo).log("2026-11-05", 90, 45)
    Journal(tokyo).learn("2026-11-06", 40)
    time_machine.move_to(AFTER_NOVEMBER, tick=False)
    october = summary_row(tokyo, month=dt.date(2026, 10, 1), status="sent")
    november = summary_row(tokyo)
    summary_row(los_angeles)
    return october, november


@pytest.fixture
def hanako(tokyo) -> ApiClient:
    client = ApiClient()
    client.force_login(tokyo)
    return client


def test_the_list_shows_her_months_newest_first_with_headline_figures(
    summaries, hanako, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        r = hanako.send("get", "/api/summaries")
    assert r.status_code == 200
    assert r.json() == [
        {
            "month": "2026-11",
            "status": "pending",
            "sent_at": None,
            "headline": {
                "entries": 1,
                "minutes_saved": 45,
                "hours_saved": 0.8,
                "learning_minutes": 40,
                "contacts": 0,
                "completion_percent": 0,
            },
        },
        {
            "month": "2026-10",
            "status": "sent",
            "sent_at": None,
            "headline": {
                "entries": 1,
                "minutes_saved": 30,
                "hours_saved": 0.5,
                "learning_minutes": 0,
                "contacts": 0,
                "completion_percent": 0,
            },
        },
    ]


def test_one_month_gives_the_stored_figures_and_the_next_step_in_her_language(
    summaries, hanako, tokyo
):
    r = hanako.send("get", "/api/summaries/2026-11")
    assert r.status_code == 200
    body = r.json()
    stored = MonthlySummary.objects.get(user=tokyo, month="2026-11-01")
    assert body["figures"] == stored.figures
    assert body["figures"]["efficiency"]["minutes_saved"] == {"value": 45, "prev": 30, "avg3": 10}
    assert body["next_step"]["area"] == "checklist"
    assert body["next_step"]["chapter"] == "first-small-step"
    assert body["next_step"]["line"].startswith("いちばん大切なチェック項目")
    assert body["next_step"]["chapter_url"] == "http://testserver/guide/first-small-step/?lang=ja"

    tokyo.language = "en"
    tokyo.save()
    body = hanako.send("get", "/api/summaries/2026-11").json()
    assert body["next_step"]["line"].startswith("Choose the one checklist item")


def test_another_users_month_a_missing_month_and_a_bad_month_are_not_found(
    summaries, los_angeles, hanako
):
    assert hanako.send("get", "/api/summaries/2026-09").status_code == 404
    assert hanako.send("get", "/api/summaries/2026-13").status_code == 404
    assert hanako.send("get", "/api/summaries/november").status_code == 404
    emily = ApiClient()
    emily.force_login(los_angeles)
    assert emily.send("get", "/api/summaries/2026-10").status_code == 404  # 花子's
    assert [s["month"] for s in emily.send("get", "/api/summaries").json()] == ["2026-11"]


def test_the_summaries_need_a_login(api, db):
    assert api.send("get", "/api/summaries").status_code == 401
    assert api.send("get", "/api/summaries/2026-11").status_code == 401
