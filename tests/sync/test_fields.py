"""Every field's bounds: values just inside apply, values just outside are rejected by name."""

import uuid

import pytest

from server.guide import selfcheck
from server.journal.models import Check, SelfCheck
from server.journal.records import check_id
from tests.sync.conftest import new_id, op

ITEM = "6f1e2d3c-4b5a-4978-8877-665544332211"
GOAL = "1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d"
# The questionnaire in content/selfcheck.yaml: its version and two of its questions.
QUESTIONNAIRE = selfcheck.current()
Q1, Q2 = (q.key for q in QUESTIONNAIRE.questions[:2])

VALID = {
    "checklist_item": {"title": "上司に1on1を申し込む"},
    "efficiency_log": {"date": "2026-11-24", "task": "議事録", "minutes_spent": 30},
    "learning_session": {"date": "2026-11-24", "topic": "簿記2級", "minutes": 20},
    "contact": {"date": "2026-11-24", "name": "田中さん"},
    "goal": {"title": "プロジェクトを率いる", "due": "2027-05-31"},
    "self_check": {
        "date": "2026-11-24",
        "questionnaire": QUESTIONNAIRE.version,
        "answers": {Q1: 2},
    },
    "meeting_brief": {"meeting_on": "2026-11-27", "satisfaction": 3},
    "employer": {"name": "株式会社ひかり"},
    "career_mode": {"mode": "defence", "starts": "2026-04-01", "ends": "2028-03-31"},
}

# (type, field, accepted values, rejected values)
BOUNDS = [
    ("checklist_item", "title", ["x", "あ" * 120], ["", "  ", "あ" * 121, 5, None]),
    ("checklist_item", "position", [0, 100], [-1, "1", 1.5, True]),
    ("checklist_item", "archived", [True, False], ["yes", 1, None]),
    ("checklist_item", "starter_key", [None, "one_on_one"], [3, "k" * 61]),
    ("efficiency_log", "date", ["2026-02-28"], ["2026-02-30", "24/11/2026", "2026-11-24T10:00", 1]),
    ("efficiency_log", "task", ["a", "t" * 200], ["", "t" * 201]),
    ("efficiency_log", "minutes_spent", [0, 1440], [-1, 1441, "60", None]),
    ("efficiency_log", "minutes_saved", [0, 1440], [-1, 1441]),
    ("efficiency_log", "improvement", ["", "i" * 500], ["i" * 501]),
    ("efficiency_log", "outcome_value", [None, 0, 12.5, "3.25"], [-0.01, "abc", "NaN", True]),
    ("efficiency_log", "outcome_unit", ["件", "u" * 30], ["u" * 31]),
    ("efficiency_log", "note", ["n" * 2000], ["n" * 2001]),
    (
        "efficiency_log",
        "tags",
        [[], ["t" * 30] * 1, [f"t{n}" for n in range(10)]],
        [[f"t{n}" for n in range(11)], ["t" * 31], "tag", [1]],
    ),
    ("learning_session", "topic", ["x", "t" * 120], ["", "t" * 121]),
    ("learning_session", "minutes", [1, 1440], [0, 1441]),
    ("learning_session", "place", ["commute", "night", "audio", "other"], ["train", ""]),
    ("learning_session", "note", ["n" * 1000], ["n" * 1001]),
    ("contact", "name", ["x", "n" * 120], ["", "n" * 121]),
    (
        "contact",
        "kind",
        ["peer", "role_model", "study_group", "third_place", "mentor", "other"],
        ["friend"],
    ),
    ("contact", "organisation", ["o" * 120], ["o" * 121]),
    ("contact", "note", ["n" * 1000], ["n" * 1001]),
    ("contact", "follow_up_on", [None, "2026-12-01"], ["tomorrow"]),
    ("goal", "title", ["x", "g" * 200], ["", "g" * 201]),
    ("goal", "category", ["role", "skill", "certification", "work_style", "other"], ["money"]),
    ("goal", "due", ["2030-01-01"], [None, "soon"]),
    ("goal", "status", ["open", "done", "dropped"], ["paused"]),
    ("goal", "progress", [0, 100], [-1, 101]),
    ("goal", "company_benefit", ["b" * 1000], ["b" * 1001]),
    ("goal", "next_step", ["s" * 500], ["s" * 501]),
    (
        "self_check",
        "questionnaire",
        [QUESTIONNAIRE.version, f" {QUESTIONNAIRE.version} "],
        ["", "q" * 21, "v1", "q" * 20],
    ),
    (
        "self_check",
        "answers",
        [{}, {Q1: 0, Q2: 3}],
        [{Q1: 4}, {Q1: -1}, {Q1: "2"}, {Q1: True}, [1, 2], {"": 1}, {Q1: 1, "q1": 1}],
    ),
    ("meeting_brief", "satisfaction", [1, 5], [0, 6]),
    ("meeting_brief", "wanted_work", ["w" * 2000], ["w" * 2001]),
    ("meeting_brief", "time_plan", ["w" * 2000], ["w" * 2001]),
    ("meeting_brief", "company_benefit", ["w" * 2000], ["w" * 2001]),
    ("meeting_brief", "asks", ["w" * 2000], ["w" * 2001]),
    ("meeting_brief", "after_notes", ["w" * 2000], ["w" * 2001]),
    ("meeting_brief", "goals", [[], [GOAL]], ["x", ["not-a-uuid"], [str(uuid.uuid4())]]),
    ("employer", "name", ["x", "n" * 120], ["", "n" * 121]),
    ("employer", "url", ["", "https://example.jp/careers"], ["example.jp", "javascript:x"]),
    (
        "employer",
        "criteria",
        [{}, {"remote": {"score": 5, "weight": 0}}],
        [
            {"remote": {"score": 6, "weight": 1}},
            {"remote": {"score": 1, "weight": -1}},
            {"remote": 3},
            {"remote": {"score": 1, "extra": 1}},
        ],
    ),
    ("employer", "note", ["n" * 2000], ["n" * 2001]),
    ("career_mode", "mode", ["attack", "defence"], ["defense", ""]),
    ("career_mode", "purpose", ["p" * 500], ["p" * 501]),
    ("career_mode", "focus", ["f" * 500], ["f" * 501]),
    ("learning_session", "goal", [None, GOAL], [str(uuid.uuid4()), "nope"]),
]


