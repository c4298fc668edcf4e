"""Moving accounts while the old one still exists: its ids are taken, so the import renumbers."""

import copy
import uuid

import pytest

from server.journal.records import check_id
from server.sync import registry
from server.sync.models import OpLog
from server.sync.registry import all_types
from tests.factories import UserFactory
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


def moved_to(doc: dict, ids: dict[str, str]) -> dict[tuple[str, str], dict]:
    """What the file's records should be in the new account: each id, and every reference
    (found from the registry, whatever the type), swapped for the new account's id."""
    out = {}
    for (name, record_id), fields in by_id(doc).items():
        fields = dict(fields)
        for field, spec in registry.get(name).refs.items():
            value = fields.get(field)
            if spec.many:
                fields[field] = [ids[v] for v in value]
            elif value is not None:
                fields[field] = ids[value]
        out[(name, ids[record_id])] = fields
    return out


def reference_count(doc: dict) -> int:
    return sum(
        len(v) if isinstance(v, list) else 1
        for (name, _id), fields in by_id(doc).items()
        for field in registry.get(name).refs
        if (v := fields.get(field))
    )


@pytest.fixture
def hanako(db):
    """Her old account, still there, and its export."""
    old = seed("hanako@example.jp")
    return old, export_of(old)


def test_a_file_of_an_account_that_still_exists_lands_whole_in_the_new_one(hanako):
    old, doc = hanako
    old_before = live_records(old)
    new = UserFactory(email="hanako.new@example.jp")

    report = post_json(logged_in(new), as_file(doc)).json()

    records = by_id(doc)
    assert reference_count(doc) > 50  # checks, study sessions and briefs point at others
    assert (report["created"], report["updated"], report["skipped"]) == (len(records), 0, 0)
    assert report["rejected"] == []
    # Every id was taken, so each record has a new one, and no id of the old account is used.
    ids = report["ids"]
    assert set(ids) == {record_id for _name, record_id in records}
    assert not set(ids.values()) & set(ids)
    mine = export_of(new)
    assert by_id(mine) == moved_to(doc, ids)
    for check in mine["records"]["check"]:
        item = check["fields"]["item"]
        assert check["id"] == str(check_id(item, check["fields"]["date"]))
    # Every reference is to one of her own records.
    model = registry.get("check").model
    assert model.objects.filter(user=new).exclude(item__user=new).count() == 0
    goals = {
        str(pk)
        for pk in registry.get("goal").model.objects.filter(user=new).values_list("pk", flat=True)
    }
    for brief in mine["records"]["meeting_brief"]:
        assert set(brief["fields"]["goals"]) <= goals
    # The old account is exactly as it was, versions and all.
    assert live_records(old) == old_before
    assert export_of(old)["records"] == doc["records"]


def test_importing_the_file_again_into_the_new_account_changes_nothing(hanako):
    _old, doc = hanako
    new = UserFactory(email="hanako.new@example.jp")
    client = logged_in(new)
    first = post_json(client, as_file(doc)).json()
    before, version = live_records(new), counter(new)
    ops = OpLog.objects.filter(user=new).count()

    again = post_json(client, as_file(doc)).json()

    assert again["skipped"] == len(by_id(doc))
    assert (again["created"], again["updated"], again["rejected"]) == (0, 0, [])
    assert again["ids"] == first["ids"]  # renumbered the same way every time
    assert live_records(new) == before
    assert counter(new) == version
    assert OpLog.objects.filter(user=new).count() == ops


def test_an_edited_copy_changes_only_her_own_record_not_the_old_account(hanako):
    old, doc = hanako
    new = UserFactory(email="hanako.new@example.jp")
    client = logged_in(new)
    ids = post_json(client, as_file(doc)).json()["ids"]
    old_before = live_records(old)
    edited = copy.deepcopy(doc)
    goal = edited["records"]["goal"][0]
    goal["fields"]["title"] = "課長昇進"

    report = post_json(client, as_file(edited)).json()

    assert (report["created"], report["updated"]) == (0, 1)
    assert live_records(new)[("goal", ids[goal["id"]])][1]["title"] == "課長昇進"
    assert live_records(old) == old_before


def test_the_new_accounts_export_moves_on_into_a_third_account(hanako):
    old, doc = hanako
    second = UserFactory(email="hanako.second@example.jp")
    post_json(logged_in(second), as_file(doc))
    second_doc = export_of(second)
    third = UserFactory(email="hanako.third@example.jp")

    report = post_json(logged_in(third), as_file(second_doc)).json()

    assert report["created"] == len(by_id(second_doc)) == len(by_id(doc))
    assert report["rejected"] == []
    assert by_id(export_of(third)) == moved_to(second_doc, report["ids"])
    assert export_of(second)["records"] == second_doc["records"]
    assert export_of(old)["records"] == doc["records"]


def test_free_ids_and_her_own_keep_their_ids_next_to_renumbered_ones(hanako):
    _old, doc = hanako
    new = UserFactory(email="hanako.new@example.jp")
    client = logged_in(new)
    own = str(uuid.uuid4())
    post_json(
        client,
        as_file(
            {
                "format": "ippo-export",
                "version": 1,
                "records": {
                    "goal": [{"id": own, "fields": {"title": "簿記", "due": "2027-03-31"}}]
                },
            }
        ),
    )
    fresh = str(uuid.uuid4())
    mixed = copy.deepcopy(doc)
    mixed["records"]["goal"].append(
        {"id": own, "fields": {"title": "簿記2級", "due": "2027-03-31"}}
    )
    mixed["records"]["efficiency_log"].append(
        {"id": fresh, "fields": {"date": "2026-11-24", "task": "議事録", "minutes_spent": 30}}
    )

    report = post_json(client, as_file(mixed)).json()

    assert report["updated"] == 1 and report["rejected"] == []
    assert own not in report["ids"] and fresh not in report["ids"]
    stored = live_records(new)
    assert stored[("goal", own)][1]["title"] == "簿記2級"
    assert ("efficiency_log", fresh) in stored


def test_a_reference_to_the_old_accounts_record_outside_the_file_is_still_refused(hanako):
    old, doc = hanako
    new = UserFactory(email="hanako.new@example.jp")
    partial = copy.deepcopy(doc)
    # One checklist item is left out of the file, but its checks still name it.
    left_out = partial["records"]["checklist_item"].pop(0)["id"]
    orphans = {c["id"] for c in partial["records"]["check"] if c["fields"]["item"] == left_out}
    assert orphans

    report = post_json(logged_in(new), as_file(partial)).json()

    rejected = {(r["type"], r["id"]): r["errors"] for r in report["rejected"]}
    assert rejected == {("check", i): {"item": [NOT_YOURS]} for i in orphans}
    assert report["created"] == len(by_id(partial)) - len(orphans)
    assert not orphans & set(report["ids"])
    model = registry.get("check").model
    assert not model.objects.filter(user=new, item_id=left_out).exists()
    assert model.objects.filter(item_id=left_out).exclude(user=old).count() == 0
    # The rest landed, with every reference pointing at her own records.
    assert sum(len(v) for v in export_of(new)["records"].values()) == report["created"]
    for rt in all_types():
        for field, spec in rt.refs.items():
            if not spec.many:
                target = registry.get(spec.target).model
                theirs = rt.model.objects.filter(user=new).exclude(**{f"{field}__isnull": True})
                assert not theirs.exclude(
                    **{f"{spec.attr}__in": target.objects.filter(user=new)}
                ).exists()
