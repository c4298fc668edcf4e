"""GET /api/tools/earnings-gap: the calculator over HTTP, for anyone, with field errors."""

import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings

URL = "/api/tools/earnings-gap"
GOOD = {
    "salary": 5_000_000,
    "raise_pct": 2,
    "track_raise_pct": 1,
    "years": 20,
    "track_years": 20,
    "allowance": 0,
    "allowance_from": 1,
    "retirement_months": 0,
}
CASES = json.loads((Path(settings.CONTENT_DIR) / "earnings_cases.json").read_text("utf-8"))


def get(api, **params):
    return api.get(f"{URL}?{urlencode(params)}")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_it_answers_each_shared_case_without_signing_in(api, db, case):
    r = get(api, **case["input"])

    assert r.status_code == 200
    assert r.json() == case["expect"]


def test_it_answers_a_signed_in_user_too_and_fills_in_the_optional_inputs(owner_api):
    required = {k: GOOD[k] for k in ("salary", "raise_pct", "track_raise_pct", "years")}

    r = get(owner_api, **required, track_years=5)

    assert r.status_code == 200
    body = r.json()
    assert body["allowance_gap"] == 0 and body["retirement_gap"] == 0
    assert body["total_gap"] == body["pay_gap"] > 0
    assert [y["year"] for y in body["years"]] == list(range(1, 21))
    assert body["years"][-1]["cumulative"] == body["pay_gap"]


def test_decimal_percentages_and_the_largest_inputs_are_accepted(api, db):
    r = get(
        api,
        salary=100_000_000,
        raise_pct="19.99",
        track_raise_pct="-10",
        years=45,
        track_years=45,
        allowance=10_000_000,
        allowance_from=45,
        retirement_months=60,
    )
    assert r.status_code == 200
    assert r.json()["allowance_gap"] == 10_000_000


BAD = [
    ("salary", None),
    ("salary", 0),
    ("salary", 100_000_001),
    ("salary", "5,000,000"),
    ("raise_pct", None),
    ("raise_pct", "20.01"),
    ("raise_pct", "-10.5"),
    ("raise_pct", "NaN"),
    ("raise_pct", "1.234"),
    ("track_raise_pct", None),
    ("track_raise_pct", "21"),
    ("track_raise_pct", "abc"),
    ("years", None),
    ("years", 0),
    ("years", 46),
    ("years", "2.5"),
    ("track_years", None),
    ("track_years", -1),
    ("track_years", 21),
    ("allowance", -1),
    ("allowance", 10_000_001),
    ("allowance_from", 0),
    ("allowance_from", 21),
    ("retirement_months", -1),
    ("retirement_months", 61),
]


@pytest.mark.parametrize(("field", "value"), BAD, ids=[f"{f}={v}" for f, v in BAD])
def test_a_missing_or_out_of_range_input_is_a_400_naming_the_field(api, db, field, value):
    params = {k: v for k, v in GOOD.items() if k != field}
    if value is not None:
        params[field] = value

    r = get(api, **params)

    assert r.status_code == 400
    assert list(r.json()) == [field], r.json()


def test_the_schema_describes_the_calculator(api, db):
    paths = api.get("/api/schema/", HTTP_ACCEPT="application/json").json()["paths"]
    names = {p["name"] for p in paths[URL]["get"]["parameters"]}
    assert names == set(GOOD)
    assert "/api/guide" in paths