@pytest.fixture
def seeded(phone):
    """A checklist item and a goal of the user, for references."""
    phone.push(
        [op(1, "checklist_item", ITEM, VALID["checklist_item"]), op(2, "goal", GOAL, VALID["goal"])]
    )
    phone.seq = 2
    return phone


def _push_one(device, type_, fields):
    device.seq += 1
    return device.push([op(device.seq, type_, new_id(), fields)]).json()["results"][0]


@pytest.mark.parametrize(
    ("type_", "field", "good", "bad"), BOUNDS, ids=[f"{t}.{f}" for t, f, _, _ in BOUNDS]
)
def test_each_field_accepts_its_range_and_rejects_what_lies_outside(
    seeded, type_, field, good, bad
):
    for value in good:
        result = _push_one(seeded, type_, {**VALID[type_], field: value})
        assert result["status"] == "applied", (value, result)
    for value in bad:
        result = _push_one(seeded, type_, {**VALID[type_], field: value})
        assert result["status"] == "rejected", value
        assert list(result["errors"]) == [field], (value, result)


@pytest.mark.parametrize("type_", list(VALID))
def test_a_new_record_needs_its_required_fields(seeded, type_):
    result = _push_one(seeded, type_, {})
    assert result["status"] == "rejected"
    required = {k for k in VALID[type_] if k != "answers"}
    assert set(result["errors"]) == required


def test_unknown_fields_are_rejected_by_name(seeded):
    result = _push_one(seeded, "contact", {**VALID["contact"], "phone": "090"})
    assert result == {"op_seq": 3, "status": "rejected", "errors": {"phone": ["不明な項目です。"]}}


def test_the_end_of_a_career_mode_cannot_precede_its_start(seeded):
    result = _push_one(
        seeded,
        "career_mode",
        {**VALID["career_mode"], "starts": "2027-01-01", "ends": "2026-12-31"},
    )
    assert result["status"] == "rejected" and list(result["errors"]) == ["ends"]
    same_day = {**VALID["career_mode"], "starts": "2027-01-01", "ends": "2027-01-01"}
    assert _push_one(seeded, "career_mode", same_day)["status"] == "applied"


def test_a_check_lives_at_the_id_derived_from_its_item_and_date(seeded):
    good = str(check_id(ITEM, "2026-11-24"))
    assert good == str(uuid.uuid5(uuid.NAMESPACE_URL, ITEM + "2026-11-24"))
    r = seeded.push(
        [
            op(3, "check", good, {"item": ITEM, "date": "2026-11-24", "done": True}),
            op(4, "check", new_id(), {"item": ITEM, "date": "2026-11-25"}),
            op(5, "check", good, {"date": "2026-11-26"}, base=3),
        ]
    )
    assert [x["status"] for x in r.json()["results"]] == ["applied", "rejected", "rejected"]
    assert list(r.json()["results"][1]["errors"]) == ["id"]
    check = Check.objects.get()
    assert (str(check.id), check.done, str(check.date)) == (good, True, "2026-11-24")


def test_a_check_of_an_item_that_is_not_hers_is_rejected(seeded, other_user):
    theirs = str(uuid.uuid4())
    from server.journal.models import ChecklistItem

    ChecklistItem.objects.create(
        id=theirs,
        user=other_user,
        title="x",
        version=1,
        created_at="2026-11-24T00:00Z",
        updated_at="2026-11-24T00:00Z",
    )
    result = _push_one(seeded, "check", {"item": theirs, "date": "2026-11-24"})
    assert result["status"] == "rejected" and list(result["errors"]) == ["item"]


def test_a_record_can_refer_to_one_created_earlier_in_the_same_push(phone):
    item = new_id()
    r = phone.push(
        [
            op(1, "checklist_item", item, {"title": "15分学習"}),
            op(
                2,
                "check",
                str(check_id(item, "2026-11-24")),
                {"item": item, "date": "2026-11-24", "done": True},
            ),
        ]
    )
    assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"]


def test_the_server_computes_the_self_check_score_and_ignores_the_clients(seeded):
    rid = new_id()
    seeded.push(
        [
            op(
                3,
                "self_check",
                rid,
                {**VALID["self_check"], "answers": {Q1: 3, Q2: 2}, "score": 99},
            )
        ]
    )
    # content/README.md: S = sum(weight * answer), W = 3 * sum(weight), (200*S + W) // (2*W).
    weights = {q.key: q.weight for q in QUESTIONNAIRE.questions}
    s, w = 3 * weights[Q1] + 2 * weights[Q2], 3 * sum(weights.values())
    expected = (200 * s + w) // (2 * w)
    assert 0 < expected < 99
    assert SelfCheck.objects.get(pk=rid).score == expected
    pulled = next(c for c in seeded.pull().json()["changes"] if c["id"] == rid)
    assert pulled["fields"]["score"] == expected
