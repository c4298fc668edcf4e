import copy
import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from server.accounts.models import User
from server.journal import imports
from server.journal.records import check_id
from server.sync import registry
from server.sync.models import SyncCounter
from tests.conftest import ApiClient
from tests.factories import PASSWORD, UserFactory
from tests.journal.exchange import (
    as_file,
    by_id,
    counter,
    export_of,
    live_records,
    logged_in,
    post_json,
    seed,
)

# She reads Ippo in Japanese (the default): answers come in her language.
NOT_YOURS = "該当する記録が見つかりません。"


@pytest.fixture
def moved(db):
    """The export of an account that was then deleted, and her new, empty account."""
    old = seed("hanako@example.jp")
    doc = export_of(old)
    User.objects.filter(pk=old.pk).delete()
    return doc, UserFactory(email="hanako.new@example.jp")


def test_import_needs_a_login(db):
    assert post_json(ApiClient(), "{}").status_code == 401


def test_an_export_imported_into_a_new_account_gives_back_every_record(moved):
    doc, new = moved
    r = post_json(logged_in(new), as_file(doc))

    assert r.status_code == 200, r.json()
    report = r.json()
    assert report == {
        "created": len(by_id(doc)),
        "updated": 0,
        "skipped": 0,
        "rejected": [],
        "not_imported": ["profile", "summaries"],
        "ids": {},  # every id was free: each record keeps the id it had
    }
    assert by_id(export_of(new)) == by_id(doc)
    # Her phone pulls them like any other change.
    pulled = logged_in(new).get("/api/sync/pull?cursor=0&limit=1000").json()
    assert len(pulled["changes"]) == len(by_id(doc))


def test_importing_the_same_file_twice_changes_nothing(moved):
    doc, new = moved
    client = logged_in(new)
    post_json(client, as_file(doc))
    before, version = live_records(new), counter(new)

    again = post_json(client, as_file(doc)).json()

    assert again["skipped"] == len(by_id(doc))
    assert (again["created"], again["updated"], again["rejected"]) == (0, 0, [])
    assert live_records(new) == before
    assert counter(new) == version


def test_a_changed_record_is_updated_and_only_it_gets_a_new_version(moved):
    doc, new = moved
    client = logged_in(new)
    post_json(client, as_file(doc))
    before = live_records(new)
    edited = copy.deepcopy(doc)
    goal = edited["records"]["goal"][0]
    goal["fields"]["progress"] = 80
    goal["fields"]["next_step"] = "  上司に相談する  "

    report = post_json(client, as_file(edited)).json()

    assert (report["created"], report["updated"]) == (0, 1)
    assert report["skipped"] == len(by_id(doc)) - 1
    after = live_records(new)
    key = ("goal", goal["id"])
    assert after[key][1]["progress"] == 80 and after[key][1]["next_step"] == "上司に相談する"
    assert after[key][0] > before[key][0]
    assert {k: v for k, v in after.items() if k != key} == {
        k: v for k, v in before.items() if k != key
    }


def _file(records: dict) -> bytes:
    return json.dumps({"format": "ippo-export", "version": 1, "records": records}).encode()


def test_references_must_point_at_her_records_also_earlier_in_the_file(db):
    other = seed("other@example.jp")
    theirs = registry.get("checklist_item").model.objects.filter(user=other).first()
    me = UserFactory(email="hanako@example.jp")
    goal_id, item_id = str(uuid.uuid4()), str(uuid.uuid4())
    records = {
        # Listed before what it refers to: the import still orders goals first.
        "learning_session": [
            {
                "id": str(uuid.uuid4()),
                "fields": {"date": "2026-11-24", "topic": "簿記", "minutes": 30, "goal": goal_id},
            },
        ],
        "check": [
            {
                "id": str(check_id(theirs.pk, "2026-11-24")),
                "fields": {"item": str(theirs.pk), "date": "2026-11-24", "done": True},
            },
            {
                "id": str(check_id(item_id, "2026-11-24")),
                "fields": {"item": item_id, "date": "2026-11-24", "done": True},
            },
        ],
        "goal": [{"id": goal_id, "fields": {"title": "簿記2級", "due": "2027-03-31"}}],
        "checklist_item": [{"id": item_id, "fields": {"title": "朝の学習"}}],
        "meeting_brief": [
            {
                "id": str(uuid.uuid4()),
                "fields": {
                    "meeting_on": "2026-12-01",
                    "satisfaction": 3,
                    "goals": [goal_id, str(uuid.uuid4())],
                },
            },
        ],
    }

    report = post_json(logged_in(me), _file(records)).json()

    assert report["created"] == 4
    rejected = {(r["type"], r["id"]): r["errors"] for r in report["rejected"]}
    assert rejected == {
        ("check", records["check"][0]["id"]): {"item": [NOT_YOURS]},
        ("meeting_brief", records["meeting_brief"][0]["id"]): {"goals": [NOT_YOURS]},
    }
    assert registry.get("check").model.objects.filter(item=theirs).exclude(user=other).count() == 0


