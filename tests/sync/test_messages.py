# ruff: noqa: RUF001  (the Japanese messages use full-width punctuation)
"""The messages a rejected field gets, in Japanese and English: exactly those the protocol
answered with before the record types became pydantic models (each row was recorded from
the old validation library), so no pydantic English and no changed wording reaches her."""

import pytest
from django.utils import translation

from server.guide import selfcheck
from server.sync import registry

Q = sorted(selfcheck.current().keys)[0]

# (type, field, value, Japanese, English)
CASES = [
    ("checklist_item", "title", None, "この項目は空にできません。", "This field may not be null."),
    ("checklist_item", "title", 5, "文字で入力してください。", "Enter text."),
    (
        "checklist_item",
        "title",
        "  ",
        "この項目は空欄にできません。",
        "This field may not be blank.",
    ),
    (
        "checklist_item",
        "title",
        " " + "あ" * 121 + " ",
        "120文字以内で入力してください（現在121文字）。",
        "Use at most 120 characters (it has 121).",
    ),
    (
        "checklist_item",
        "title",
        "a\x00b",
        "NUL文字は入力できません。",
        "Text cannot contain the NUL character.",
    ),
    (
        "checklist_item",
        "title",
        "a\ud800b",
        "対になっていないサロゲート文字は入力できません。",
        "Text cannot contain unpaired surrogate characters.",
    ),
    (
        "checklist_item",
        "starter_key",
        "k" * 61,
        "60文字以内で入力してください（現在61文字）。",
        "Use at most 60 characters (it has 61).",
    ),
    ("checklist_item", "position", 1.5, "整数を入力してください。", "Enter a whole number."),
    ("checklist_item", "position", -1, "0以上の値を入力してください。", "Enter 0 or more."),
    (
        "checklist_item",
        "position",
        100001,
        "100000以下の値を入力してください。",
        "Enter 100000 or less.",
    ),
    ("checklist_item", "archived", 1, "true か false で指定してください。", "Enter true or false."),
    (
        "goal",
        "status",
        "paused",
        "次のどれかを選んでください：open, done, dropped",
        "Choose one of: open, done, dropped.",
    ),
    (
        "goal",
        "due",
        "2026-02-30",
        "日付は YYYY-MM-DD の形で入力してください。",
        "Enter a date as YYYY-MM-DD.",
    ),
    ("efficiency_log", "outcome_value", "abc", "数値を入力してください。", "Enter a number."),
    (
        "efficiency_log",
        "outcome_value",
        -0.001,
        "0以上の値を入力してください。",
        "Enter 0 or more.",
    ),
    (
        "efficiency_log",
        "outcome_value",
        10**12,
        "1000000000000未満の数値を入力してください。",
        "Enter a number below 1000000000000.",
    ),
    ("efficiency_log", "tags", "tag", "文字列のリストで送ってください。", "Send a list of texts."),
    ("efficiency_log", "tags", [1], "文字列のリストで送ってください。", "Send a list of texts."),
    (
        "efficiency_log",
        "tags",
        [f"t{n}" for n in range(11)],
        "10件までにしてください。",
        "Use at most 10 items.",
    ),
    (
        "efficiency_log",
        "tags",
        ["t" * 31],
        "各項目は30文字までです。",
        "Each item has at most 30 characters.",
    ),
    ("learning_session", "goal", 5, "ID（UUID）を送ってください。", "Send an id (UUID)."),
    (
        "learning_session",
        "goal",
        "nope",
        "「nope」は正しいID（UUID）ではありません。",
        "“nope” is not a valid id (UUID).",
    ),
    ("meeting_brief", "goals", "x", "IDのリストで送ってください。", "Send a list of ids."),
    (
        "meeting_brief",
        "goals",
        [str(n) for n in range(21)],
        "20件までにしてください。",
        "Use at most 20 items.",
    ),
    ("self_check", "answers", [1], "オブジェクトの形で送ってください。", "Send an object."),
    (
        "self_check",
        "answers",
        {str(n): 1 for n in range(41)},
        "40件までにしてください。",
        "Use at most 40 entries.",
    ),
    ("self_check", "answers", {"": 1}, "キーは1〜40文字です。", "Keys have 1 to 40 characters."),
    (
        "self_check",
        "answers",
        {Q: True},
        "decisions_to_juniors: 0〜3の整数で答えてください。",
        "decisions_to_juniors: Answer with a whole number from 0 to 3.",
    ),
    (
        "employer",
        "criteria",
        {"remote": 3},
        "remote: {score, weight} の形で送ってください。",
        "remote: Send {score, weight}.",
    ),
    (
        "employer",
        "criteria",
        {"remote": {"score": 6}},
        "remote: score は0〜5の整数です。",
        "remote: score is a whole number from 0 to 5.",
    ),
    (
        "employer",
        "url",
        "example.jp",
        "https:// または http:// で始まるアドレスを入力してください。",
        "Enter an address starting with https:// or http://.",
    ),
    ("contact", "phone", "090", "不明な項目です。", "Unknown field."),
]


@pytest.mark.parametrize(("type_", "field", "value", "ja", "en"), CASES)
def test_a_rejected_field_reads_as_it_always_did(type_, field, value, ja, en):
    for language, message in (("ja", ja), ("en", en)):
        with translation.override(language):
            cleaned, errors = registry.get(type_).clean({field: value})
        assert (cleaned, errors) == ({}, {field: [message]}), language
