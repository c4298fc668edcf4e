"""What the fuzzer found, each as one request a person could send (see README.md here).

Each test sends the request schemathesis found and validates the answer with the same checks
as the fuzz run, so it fails again if the schema or the view drifts back.
"""

import uuid

import pytest
from rest_framework.settings import api_settings

from server.journal.models import ChecklistItem
from server.lib.api import AutoSchema
from server.summaries.models import MonthlySummary
from tests.fuzz.conftest import MARKER, FuzzWorld, answer_checks, no_foreign_records


def _send(api_schema, fuzz_world: FuzzWorld, method: str, path: str, **parts):
    case = api_schema[path][method].Case(**parts)
    return case.call_and_validate(checks=answer_checks(fuzz_world), **fuzz_world.request_kwargs())


def _responses(api_schema, method: str, path: str) -> dict:
    return api_schema.raw_schema["paths"][path][method.lower()]["responses"]


def test_the_api_settings_name_the_schema_class_that_documents_errors():
    # Without it, /api/schema/ lists only each view's success answer (finding 1).
    assert issubclass(api_settings.DEFAULT_SCHEMA_CLASS, AutoSchema)


def test_every_operation_documents_the_errors_its_view_gives(api_schema):
    paths = api_schema.raw_schema["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            label = f"{method.upper()} {path}"
            if "security" not in operation or {} not in operation["security"]:
                assert "401" in codes, label  # needs a session
            if method in ("post", "put", "patch", "delete"):
                assert "403" in codes, label  # CSRF is checked for everyone
            if "requestBody" in operation:
                assert {"400", "415"} <= codes, label
            if "{" in path:
                assert "404" in codes, label
    login = _responses(api_schema, "POST", "/api/auth/login")
    assert "Retry-After" in login["429"]["headers"]


@pytest.mark.parametrize("month", ["0000-00", "0000-01", "2026-13"])
def test_a_summary_month_that_is_not_a_month_is_a_documented_404(api_schema, fuzz_world, month):
    # "0000-01" has a month's shape but no year 0 exists: it was a 500 (ValueError).
    response = _send(
        api_schema, fuzz_world, "GET", "/api/summaries/{month}", path_parameters={"month": month}
    )
    assert response.status_code == 404


def test_an_empty_number_in_the_earnings_calculator_is_a_documented_400(api_schema, fuzz_world):
    query = {"salary": 254, "raise_pct": "", "track_raise_pct": "", "years": 1, "track_years": 0}
    response = _send(api_schema, fuzz_world, "GET", "/api/tools/earnings-gap", query=query)
    assert response.status_code == 400
    assert set(response.json()) == {"raise_pct", "track_raise_pct"}


def test_a_pull_limit_over_the_maximum_is_a_documented_400(api_schema, fuzz_world):
    response = _send(api_schema, fuzz_world, "GET", "/api/sync/pull", query={"limit": 20000})
    assert response.status_code == 400
    assert "limit" in response.json()


def test_an_empty_push_is_a_documented_400_naming_both_fields(api_schema, fuzz_world):
    response = _send(
        api_schema, fuzz_world, "POST", "/api/sync/push", body={}, media_type="application/json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"device_id", "ops"}


def test_a_push_answer_is_checked_against_its_documented_shape(api_schema, fuzz_world):
    # Documented as a free-form object before, so no answer could fail the schema check.
    body = api_schema.raw_schema["components"]["schemas"]["PushAnswer"]
    assert set(body["required"]) == {"last_op_seq", "results", "cursor"}
    push = {"device_id": "6b0f7c9e-2d4a-4c1b-9e8f-3a5d7c1b2e4f", "ops": []}
    response = _send(
        api_schema, fuzz_world, "POST", "/api/sync/push", body=push, media_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["results"] == []


def _push(api_schema, fuzz_world, fields: dict | None, *, record_id=None, action="upsert"):
    op = {
        "op_seq": 1,
        "action": action,
        "type": "checklist_item",
        "id": str(record_id or uuid.uuid4()),
    }
    if fields is not None:
        op["fields"] = fields
    body = {"device_id": str(uuid.uuid4()), "ops": [op]}
    return _send(
        api_schema, fuzz_world, "POST", "/api/sync/push", body=body, media_type="application/json"
    )


@pytest.mark.parametrize(
    "title",
    [
        "a\ud800b",  # an unpaired surrogate: no encoding can store it (500 on every database)
        "a\x00b",  # NUL: PostgreSQL text cannot hold it (500 on PostgreSQL)
    ],
    ids=["surrogate", "nul"],
)
def test_text_that_cannot_be_stored_is_a_rejected_op_not_a_500(api_schema, fuzz_world, title):
    response = _push(api_schema, fuzz_world, {"title": title})
    assert response.status_code == 200
    (result,) = response.json()["results"]
    assert result["status"] == "rejected"
    assert "title" in result["errors"]


def test_a_rejected_op_with_nul_in_unknown_fields_is_logged_not_a_500(api_schema, fuzz_world):
    # The op log keeps a rejected op's raw fields in a JSON column; PostgreSQL's jsonb refuses
    # "\u0000" (500 on PostgreSQL).
    response = _push(api_schema, fuzz_world, {"title": 5, "x\x00": "\x00"})
    assert response.status_code == 200
    (result,) = response.json()["results"]
    assert result["status"] == "rejected"


@pytest.mark.parametrize("title", ["a\ud800b", "a\x00b"], ids=["surrogate", "nul"])
def test_an_import_with_text_that_cannot_be_stored_is_a_400_not_a_500(
    api_schema, fuzz_world, title
):
    export = _send(api_schema, fuzz_world, "GET", "/api/export").json()
    record = export["records"]["checklist_item"][0]
    record["fields"]["title"] = title
    response = _send(
        api_schema, fuzz_world, "POST", "/api/import", body=export, media_type="application/json"
    )
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.json()["rejected"]


@pytest.mark.parametrize("action", ["upsert", "delete"])
def test_an_op_on_the_second_users_record_is_rejected_and_reveals_nothing(
    api_schema, fuzz_world, action
):
    # The fuzzer cannot guess her ids; these requests name them (the checks include the
    # leak check, so her title or any other id of hers in the answer fails the test).
    item = ChecklistItem.objects.filter(user=fuzz_world.other).first()
    fields = {"title": "mine now"} if action == "upsert" else None
    response = _push(api_schema, fuzz_world, fields, record_id=item.pk, action=action)
    (result,) = response.json()["results"]
    assert result["status"] == "rejected"
    item.refresh_from_db()
    assert item.title != "mine now" and not item.deleted


def test_a_month_both_users_have_answers_with_her_own_summary(api_schema, fuzz_world):
    month = MonthlySummary.objects.get(user=fuzz_world.other).month_key
    response = _send(
        api_schema, fuzz_world, "GET", "/api/summaries/{month}", path_parameters={"month": month}
    )
    assert response.status_code == 200
    assert "fuzz_marker" not in response.json()["figures"]


def test_account_deletion_documents_the_password_it_needs(api_schema, fuzz_world):
    # drf-spectacular leaves DELETE bodies out; a client told nothing cannot send it.
    operation = api_schema.raw_schema["paths"]["/api/auth/account"]["delete"]
    assert "requestBody" in operation
    response = _send(
        api_schema,
        fuzz_world,
        "DELETE",
        "/api/auth/account",
        body={"password": "not-hers"},
        media_type="application/json",
    )
    assert response.status_code == 400
    fuzz_world.user.refresh_from_db()  # still there


def test_the_leak_check_fails_on_the_second_users_data(fuzz_world):
    check = no_foreign_records(fuzz_world.forbidden)

    class Answer:
        content = f'{{"title": "{MARKER}"}}'.encode()

    with pytest.raises(AssertionError, match="second user's data"):
        check(None, Answer(), None)
    Answer.content = b'{"title": "mine"}'
    assert check(None, Answer(), None) is None


def test_the_second_user_has_records_of_every_type(fuzz_world):
    from server.sync.registry import all_types

    for record_type in all_types():
        theirs = record_type.model.objects.filter(user=fuzz_world.other)
        assert theirs.exists(), record_type.name
        assert all(str(pk) in fuzz_world.forbidden for pk in theirs.values_list("pk", flat=True))