def test_a_record_with_bad_fields_is_rejected_and_the_rest_imported(db):
    me = UserFactory(email="hanako@example.jp")
    good, bad, gone = (str(uuid.uuid4()) for _ in range(3))
    records = {
        "efficiency_log": [
            {"id": good, "fields": {"date": "2026-11-24", "task": "議事録", "minutes_spent": 30}},
            {"id": bad, "fields": {"date": "24/11/2026", "task": "", "minutes_spent": 2000}},
            {
                "id": gone,
                "deleted": True,
                "fields": {"date": "2026-11-24", "task": "x", "minutes_spent": 1},
            },
        ]
    }

    report = post_json(logged_in(me), _file(records)).json()

    assert report["created"] == 1
    errors = {r["id"]: r["errors"] for r in report["rejected"]}
    assert set(errors[bad]) == {"date", "task", "minutes_spent"}
    assert errors[gone] == {"deleted": ["削除済みの記録は読み込みません。"]}
    assert set(live_records(me)) == {("efficiency_log", good)}


GOOD = {
    "id": "6d3b1f40-0000-4000-8000-000000000001",
    "fields": {"date": "2026-11-24", "task": "議事録", "minutes_spent": 30},
}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"\x89PNG not json", "file"),
        (b"[1, 2]", "file"),
        (json.dumps({"format": "other", "version": 1, "records": {}}).encode(), "format"),
        (json.dumps({"format": "ippo-export", "version": 2, "records": {}}).encode(), "version"),
        (json.dumps({"format": "ippo-export", "version": True, "records": {}}).encode(), "version"),
        (json.dumps({"format": "ippo-export", "version": 1, "records": []}).encode(), "records"),
        (_file({"efficiency_log": [GOOD], "diary": []}), "records"),
        (_file({"efficiency_log": [GOOD, {"id": "not-a-uuid", "fields": {}}]}), "records"),
        (_file({"efficiency_log": [GOOD, {"id": GOOD["id"], "fields": {}}]}), "records"),
        (_file({"efficiency_log": [GOOD, {"id": str(uuid.uuid4()), "fields": []}]}), "records"),
        (_file({"efficiency_log": {"a": GOOD}}), "records"),
        (_file({"goal": [{**GOOD, "type": "efficiency_log"}]}), "records"),
    ],
)
def test_a_malformed_file_is_refused_whole_and_changes_nothing(db, body, field):
    me = UserFactory(email="hanako@example.jp")
    r = post_json(logged_in(me), body)
    assert r.status_code == 400
    assert field in r.json()
    assert live_records(me) == {}
    assert not SyncCounter.objects.filter(user=me).exists()


def test_the_errors_name_the_bad_record(db):
    me = UserFactory(email="hanako@example.jp")
    r = post_json(logged_in(me), _file({"efficiency_log": [GOOD, {"id": "x", "fields": {}}]}))
    assert r.json() == {
        "records": {"efficiency_log": {"1": {"id": ["「x」は正しいID（UUID）ではありません。"]}}}  # noqa: RUF001
    }


