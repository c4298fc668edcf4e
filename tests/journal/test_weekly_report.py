"""The weekly progress report: its figures (selectors) and GET /api/reports/weekly.

The shared vectors in content/report_cases.json run here and in the PWA's vitest suite, so the
figures the phone draws offline are the ones the server answers.
"""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import time_machine
from django.conf import settings

from server.journal import selectors, weeks
from tests.factories import UserFactory
from tests.summaries.journal import Journal

URL = "/api/reports/weekly"
VECTORS = json.loads((Path(settings.CONTENT_DIR) / "report_cases.json").read_text("utf-8"))
CASES = VECTORS["cases"]
# Records are first made together, long before any week the vectors look at; each is then
# written again (or deleted) at its `updated_at`, which is when the server last changed it.
MADE_AT = dt.datetime(2026, 10, 31, tzinfo=dt.UTC)
ORDER = {"checklist_item": 0, "goal": 0, "check": 2}


def _at(instant: str) -> dt.datetime:
    return dt.datetime.fromisoformat(instant.replace("Z", "+00:00"))


def load(user, name: str) -> None:
    """Write the named record set of the vectors for `user` through the sync push."""
    records = VECTORS["records"][name]
    journal = Journal(user)
    with time_machine.travel(MADE_AT, tick=False):
        for record in sorted(records, key=lambda r: ORDER.get(r["type"], 1)):
            journal.upsert(record["type"], record["fields"], record["id"])
    for record in sorted(records, key=lambda r: (r["updated_at"], ORDER.get(r["type"], 1))):
        with time_machine.travel(_at(record["updated_at"]), tick=False):
            if record["deleted"]:
                journal.delete(record["type"], record["id"])
            else:
                journal.upsert(record["type"], record["fields"], record["id"])


def report(user, key: str) -> dict:
    return selectors.weekly_report(user=user, week=weeks.parse(key))


def test_the_vectors_cover_the_cases_the_issue_names():
    names = " ".join(case["name"] for case in CASES)
    for words in ("Asia/Tokyo", "UTC", "deleted", "empty", "no records"):
        assert words in names


@pytest.mark.parametrize("case", CASES, ids=[c["name"][:60] for c in CASES])
def test_the_figures_match_the_shared_vectors(case, db):
    user = UserFactory(time_zone=case["time_zone"])
    load(user, case["records"])
    assert report(user, case["week"]) == case["expect"]


def test_a_goal_changed_at_monday_0030_in_tokyo_counts_in_the_next_week(owner):
    owner.time_zone = "Asia/Tokyo"
    owner.save()
    journal = Journal(owner)
    # 2026-11-23T15:30Z: Monday 00:30 in Tokyo (2026-W48), still Sunday in UTC (2026-W47).
    with time_machine.travel(dt.datetime(2026, 11, 22, 15, 30, tzinfo=dt.UTC), tick=False):
        journal.upsert("goal", {"title": "リーダーを任される", "due": "2027-03-31", "progress": 30})
    assert report(owner, "2026-W47")["goals_progressed"] == 0
    assert [g["title"] for g in report(owner, "2026-W48")["goals"]] == ["リーダーを任される"]

    owner.time_zone = "UTC"
    assert report(owner, "2026-W47")["goals_progressed"] == 1
    assert report(owner, "2026-W48")["goals_progressed"] == 0


def test_another_users_records_never_count(owner, other_user):
    load(other_user, "journal")
    mine = report(owner, "2026-W47")
    assert mine == next(c for c in CASES if c["records"] == "none")["expect"]
    assert report(other_user, "2026-W47")["tasks_logged"] == 9


def test_deleting_a_log_takes_it_out_of_the_week(owner):
    journal = Journal(owner)
    keep = journal.log("2026-11-18", 60, 20, improvement="マクロで自動化")
    gone = journal.log("2026-11-19", 90, 45, improvement="AIで下書き")
    assert report(owner, "2026-W47")["minutes_saved"] == 65
    journal.delete("efficiency_log", gone)
    figures = report(owner, "2026-W47")
    assert (figures["tasks_logged"], figures["minutes_spent"], figures["minutes_saved"]) == (
        1,
        60,
        20,
    )
    assert [i["improvement"] for i in figures["top_improvements"]] == ["マクロで自動化"]
    assert keep


