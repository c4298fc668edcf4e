import pytest
from django.core.management import call_command

from server.journal.models import EfficiencyLog
from server.journal.records import check_id
from tests.sync.conftest import log, new_id, op


def test_pull_returns_changes_in_version_order_across_types(phone):
    item, goal, entry = new_id(), new_id(), new_id()
    phone.push(
        [
            op(1, "checklist_item", item, {"title": "1on1を申し込む"}),
            log(2, entry, minutes_saved=15, outcome_value=3, outcome_unit="件", tags=["AI"]),
            op(
                3,
                "goal",
                goal,
                {"title": "リーダーになる", "due": "2027-06-30", "category": "role"},
            ),
            op(
                4,
                "check",
                str(check_id(item, "2026-11-24")),
                {"item": item, "date": "2026-11-24", "done": True},
            ),
        ]
    )
    body = phone.pull().json()
    assert [(c["type"], c["version"]) for c in body["changes"]] == [
        ("checklist_item", 1),
        ("efficiency_log", 2),
        ("goal", 3),
        ("check", 4),
    ]
    assert body["cursor"] == 4 and body["has_more"] is False
    entry_change = body["changes"][1]
    assert entry_change["id"] == entry and entry_change["deleted"] is False
    assert entry_change["fields"] == {
        "date": "2026-11-24",
        "task": "月次レポート",
        "minutes_spent": 60,
        "minutes_saved": 15,
        "improvement": "",
        "outcome_value": 3.0,
        "outcome_unit": "件",
        "note": "",
        "tags": ["AI"],
    }
    assert body["changes"][3]["fields"]["item"] == item
    assert phone.pull(cursor=4).json() == {"changes": [], "cursor": 4, "has_more": False}


def test_pull_pages_with_has_more_and_includes_tombstones(phone):
    ids = [new_id() for _ in range(5)]
    phone.push([log(n + 1, rid) for n, rid in enumerate(ids)])
    phone.push([op(6, "efficiency_log", ids[0], action="delete", base=1)])
    first = phone.pull(cursor=0, limit=2).json()
    assert [c["version"] for c in first["changes"]] == [2, 3]  # version 1 was superseded
    assert first["has_more"] is True and first["cursor"] == 3
    rest, cursor = phone.pull_all(cursor=first["cursor"])
    assert [c["version"] for c in rest] == [4, 5, 6]
    assert rest[-1]["id"] == ids[0] and rest[-1]["deleted"] is True
    assert cursor == 6


def test_pull_shows_only_her_own_records(phone, other_user):
    from tests.conftest import ApiClient
    from tests.sync.conftest import Device

    theirs = ApiClient()
    theirs.force_login(other_user)
    Device(theirs, new_id()).push([log(1, task="ほかの人")])
    phone.push([log(1, task="わたし")])
    tasks = [c["fields"]["task"] for c in phone.pull().json()["changes"]]
    assert tasks == ["わたし"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("cursor=-1", "cursor"),
        ("cursor=abc", "cursor"),
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("limit=x", "limit"),
    ],
)
def test_pull_rejects_a_bad_cursor_or_limit(owner_api, query, field):
    r = owner_api.get(f"/api/sync/pull?{query}")
    assert r.status_code == 400
    assert field in r.json()


def test_pull_needs_a_login(api, db):
    assert api.get("/api/sync/pull").status_code == 401


def test_purged_tombstones_make_an_older_cursor_gone(phone, time_machine):
    time_machine.move_to("2026-09-01T00:00Z")
    keep, gone = new_id(), new_id()
    phone.push([log(1, keep), log(2, gone)])
    phone.push([op(3, "efficiency_log", gone, action="delete", base=2)])
    time_machine.move_to("2026-11-24T00:00Z")
    phone.push([log(4)])

    call_command("purge_tombstones", "--days", "30", verbosity=0)

    assert not EfficiencyLog.objects.filter(pk=gone).exists()
    assert EfficiencyLog.objects.filter(pk=keep).exists()
    r = phone.pull(cursor=2)
    assert r.status_code == 410
    assert r.json()["code"] == "cursor_expired"
    assert phone.pull(cursor=3).status_code == 200
    fresh = phone.pull(cursor=0).json()
    assert [c["version"] for c in fresh["changes"]] == [1, 4]


