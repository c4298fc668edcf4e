"""November's figures against numbers worked out by hand from the records below."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from server.summaries.selectors import figures
from tests.factories import UserFactory
from tests.summaries.conftest import AFTER_NOVEMBER, NOVEMBER, make_user
from tests.summaries.journal import Journal


def _at(time_machine, when: str) -> None:
    time_machine.move_to(when, tick=False)


@pytest.fixture
def hanako_november(tokyo, time_machine):
    """A month of records for 花子 (Asia/Tokyo, account from July), with deleted ones."""
    j = Journal(tokyo)
    # Efficiency: three logs in November, one deleted, one on each side of it.
    j.log("2026-11-03", 60, 30, improvement="マクロ化", outcome_value="10", outcome_unit="件")
    j.log("2026-11-10", 45, 45, improvement="マクロ化", outcome_value="12", outcome_unit="件")
    j.log(
        "2026-11-30",
        30,
        15,
        task="議事録",
        improvement="AI要約",
        outcome_value="2",
        outcome_unit="本",
    )
    j.delete("efficiency_log", j.log("2026-11-15", 500, 500, improvement="消した記録"))
    j.log("2026-12-01", 999, 999)
    j.log("2026-10-31", 20)
    j.log("2026-09-10", 40, 10)
    # Learning
    j.learn("2026-11-05", 30, "commute")
    j.learn("2026-11-06", 45, "night")
    j.delete("learning_session", j.learn("2026-11-07", 20, "audio"))
    j.learn("2026-10-02", 60)
    # Contacts and their follow-ups
    j.contact("2026-11-12", follow_up_on="2026-12-05")
    j.contact("2026-11-20", follow_up_on="2026-11-25")
    j.contact("2026-10-01", follow_up_on="2026-11-03")
    j.delete("contact", j.contact("2026-11-21", follow_up_on="2026-12-10"))
    # Checklist: A and B since July, D archived, E deleted; C is added on 21 November.
    a, b, d, e = j.item("A"), j.item("B"), j.item("D"), j.item("E")
    j.check(a, *[f"2026-11-{n:02}" for n in range(1, 11)])
    j.check(a, "2026-10-30", "2026-10-31")
    j.check(b, "2026-11-05", "2026-11-06")
    j.check(b, "2026-11-07", done=False)
    j.check(d, "2026-11-02")
    j.upsert("checklist_item", {"archived": True}, d)
    j.check(e, "2026-11-15")
    j.delete("checklist_item", e)
    (deleted_check,) = j.check(a, "2026-11-20")
    j.delete("check", deleted_check)
    _at(time_machine, "2026-11-21T01:00Z")
    c = j.item("C")
    j.check(c, *[f"2026-11-{n:02}" for n in range(21, 31)])
    # Self-checks: 22 in October, 11 in November; a deleted one and a later one don't count.
    _at(time_machine, "2026-07-01T00:00Z")
    j.self_check("2026-10-01", {"meetings": 3, "dont_push": 3})
    j.self_check("2026-11-10", {"meetings": 3})
    j.delete("self_check", j.self_check("2026-11-20", {"meetings": 3, "light_work": 3}))
    j.self_check("2026-12-02", {"meetings": 0})
    # Goals: done ones count in the month of their last change, in her zone.
    j.goal("2026-11-15")  # open, overdue
    j.goal("2026-12-20")  # open, due next month
    j.goal("2027-03-01")  # open
    j.delete("goal", j.goal("2026-11-01"))
    late, early, september = j.goal("2026-12-31"), j.goal("2026-12-31"), j.goal("2026-10-01")
    _at(time_machine, "2026-09-10T03:00Z")
    j.upsert("goal", {"status": "done"}, september)
    _at(time_machine, "2026-10-31T16:00Z")  # 1 November 01:00 in Tokyo
    j.upsert("goal", {"status": "done"}, early)
    _at(time_machine, "2026-11-20T16:00Z")
    j.upsert("goal", {"status": "done"}, late)
    # Career mode: attack until March; a deleted defence period is ignored.
    j.career_mode("attack", "2026-10-01", "2027-03-31", purpose="半年でリーダーに")
    j.delete("career_mode", j.career_mode("defence", "2026-11-01", "2026-12-31"))
    _at(time_machine, AFTER_NOVEMBER)
    return tokyo


def test_november_figures_match_the_hand_count_and_deleted_records_never_count(
    hanako_november, time_machine
):
    result = figures.compute(users=[hanako_november], month=NOVEMBER)[hanako_november.pk]

    assert result["month"] == "2026-11"
    assert result["period"] == {"start": "2026-11-01", "end": "2026-11-30", "days": 30}
    assert result["time_zone"] == "Asia/Tokyo"
    assert result["computed_on"] == "2026-12-01"
    eff = result["efficiency"]
    assert eff["entries"] == {"value": 3, "prev": 1, "avg3": 0.7}
    assert eff["minutes_spent"] == {"value": 135, "prev": 20, "avg3": 20}
    assert eff["minutes_saved"] == {"value": 90, "prev": 0, "avg3": 3.3}
    assert eff["hours_saved"] == {"value": 1.5, "prev": 0, "avg3": 0.1}
    assert eff["outcomes"] == [
        {"unit": "件", "entries": 2, "value": 22, "prev": 0, "avg3": 0},
        {"unit": "本", "entries": 1, "value": 2, "prev": 0, "avg3": 0},
    ]
    assert eff["top_improvements"] == [
        {"task": "月次レポート", "improvement": "マクロ化", "minutes_saved": 75, "entries": 2},
        {"task": "議事録", "improvement": "AI要約", "minutes_saved": 15, "entries": 1},
    ]
    assert result["learning"] == {
        "minutes": {"value": 75, "prev": 60, "avg3": 20},
        "sessions": {"value": 2, "prev": 1, "avg3": 0.3},
        "minutes_by_place": {"commute": 30, "night": 45, "audio": 0, "other": 0},
    }
    assert result["network"] == {
        "contacts": {"value": 2, "prev": 1, "avg3": 0.3},
        # due in December (for November), in November (for October), none before
        "follow_ups_due": {"value": 1, "prev": 2, "avg3": 0.7},
    }
    # November: A, B and D (archived, ticked) for 30 days, C for 10 → 23 / 100.
    # October: A and B for 31 days → 2 / 62 = 3.2%; September and August 0%.
    assert result["checklist"] == {
        "active_items": 4,
        "checks_done": {"value": 23, "prev": 2, "avg3": 0.7},
        "completion_percent": {"value": 23, "prev": 3.2, "avg3": 1.1},
        "best_streak": {"value": 10, "prev": 2, "avg3": 0.7},
    }
    assert result["self_check"] == {
        "score": 11,
        "date": "2026-11-10",
        "taken_in_month": True,
        "previous_score": 22,
        "previous_date": "2026-10-01",
        "change": -11,
    }
    assert result["goals"] == {
        "done": {"value": 2, "prev": 0, "avg3": 0.3},
        "open": 3,
        "overdue": 1,
        "due_next_month": 1,
    }
    assert result["career_mode"] == {
        "mode": "attack",
        "starts": "2026-10-01",
        "ends": "2027-03-31",
        "purpose": "半年でリーダーに",
        "focus": "",
        "days_left": 121,
    }
    # learning 75/240 is the furthest from its target
    assert result["next_step"] == {
        "area": "learning",
        "chapter": "skills-and-certifications",
        "gentle": False,
    }


def test_months_before_her_account_are_not_compared(db, time_machine):
    newcomer = make_user(time_machine, since="2026-10-15T00:00Z")
    j = Journal(newcomer)
    j.log("2026-10-20", 30)
    j.log("2026-10-21", 30)
    j.log("2026-11-02", 30)
    _at(time_machine, AFTER_NOVEMBER)
    result = figures.compute(users=[newcomer], month=NOVEMBER)[newcomer.pk]
    assert result["efficiency"]["entries"] == {"value": 1, "prev": 2, "avg3": 2}

    brand_new = make_user(time_machine, since="2026-11-20T00:00Z")
    result = figures.compute(users=[brand_new], month=NOVEMBER)[brand_new.pk]
    assert result["efficiency"]["entries"] == {"value": 0, "prev": None, "avg3": None}
    assert result["self_check"] is None and result["career_mode"] is None
    assert result["checklist"]["active_items"] == 0
    assert result["next_step"]["area"] == "checklist"


def test_a_defence_period_makes_the_step_gentle_and_her_today_counts_the_days(
    los_angeles, time_machine
):
    j = Journal(los_angeles)
    j.career_mode("defence", "2026-09-01", "2026-12-01")
    # 00:00 UTC on 1 December is still 30 November in Los Angeles: two days left.
    _at(time_machine, AFTER_NOVEMBER)
    result = figures.compute(users=[los_angeles], month=NOVEMBER)[los_angeles.pk]
    assert result["career_mode"]["days_left"] == 2
    assert result["computed_on"] == "2026-11-30"
    assert result["next_step"] == {
        "area": "checklist",
        "chapter": "sustainable-career",
        "gentle": True,
    }


def _fill(user) -> None:
    j = Journal(user)
    item = j.item()
    j.check(item, "2026-11-01", "2026-11-02")
    j.log("2026-11-03", 60, 10, improvement="テンプレート化", outcome_value="3", outcome_unit="件")
    j.learn("2026-11-04", 20)
    j.contact("2026-11-05", follow_up_on="2026-12-01")
    j.self_check("2026-11-06", {"meetings": 1})
    j.goal("2026-12-01")
    j.career_mode("attack", "2026-11-01", "2027-01-31")


def _queries(users) -> int:
    with CaptureQueriesContext(connection) as queries:
        figures.compute(users=users, month=NOVEMBER, now=dt.datetime.fromisoformat(AFTER_NOVEMBER))
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_number_of_users(db, time_machine):
    _at(time_machine, "2026-10-01T00:00Z")
    zones = ["Asia/Tokyo", "America/Los_Angeles", "Europe/Berlin"]
    users = [UserFactory(time_zone=zones[n % 3]) for n in range(20)]
    for user in users:
        _fill(user)
    few, many = _queries(users[:2]), _queries(users)
    assert few == many, (few, many)
    assert many <= 15, many