@pytest.mark.parametrize("records", ["none", "journal"])
def test_the_figures_take_the_same_number_of_queries_however_much_she_logged(
    records, owner, django_assert_num_queries
):
    load(owner, records)
    with django_assert_num_queries(8):
        report(owner, "2026-W47")


def test_the_completion_rate_rounds_half_up_to_four_places():
    assert selectors.completion_rate(0, 0) == 0
    assert selectors.completion_rate(5, 0) == 0
    assert selectors.completion_rate(7, 1) == 1
    assert selectors.completion_rate(1, 3) == 0.0476  # 1/21 = 0.047619…
    assert selectors.completion_rate(2, 1) == 0.2857  # 2/7 = 0.285714…


@pytest.mark.parametrize(
    ("key", "monday"),
    [("2026-W47", "2026-11-16"), ("2026-W01", "2025-12-29"), ("2026-W53", "2026-12-28")],
)
def test_a_week_key_names_its_monday(key, monday):
    week = weeks.parse(key)
    assert week.start.isoformat() == monday
    assert week.key == key
    assert week.end - week.start == dt.timedelta(days=6)


# The API


def test_the_api_answers_the_weeks_figures_as_the_schema_describes_them(owner, owner_api):
    load(owner, "journal")
    case = CASES[0]
    response = owner_api.get(f"{URL}?week={case['week']}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body == case["expect"]

    schema = owner_api.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"][URL]["get"]
    assert [p["name"] for p in operation["parameters"]] == ["week"]
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    jsonschema.validate(body, {**answer, "components": schema["components"]})
    described = schema["components"]["schemas"][answer["$ref"].rsplit("/", 1)[-1]]
    assert set(described["required"]) == set(body)


@pytest.mark.parametrize(
    ("zone", "now", "expected"),
    [
        # Monday 00:30 in Tokyo: last week has just ended there...
        ("Asia/Tokyo", dt.datetime(2026, 11, 22, 15, 30, tzinfo=dt.UTC), "2026-W47"),
        # ...while in UTC it is still Sunday of that week, so the last full week is W46.
        ("UTC", dt.datetime(2026, 11, 22, 15, 30, tzinfo=dt.UTC), "2026-W46"),
        ("Asia/Tokyo", dt.datetime(2027, 1, 4, 0, 0, tzinfo=dt.UTC), "2026-W53"),
    ],
)
def test_without_a_week_it_answers_her_last_full_week(zone, now, expected, owner, owner_api):
    owner.time_zone = zone
    owner.save()
    with time_machine.travel(now, tick=False):
        response = owner_api.get(URL)
    assert response.status_code == 200
    assert response.json()["week"] == expected


@pytest.mark.parametrize(
    "bad",
    [
        "2026-W54",
        "2026-W00",
        "2027-W53",
        "2026W47",
        "2026-w47",
        "47",
        "1999-W10",
        "3000-W01",
        "x" * 300,
    ],
)
def test_a_week_that_does_not_exist_is_a_field_error(bad, owner_api):
    response = owner_api.get(URL, {"week": bad})
    assert response.status_code == 400
    assert list(response.json()) == ["week"]
    assert "ISO週" in response.json()["week"][0]  # in her language (ja)


def test_it_needs_a_signed_in_user(api, db):
    response = api.get(f"{URL}?week=2026-W47")
    assert response.status_code == 401


@pytest.mark.parametrize("case", CASES, ids=[c["name"][:60] for c in CASES])
def test_one_ranking_of_improvements_for_the_report_and_the_monthly_summary(case):
    # selectors.top_improvements ranks for the weekly report and for the monthly summary
    # (summaries/selectors/activity.py); the shared vectors hold ties, ranked the same way
    # by report.ts on the phone.
    expected = case["expect"]["top_improvements"]
    assert selectors.top_improvements(reversed(expected)) == expected
    assert selectors.top_improvements(sorted(expected, key=lambda i: i["task"])) == expected