def test_recent_tombstones_survive_a_purge(phone):
    rid = new_id()
    phone.push([log(1, rid)])
    phone.push([op(2, "efficiency_log", rid, action="delete", base=1)])
    call_command("purge_tombstones", "--days", "30", verbosity=0)
    assert EfficiencyLog.objects.get(pk=rid).deleted is True
    assert phone.pull(cursor=1).status_code == 200


def _ops(count: int, start: int = 1) -> list[dict]:
    item = new_id()
    ops = [op(start, "checklist_item", item, {"title": "毎日の振り返り"})]
    for n in range(1, count):
        ops.append(
            log(start + n)
            if n % 2
            else op(
                start + n,
                "check",
                str(check_id(item, f"2026-10-{n:02d}")),
                {"item": item, "date": f"2026-10-{n:02d}", "done": True},
            )
        )
    return ops


def test_push_and_pull_queries_do_not_grow_with_the_number_of_ops(
    phone, django_assert_max_num_queries, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    phone.push([log(1)])  # device and counter rows exist from here on
    with CaptureQueriesContext(connection) as small:
        phone.push(_ops(3, start=2))
    with CaptureQueriesContext(connection) as large:
        phone.push(_ops(29, start=5))
    assert len(large) == len(small)

    with CaptureQueriesContext(connection) as small_pull:
        phone.pull(cursor=30)
    with CaptureQueriesContext(connection) as large_pull:
        phone.pull(cursor=0)
    assert len(large_pull) == len(small_pull)


def test_a_deleted_item_that_live_checks_point_at_is_kept(phone, time_machine):
    time_machine.move_to("2026-09-01T00:00Z")
    item = new_id()
    check = str(check_id(item, "2026-09-01"))
    phone.push(
        [
            op(1, "checklist_item", item, {"title": "朝の5分計画"}),
            op(2, "check", check, {"item": item, "date": "2026-09-01", "done": True}),
            op(3, "checklist_item", item, action="delete", base=1),
        ]
    )
    time_machine.move_to("2026-11-24T00:00Z")
    call_command("purge_tombstones", "--days", "30", verbosity=0)
    from server.journal.models import Check, ChecklistItem

    assert ChecklistItem.objects.filter(pk=item, deleted=True).exists()
    assert Check.objects.filter(pk=check, deleted=False).exists()
    assert phone.pull(cursor=1).status_code == 200


def test_a_brief_keeps_a_goal_whose_tombstone_was_purged(phone, time_machine):
    time_machine.move_to("2026-09-01T00:00Z")
    goal, brief = new_id(), new_id()
    phone.push(
        [
            op(1, "goal", goal, {"title": "リーダーになる", "due": "2027-03-31"}),
            op(
                2,
                "meeting_brief",
                brief,
                {"meeting_on": "2026-09-02", "satisfaction": 3, "goals": [goal]},
            ),
            op(3, "goal", goal, action="delete", base=1),
        ]
    )
    time_machine.move_to("2026-11-24T00:00Z")
    call_command("purge_tombstones", "--days", "30", verbosity=0)
    r = phone.push(
        [
            op(
                4,
                "meeting_brief",
                brief,
                {"after_notes": "次回までに案を出す", "goals": [goal]},
                base=2,
            )
        ]
    )
    assert r.json()["results"][0]["status"] == "applied"
    r = phone.push([op(5, "meeting_brief", brief, {"goals": [goal, new_id()]}, base=4)])
    assert list(r.json()["results"][0]["errors"]) == ["goals"]
