from server.journal.models import EfficiencyLog
from server.sync.models import Device as DeviceRow
from server.sync.models import OpLog
from tests.sync.conftest import log, new_id, op


def statuses(response) -> list[tuple[int, str]]:
    return [(r["op_seq"], r["status"]) for r in response.json()["results"]]


def test_it_applies_a_batch_and_numbers_the_versions(phone, owner):
    a, b = new_id(), new_id()
    r = phone.push([log(1, a, minutes_saved=40, improvement="マクロで自動化"), log(2, b)])
    assert r.status_code == 200
    body = r.json()
    assert body["last_op_seq"] == 2
    assert body["results"] == [
        {"op_seq": 1, "status": "applied", "version": 1},
        {"op_seq": 2, "status": "applied", "version": 2},
    ]
    assert body["cursor"] == 2
    row = EfficiencyLog.objects.get(pk=a)
    assert (row.user, row.task, row.minutes_spent, row.minutes_saved, row.version) == (
        owner,
        "月次レポート",
        60,
        40,
        1,
    )
    assert row.improvement == "マクロで自動化" and row.deleted is False


def test_a_repeated_batch_is_acknowledged_but_not_applied_again(phone):
    ops = [log(1), log(2)]
    phone.push(ops)
    again = phone.push(ops)
    assert statuses(again) == [(1, "duplicate"), (2, "duplicate")]
    assert again.json()["last_op_seq"] == 2
    assert EfficiencyLog.objects.count() == 2
    assert EfficiencyLog.objects.order_by("-version").first().version == 2


def test_overlapping_batches_apply_only_the_new_ops(phone):
    ops = [log(n) for n in range(1, 9)]
    phone.push(ops[:5])
    r = phone.push(ops[2:8])
    assert statuses(r) == [
        (3, "duplicate"),
        (4, "duplicate"),
        (5, "duplicate"),
        (6, "applied"),
        (7, "applied"),
        (8, "applied"),
    ]
    assert EfficiencyLog.objects.count() == 8


def test_a_gap_stops_the_batch_and_nothing_after_it_applies(phone):
    phone.push([log(1)])
    r = phone.push([log(2), log(4), log(5)])
    assert statuses(r) == [(2, "applied")]
    assert r.json()["last_op_seq"] == 2
    assert EfficiencyLog.objects.count() == 2
    r = phone.push([log(3), log(4)])
    assert statuses(r) == [(3, "applied"), (4, "applied")]


def test_a_crash_after_commit_means_the_resent_batch_is_duplicate(phone):
    ops = [log(1), log(2)]
    first = phone.push(ops)  # the answer is lost on the way back to the phone
    assert first.status_code == 200
    resent = phone.push(ops)
    assert statuses(resent) == [(1, "duplicate"), (2, "duplicate")]
    assert EfficiencyLog.objects.count() == 2


def test_each_device_counts_its_own_op_seq(phone, tablet):
    phone.push([log(1), log(2)])
    r = tablet.push([log(1)])
    assert statuses(r) == [(1, "applied")]
    seqs = {str(d): seq for d, seq in DeviceRow.objects.values_list("device_id", "last_op_seq")}
    assert seqs == {phone.device_id: 2, tablet.device_id: 1}


def test_a_patch_keeps_the_fields_it_does_not_name(phone):
    rid = new_id()
    phone.push([log(1, rid, minutes_saved=30, note="朝のうちに")])
    r = phone.push([op(2, "efficiency_log", rid, {"minutes_spent": 45}, base=1)])
    assert statuses(r) == [(2, "applied")]
    row = EfficiencyLog.objects.get(pk=rid)
    assert (row.minutes_spent, row.minutes_saved, row.note, row.version) == (
        45,
        30,
        "朝のうちに",
        2,
    )


def test_two_devices_changing_different_fields_both_win(phone, tablet):
    rid = new_id()
    phone.push([log(1, rid)])
    a = phone.push([op(2, "efficiency_log", rid, {"task": "請求書の確認"}, base=1)])
    b = tablet.push([op(1, "efficiency_log", rid, {"minutes_saved": 20}, base=1)])
    assert statuses(a) == [(2, "applied")]
    assert statuses(b) == [(1, "applied")]
    row = EfficiencyLog.objects.get(pk=rid)
    assert (row.task, row.minutes_saved) == ("請求書の確認", 20)
    assert not OpLog.objects.exists()


