"""Self-check records through the sync push: the server scores them with content/selfcheck.yaml."""

import pytest

from server.guide import selfcheck
from server.journal.models import SelfCheck
from server.sync.models import OpLog
from tests.sync.conftest import Device, new_id, op

QUESTIONNAIRE = selfcheck.current()
KEYS = [q.key for q in QUESTIONNAIRE.questions]


@pytest.fixture
def phone(owner_api) -> Device:
    return Device(owner_api)


def fields(**changes) -> dict:
    base = {"date": "2026-11-24", "questionnaire": QUESTIONNAIRE.version, "answers": {}}
    return {**base, **changes}


def test_the_server_scores_a_self_check_with_the_questionnaire_and_ignores_the_clients(phone):
    rid = new_id()
    answers = {KEYS[0]: 3, KEYS[1]: 2, KEYS[-1]: 1}

    r = phone.push([op(1, "self_check", rid, fields(answers=answers, score=7))])

    assert r.json()["results"][0]["status"] == "applied"
    weights = {q.key: q.weight for q in QUESTIONNAIRE.questions}
    s = sum(weights[k] * a for k, a in answers.items())
    w = 3 * sum(weights.values())
    expected = (200 * s + w) // (2 * w)
    assert expected != 7
    record = SelfCheck.objects.get(pk=rid)
    assert (record.score, record.answers, record.questionnaire) == (
        expected,
        answers,
        QUESTIONNAIRE.version,
    )
    pulled = phone.pull().json()["changes"]
    assert [c["fields"]["score"] for c in pulled if c["id"] == rid] == [expected]


def test_answering_every_question_with_three_scores_100_and_a_patch_rescores(phone):
    rid = new_id()
    phone.push([op(1, "self_check", rid, fields(answers=dict.fromkeys(KEYS, 3)))])
    assert SelfCheck.objects.get(pk=rid).score == 100

    r = phone.push([op(2, "self_check", rid, {"answers": dict.fromkeys(KEYS, 0)}, base=1)])

    assert r.json()["results"][0]["status"] == "applied"
    assert SelfCheck.objects.get(pk=rid).score == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"questionnaire": "v1"}, "questionnaire"),
        ({"answers": {"q1": 2}}, "answers"),
    ],
)
def test_an_old_questionnaire_or_an_unknown_question_is_rejected_by_name(phone, changes, field):
    rid = new_id()

    r = phone.push([op(1, "self_check", rid, fields(answers={KEYS[0]: 1}) | changes)])

    result = r.json()["results"][0]
    assert result["status"] == "rejected"
    assert list(result["errors"]) == [field]
    assert not SelfCheck.objects.filter(pk=rid).exists()
    assert OpLog.objects.get(record_id=rid).status == OpLog.Status.REJECTED


def test_both_problems_at_once_name_both_fields(phone):
    r = phone.push(
        [op(1, "self_check", new_id(), fields(questionnaire="v1", answers={"q1": 1, "q2": 2}))]
    )

    result = r.json()["results"][0]
    assert set(result["errors"]) == {"questionnaire", "answers"}
    assert "q1, q2" in result["errors"]["answers"][0]
    assert QUESTIONNAIRE.version in result["errors"]["questionnaire"][0]
