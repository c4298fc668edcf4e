"""A push that is not what the protocol says gets a clear 400 or 413, never a 500."""

import json

import pytest

from server.journal.models import EfficiencyLog
from server.sync.models import Device
from tests.sync.conftest import PHONE, log, new_id, op


def _post(client, body, content_type="application/json"):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post("/api/sync/push", data=data, content_type=content_type)


BAD = [
    ("not json", "{ops: [", "detail"),
    ("a list", [], "non_field_errors"),
    ("no device_id", {"ops": []}, "device_id"),
    ("a device_id that is no uuid", {"device_id": "phone-1", "ops": []}, "device_id"),
    ("ops not a list", {"device_id": PHONE, "ops": {"op_seq": 1}}, "ops"),
    ("no ops", {"device_id": PHONE}, "ops"),
]


@pytest.mark.parametrize(("case", "body", "key"), BAD, ids=[c for c, _, _ in BAD])
def test_a_malformed_envelope_is_a_400_naming_the_problem(owner_api, case, body, key):
    r = _post(owner_api, body)
    assert r.status_code == 400
    assert key in r.json()
    assert not Device.objects.exists()


BAD_OPS = [
    (
        "missing op_seq",
        {"action": "upsert", "type": "goal", "id": new_id(), "fields": {}},
        "op_seq",
    ),
    ("op_seq zero", {**log(1), "op_seq": 0}, "op_seq"),
    ("op_seq as text", {**log(1), "op_seq": "1"}, "op_seq"),
    ("unknown type", {**log(1), "type": "diary"}, "type"),
    ("id not a uuid", {**log(1), "id": "123"}, "id"),
    ("unknown action", {**log(1), "action": "patch"}, "action"),
    ("negative base_version", {**log(1), "base_version": -1}, "base_version"),
    ("upsert without fields", {k: v for k, v in log(1).items() if k != "fields"}, "fields"),
    ("fields not an object", {**log(1), "fields": ["task"]}, "fields"),
]


@pytest.mark.parametrize(("case", "bad", "field"), BAD_OPS, ids=[c for c, _, _ in BAD_OPS])
def test_a_malformed_op_refuses_the_whole_push_and_names_it(owner_api, case, bad, field):
    r = _post(owner_api, {"device_id": PHONE, "ops": [log(1), bad]})
    assert r.status_code == 400
    assert field in r.json()["ops"]["1"]
    assert "0" not in r.json()["ops"]
    assert not EfficiencyLog.objects.exists()


def test_an_op_that_is_not_an_object_is_named(owner_api):
    r = _post(owner_api, {"device_id": PHONE, "ops": [log(1), "op"]})
    assert r.status_code == 400
    assert "1" in r.json()["ops"]


def test_more_than_200_ops_is_a_413(owner_api):
    r = _post(owner_api, {"device_id": PHONE, "ops": [log(n) for n in range(1, 202)]})
    assert r.status_code == 413
    assert "200" in r.json()["detail"]
    assert not EfficiencyLog.objects.exists()
    r = _post(owner_api, {"device_id": PHONE, "ops": [log(n) for n in range(1, 201)]})
    assert r.status_code == 200
    assert EfficiencyLog.objects.count() == 200


def test_a_body_over_512_kb_is_a_413(owner_api):
    big = [log(n, note="n" * 2000) for n in range(1, 200)]
    body = json.dumps({"device_id": PHONE, "ops": big, "pad": "x" * 200_000})
    assert len(body) > 512 * 1024
    r = _post(owner_api, body)
    assert r.status_code == 413
    assert "512" in r.json()["detail"]
    assert not EfficiencyLog.objects.exists()


def test_a_form_body_is_a_415(owner_api):
    r = _post(owner_api, "device_id=x", content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415


def test_an_empty_batch_is_fine(owner_api):
    r = _post(owner_api, {"device_id": PHONE, "ops": []})
    assert r.status_code == 200
    assert r.json() == {"last_op_seq": 0, "results": [], "cursor": 0}


def test_a_delete_may_leave_out_fields(phone):
    rid = new_id()
    phone.push([log(1, rid)])
    r = phone.push([op(2, "efficiency_log", rid, action="delete")])
    assert r.json()["results"][0]["status"] == "applied"
