"""A check's id, derived from its item and date: the shared vectors in content/ (the PWA's
vitest computes the same cases) against what a push accepts."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from server.journal.models import Check
from tests.sync.conftest import new_id, op

CASES = json.loads((Path(settings.CONTENT_DIR) / "check_id_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_a_check_is_applied_at_the_id_each_shared_case_names(phone, case):
    item, date, expected = case["input"]["item"], case["input"]["date"], case["expect"]["id"]
    r = phone.push(
        [
            op(1, "checklist_item", item, {"title": "上司に1on1を申し込む"}),
            op(2, "check", expected, {"item": item, "date": date, "done": True}),
            op(3, "check", new_id(), {"item": item, "date": date, "done": True}),
        ]
    )
    assert [x["status"] for x in r.json()["results"]] == ["applied", "applied", "rejected"]
    assert list(r.json()["results"][2]["errors"]) == ["id"]
    check = Check.objects.get()
    assert (str(check.id), str(check.date)) == (expected, date)
