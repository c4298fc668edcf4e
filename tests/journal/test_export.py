import csv
import io
import json
import uuid
import zipfile

import pytest

from server.accounts.models import User
from server.sync import registry
from server.sync.registry import all_types
from tests.conftest import ApiClient
from tests.journal.exchange import by_id, push, seed

# 23:30 UTC on the 24th is already the 25th in Tokyo: file names carry her own date.
NOW = "2026-11-24T23:30Z"


@pytest.fixture
def hanako(db, time_machine):
    time_machine.move_to(NOW, tick=False)
    return seed("hanako@example.jp")


@pytest.fixture
def client(hanako) -> ApiClient:
    c = ApiClient()
    c.force_login(hanako)
    return c


def unzip(content: bytes) -> dict[str, list[list[str]]]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    files = {}
    for name in archive.namelist():
        raw = archive.read(name)
        assert raw.startswith("\ufeff".encode()), f"{name} has no BOM"
        files[name] = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    return files


def test_export_needs_a_login(db):
    for url in ("/api/export", "/api/export.zip"):
        assert ApiClient().get(url).status_code == 401


def test_json_export_holds_every_live_record_as_a_pull_gives_it(hanako, client):
    gone = str(uuid.uuid4())
    push(hanako, [{"type": "contact", "id": gone, "fields": {"date": "2026-11-20", "name": "x"}}])
    push(hanako, [{"action": "delete", "type": "contact", "id": gone}])
    other = seed("other@example.jp")

    r = client.get("/api/export")

    assert r.status_code == 200
    assert r["Content-Disposition"] == 'attachment; filename="ippo-export-2026-11-25.json"'
    assert r["Content-Type"].startswith("application/json")
    doc = json.loads(r.content)
    assert (doc["format"], doc["version"]) == ("ippo-export", 1)
    assert doc["exported_at"].startswith("2026-11-24T23:30")
    assert doc["profile"] == {
        "email": "hanako@example.jp",
        "display_name": "さくら",
        "time_zone": "Asia/Tokyo",
        "language": "ja",
        "monthly_email": True,
    }
    assert [s["month"] for s in doc["summaries"]] == ["2026-10"]
    assert doc["summaries"][0]["figures"]["month"] == "2026-10"
    # Every type is there, each live record once, exactly as a full pull shows it.
    assert list(doc["records"]) == [rt.name for rt in all_types()]
    assert all(doc["records"][rt.name] for rt in all_types())
    pulled = {}
    c = 0
    while True:
        page = client.get(f"/api/sync/pull?cursor={c}&limit=1000").json()
        pulled.update({(x["type"], x["id"]): x for x in page["changes"] if not x["deleted"]})
        c = page["cursor"]
        if not page["has_more"]:
            break
    exported = {(name, x["id"]): x for name, xs in doc["records"].items() for x in xs}
    assert exported == pulled
    assert ("contact", gone) not in exported
    theirs = {
        rt.name: rt.model.objects.filter(user=other).values_list("id", flat=True)
        for rt in all_types()
    }
    assert not {str(i) for ids in theirs.values() for i in ids} & {i for _t, i in by_id(doc)}


def test_csv_export_has_one_file_per_type_with_headings_in_her_language(hanako, client):
    task = '=HYPERLINK("http://evil")'
    push(
        hanako,
        [
            {
                "type": "efficiency_log",
                "id": "6d3b1f40-0000-4000-8000-000000000001",
                "fields": {
                    "date": "2026-11-24",
                    "task": task,
                    "minutes_spent": 30,
                    "tags": ["集計", "生成AI"],
                    "outcome_value": 2.5,
                },
            }
        ],
    )

    r = client.get("/api/export.zip")

    assert r.status_code == 200
    assert r["Content-Type"] == "application/zip"
    assert r["Content-Disposition"] == 'attachment; filename="ippo-export-2026-11-25.zip"'
    files = unzip(r.content)
    assert set(files) == {"profile.csv", "summaries.csv"} | {f"{rt.name}.csv" for rt in all_types()}
    logs = files["efficiency_log.csv"]
    assert logs[0][:4] == ["ID", "日付", "仕事の内容", "かかった時間（分）"]  # noqa: RUF001
    row = next(r for r in logs if r[0] == "6d3b1f40-0000-4000-8000-000000000001")
    cols = dict(zip(logs[0], row, strict=True))
    assert cols["仕事の内容"] == "'" + task  # a spreadsheet shows it as text, never runs it
    assert json.loads(cols["タグ"]) == ["集計", "生成AI"]
    assert cols["成果の数"] == "2.5"
    assert cols["作成日時"].endswith("+09:00")
    assert files["profile.csv"] == [
        ["メールアドレス", "表示名", "タイムゾーン", "言語", "毎月のまとめメール"],
        ["hanako@example.jp", "さくら", "Asia/Tokyo", "ja", "true"],
    ]
    assert files["summaries.csv"][0] == ["月", "メールの状態", "送信日時", "集計（JSON）"]  # noqa: RUF001
    assert len(files["check.csv"]) - 1 == len(
        registry.get("check").model.objects.filter(user=hanako, deleted=False)
    )

    User.objects.filter(pk=hanako.pk).update(language="en", time_zone="Europe/London")
    files = unzip(client.get("/api/export.zip").content)
    assert files["efficiency_log.csv"][0][:4] == ["ID", "Date", "Task", "Minutes spent"]
    assert files["goal.csv"][0][-3:] == ["Version", "Created", "Updated"]
    assert files["career_mode.csv"][1][-1].endswith("+00:00")


def test_every_field_of_every_type_has_a_heading():
    for rt in all_types():
        for name in (*rt.fields, *rt.derived):
            assert rt.schema.model_fields[name].title, f"{rt.name}.{name} has no title"


def test_csv_export_leaves_out_other_people(hanako, client):
    other = seed("other@example.jp")
    files = unzip(client.get("/api/export.zip").content)
    text = "".join(",".join(row) for rows in files.values() for row in rows)
    assert "other@example.jp" not in text
    theirs = (
        registry.get("checklist_item").model.objects.filter(user=other).values_list("id", flat=True)
    )
    assert not any(str(i) in text for i in theirs)