def test_a_too_large_file_is_refused_with_413(db, monkeypatch):
    me = UserFactory(email="hanako@example.jp")
    client = logged_in(me)
    monkeypatch.setattr(imports, "MAX_RECORDS", 2)
    many = [{**GOOD, "id": str(uuid.uuid4())} for _ in range(3)]
    r = post_json(client, _file({"efficiency_log": many}))
    assert r.status_code == 413
    assert "記録2件" in r.json()["detail"]

    monkeypatch.setattr(imports, "MAX_BYTES", 1000)
    r = post_json(client, _file({"efficiency_log": [GOOD]}) + b" " * 2000)
    assert r.status_code == 413
    upload = SimpleUploadedFile("big.json", b" " * 1001, content_type="application/json")
    assert client.post("/api/import", {"file": upload}).status_code == 413
    assert live_records(me) == {}


def test_the_file_can_be_uploaded_as_a_form(db):
    me = UserFactory(email="hanako@example.jp")
    client = logged_in(me)
    upload = SimpleUploadedFile("ippo.json", _file({"efficiency_log": [GOOD]}))
    r = client.post("/api/import", {"file": upload})
    assert r.status_code == 200 and r.json()["created"] == 1
    assert client.post("/api/import", {"other": "x"}).json() == {
        "file": ["一歩から書き出したファイル（.json）を選んでください。"]  # noqa: RUF001
    }


def test_import_checks_csrf_like_every_write(db):
    me = UserFactory(email="hanako@example.jp")
    client = ApiClient(enforce_csrf_checks=True)
    client.force_login(me)
    assert post_json(client, _file({"efficiency_log": [GOOD]})).status_code == 403
    assert live_records(me) == {}
    client.get("/api/auth/session")  # the csrftoken cookie, as the PWA gets it
    token = client.cookies["csrftoken"].value
    body = _file({"efficiency_log": [GOOD]})
    r = client.post("/api/import", body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert r.status_code == 200 and r.json()["created"] == 1
    upload = SimpleUploadedFile("ippo.json", body)
    r = client.post("/api/import", {"file": upload}, HTTP_X_CSRFTOKEN=token)
    assert r.status_code == 200 and r.json()["skipped"] == 1


def test_round_trip_export_delete_sign_up_again_import_export(db):
    """Moving out and back in: the second export holds the same records as the first."""
    seed("hanako@example.jp", months=2)
    client = ApiClient()
    client.send("post", "/api/auth/login", {"email": "hanako@example.jp", "password": PASSWORD})
    first = json.loads(client.get("/api/export").content)

    assert client.send("delete", "/api/auth/account", {"password": PASSWORD}).status_code == 204
    assert client.get("/api/export").status_code == 401
    r = client.send(
        "post", "/api/auth/signup", {"email": "hanako@example.jp", "password": "mata-ippo-2027"}
    )
    assert r.status_code == 201
    report = post_json(client, as_file(first)).json()
    second = json.loads(client.get("/api/export").content)

    assert report["created"] == len(by_id(first)) > 200
    assert report["rejected"] == []
    assert by_id(second) == by_id(first)
    assert [list(map(lambda x: x["id"], v)) for v in second["records"].values()] == [
        list(map(lambda x: x["id"], v)) for v in first["records"].values()
    ]
    # The account is new: her profile is what she chose at sign-up, summaries start afresh.
    assert second["summaries"] == []


def test_a_deeply_nested_file_is_refused_not_crashed_on(db):
    me = UserFactory(email="hanako@example.jp")
    r = post_json(logged_in(me), b"[" * 100_000 + b"]" * 100_000)
    assert r.status_code == 400 and "file" in r.json()


def test_the_number_of_queries_does_not_grow_with_the_records(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def logs(n: int) -> bytes:
        return _file({"efficiency_log": [{**GOOD, "id": str(uuid.uuid4())} for _ in range(n)]})

    from server.journal.models import EfficiencyLog

    insert = f"INSERT INTO {connection.ops.quote_name(EfficiencyLog._meta.db_table)}"
    counts = []
    for n in (5, 400):
        client = logged_in(UserFactory())
        with CaptureQueriesContext(connection) as queries:
            assert post_json(client, logs(n)).json()["created"] == n
        inserts = sum(1 for q in queries if q["sql"].startswith(insert))
        counts.append((len(queries) - inserts, inserts))
    # The records go in with bulk_create: one statement a push on PostgreSQL, and on SQLite
    # one for each batch of rows its parameter limit lets through; never one per record.
    assert counts[0][0] == counts[1][0]
    assert counts[0][1] == 1
    assert counts[1][1] <= 400 // 10
