import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from server.accounts.models import User
from server.guide import selfcheck
from server.journal import demo
from server.journal.models import CareerMode, Check, EfficiencyLog, SelfCheck
from server.journal.records import check_id
from server.sync.models import Device, OpLog, SyncCounter
from server.sync.registry import all_types
from tests.conftest import ApiClient
from tests.sync.conftest import Device as Phone
from tests.sync.conftest import log

# 08:30 in Tokyo is still the 23rd in UTC: the demo's "today" must be the user's own.
NOW = "2026-11-24T08:30+09:00"
TODAY = dt.date(2026, 11, 24)
DATED = {
    "check": "date",
    "efficiency_log": "date",
    "learning_session": "date",
    "contact": "date",
    "self_check": "date",
}


@pytest.fixture
def frozen(db, time_machine):
    time_machine.move_to(NOW, tick=False)


def seed(*args: str) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def live_counts(user) -> dict[str, int]:
    return {
        rt.name: rt.model.objects.filter(user=user, deleted=False).count() for rt in all_types()
    }


def snapshot(user) -> dict[tuple[str, str], dict]:
    """Every live record's fields by (type, id): what the user would see."""
    return {
        (rt.name, str(row["id"])): rt.to_fields(row)
        for rt in all_types()
        for row in rt.model.objects.filter(user=user, deleted=False).values("id", *rt.attrs)
    }


def test_it_creates_the_demo_user_with_records_of_every_type(frozen):
    out = seed("--password", "sakura-demo-2026")

    user = User.objects.get(email="demo@ippo.localhost")
    assert "demo@ippo.localhost" in out and "sakura-demo-2026" in out
    assert user.check_password("sakura-demo-2026")
    assert (user.display_name, user.language, user.time_zone) == ("さくら", "ja", "Asia/Tokyo")

    counts = live_counts(user)
    assert all(counts[rt.name] >= 1 for rt in all_types()), counts
    assert 5 <= counts["checklist_item"] <= 7
    assert 2 <= counts["goal"] <= 4
    assert counts["self_check"] == 2
    assert 1 <= counts["meeting_brief"] <= 2
    assert 2 <= counts["employer"] <= 3
    assert counts["check"] > 100 and counts["efficiency_log"] > 20

    for name, attr in DATED.items():
        model = next(rt.model for rt in all_types() if rt.name == name)
        dates = model.objects.filter(user=user).values_list(attr, flat=True)
        assert dt.date(2026, 9, 24) <= min(dates) and max(dates) <= TODAY, name
    mode = CareerMode.objects.get(user=user)
    assert (mode.mode, mode.starts) == ("defence", dt.date(2026, 9, 24))
    assert mode.purpose == "2年間は定時で帰り、効率化スキルを磨く"
    assert EfficiencyLog.objects.filter(user=user, minutes_saved__gt=0).exclude(improvement="")

    assert all(c.id == check_id(c.item_id, c.date) for c in Check.objects.filter(user=user))
    # Both self-checks answer every question of the questionnaire in content/, scored by it.
    questionnaire = selfcheck.current()
    for record in SelfCheck.objects.filter(user=user):
        assert record.questionnaire == questionnaire.version
        assert set(record.answers) == questionnaire.keys
        assert record.score == questionnaire.score(record.answers)

    # Written as a phone would: one op, one version each, and every field stamped with it.
    total = sum(counts.values())
    assert not OpLog.objects.filter(status=OpLog.Status.REJECTED).exists()
    assert SyncCounter.objects.get(user=user).version == total
    assert Device.objects.get(user=user, device_id=demo.DEMO_DEVICE).last_op_seq == total
    versions = []
    for rt in all_types():
        for row in rt.model.objects.filter(user=user):
            assert row.field_versions and set(row.field_versions.values()) == {row.version}
            versions.append(row.version)
    assert sorted(versions) == list(range(1, total + 1))


def test_a_pull_returns_every_seeded_record(frozen):
    seed()
    user = User.objects.get(email="demo@ippo.localhost")
    client = ApiClient()
    client.force_login(user)

    changes, cursor = Phone(client).pull_all()

    assert len(changes) == sum(live_counts(user).values())
    assert {c["type"] for c in changes} == {rt.name for rt in all_types()}
    assert {(c["type"], c["id"]): c["fields"] for c in changes} == snapshot(user)
    assert cursor == SyncCounter.objects.get(user=user).version


def test_running_it_again_replaces_the_records_instead_of_adding_more(frozen):
    seed()
    user = User.objects.get(email="demo@ippo.localhost")
    client = ApiClient()
    client.force_login(user)
    phone = Phone(client)
    _changes, old_cursor = phone.pull_all()
    first_counts, first_records = live_counts(user), snapshot(user)

    out = seed()

    assert "Refreshed" in out
    assert User.objects.filter(email="demo@ippo.localhost").count() == 1
    assert live_counts(user) == first_counts
    assert snapshot(user) == first_records  # the same day gives the same demo
    assert not OpLog.objects.filter(user=user).exists()
    # The demo device carries on counting, and a device that held the old records reloads.
    total = sum(first_counts.values())
    assert Device.objects.get(user=user, device_id=demo.DEMO_DEVICE).last_op_seq == 2 * total
    client.force_login(User.objects.get(pk=user.pk))  # the new password ended the session
    assert phone.pull(old_cursor).status_code == 410
    changes, _cursor = phone.pull_all(0)
    assert len(changes) == total


def test_it_refreshes_the_given_user_and_leaves_other_users_alone(
    frozen, owner, owner_api, other_user
):
    Phone(owner_api).push([log(1, task="議事録作成")])
    other_user.display_name = "由紀"
    other_user.save()

    out = seed("--email", "Other@Example.jp", "--months", "1", "--password", "yuki-2026")

    assert "other@example.jp" in out
    other_user.refresh_from_db()
    assert other_user.display_name == "由紀" and other_user.check_password("yuki-2026")
    assert all(n >= 1 for n in live_counts(other_user).values())
    dates = EfficiencyLog.objects.filter(user=other_user).values_list("date", flat=True)
    assert min(dates) >= dt.date(2026, 10, 24)
    assert list(EfficiencyLog.objects.filter(user=owner).values_list("task", flat=True)) == [
        "議事録作成"
    ]
    assert not User.objects.filter(email="demo@ippo.localhost").exists()


def test_a_refused_op_fails_the_command_and_leaves_nothing_behind(frozen, monkeypatch):
    monkeypatch.setattr(demo, "EMPLOYERS", (("株式会社テスト", "ftp://x.example", (3,) * 5, ""),))

    with pytest.raises(CommandError) as error:
        seed()

    assert "employer" in str(error.value) and "url" in str(error.value)
    assert not User.objects.filter(email="demo@ippo.localhost").exists()
    assert not EfficiencyLog.objects.exists() and not OpLog.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--months", "0"], "--months"), (["--email", "sakura"], "not an email")],
)
def test_it_refuses_bad_options(db, args, message):
    with pytest.raises(CommandError, match=message):
        seed(*args)
    assert not User.objects.exists()