def test_the_same_field_from_two_devices_goes_to_the_later_push_and_says_merged(phone, tablet):
    rid = new_id()
    phone.push([log(1, rid)])
    phone.push([op(2, "efficiency_log", rid, {"task": "請求書の確認", "note": "a"}, base=1)])
    r = tablet.push([op(1, "efficiency_log", rid, {"task": "議事録", "minutes_saved": 5}, base=1)])
    result = r.json()["results"][0]
    assert result["status"] == "merged"
    assert result["fields"] == ["task"]
    row = EfficiencyLog.objects.get(pk=rid)
    assert (row.task, row.note, row.minutes_saved) == ("議事録", "a", 5)
    logged = OpLog.objects.get()
    assert logged.status == "merged"
    assert logged.replaced == {"task": "請求書の確認"}  # the earlier value is kept


def test_a_device_that_saw_the_change_overwrites_without_a_merge(phone, tablet):
    rid = new_id()
    phone.push([log(1, rid)])
    phone.push([op(2, "efficiency_log", rid, {"task": "請求書の確認"}, base=1)])
    r = tablet.push([op(1, "efficiency_log", rid, {"task": "議事録"}, base=2)])
    assert statuses(r) == [(1, "applied")]


def test_delete_leaves_a_tombstone_and_a_later_upsert_restores(phone):
    rid = new_id()
    phone.push([log(1, rid, note="残す")])
    r = phone.push([op(2, "efficiency_log", rid, action="delete", base=1)])
    assert r.json()["results"] == [{"op_seq": 2, "status": "applied", "version": 2}]
    row = EfficiencyLog.objects.get(pk=rid)
    assert row.deleted is True and row.version == 2
    phone.push([op(3, "efficiency_log", rid, {"minutes_spent": 10}, base=2)])
    row.refresh_from_db()
    assert (row.deleted, row.minutes_spent, row.note, row.version) == (False, 10, "残す", 3)


def test_a_delete_of_a_record_the_server_never_had_is_acknowledged(phone):
    r = phone.push([op(1, "efficiency_log", new_id(), action="delete")])
    assert statuses(r) == [(1, "applied")]
    assert r.json()["last_op_seq"] == 1


def test_a_record_of_another_user_is_rejected_and_unchanged(phone, other_user):
    from tests.conftest import ApiClient
    from tests.sync.conftest import Device

    theirs = ApiClient()
    theirs.force_login(other_user)
    rid = new_id()
    Device(theirs, "9d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d").push([log(1, rid, task="秘密")])

    r = phone.push(
        [
            op(1, "efficiency_log", rid, {"task": "上書き"}),
            op(2, "efficiency_log", rid, action="delete"),
            log(3),
        ]
    )
    assert statuses(r) == [(1, "rejected"), (2, "rejected"), (3, "applied")]
    assert "秘密" not in r.content.decode()
    row = EfficiencyLog.objects.get(pk=rid)
    assert (row.user, row.task, row.deleted) == (other_user, "秘密", False)
    pulled = phone.pull().json()["changes"]
    assert rid not in [c["id"] for c in pulled]


def test_a_rejected_op_is_kept_advances_the_queue_and_the_rest_apply(phone, owner):
    r = phone.push([log(1, minutes_spent=2000, task=""), log(2)])
    assert statuses(r) == [(1, "rejected"), (2, "applied")]
    errors = r.json()["results"][0]["errors"]
    assert set(errors) == {"minutes_spent", "task"}
    assert r.json()["last_op_seq"] == 2
    kept = OpLog.objects.get()
    assert (kept.user, kept.op_seq, kept.status) == (owner, 1, "rejected")
    assert set(kept.errors) == {"minutes_spent", "task"}
    assert kept.fields["minutes_spent"] == 2000
    assert EfficiencyLog.objects.count() == 1


def test_push_needs_a_login_and_a_csrf_token(api, csrf_api, owner):
    from tests.sync.conftest import PHONE

    body = {"device_id": PHONE, "ops": [log(1)]}
    assert api.send("post", "/api/sync/push", body).status_code == 401
    csrf_api.force_login(owner)
    assert csrf_api.send("post", "/api/sync/push", body).status_code == 403
    assert not EfficiencyLog.objects.exists()
