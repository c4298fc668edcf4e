"""The shared vectors in content/: the PWA's vitest runs the same cases against its TypeScript."""

import json
from fractions import Fraction
from pathlib import Path

import pytest
from django.conf import settings

from server.guide import earnings, selfcheck
from server.guide.selfcheck import Question, Questionnaire

CONTENT = Path(settings.CONTENT_DIR)
SELFCHECK_CASES = json.loads((CONTENT / "selfcheck_cases.json").read_text("utf-8"))
EARNINGS_CASES = json.loads((CONTENT / "earnings_cases.json").read_text("utf-8"))


def ids(cases):
    return [case["name"] for case in cases]


def test_the_vector_files_cover_what_the_brief_asks_for():
    assert len(SELFCHECK_CASES) >= 8 and len(EARNINGS_CASES) >= 8
    scores = {c["expect"].get("score") for c in SELFCHECK_CASES if "answers" in c["input"]}
    assert {0, 100} <= scores
    bands = {c["expect"]["band"] for c in SELFCHECK_CASES if "band" in c["expect"]}
    assert bands == {b.key for b in selfcheck.current().bands}
    by_input = [c["input"] for c in EARNINGS_CASES]
    assert any(i["track_years"] == 0 for i in by_input)
    assert any(i["track_years"] == i["years"] for i in by_input)
    assert any(i["allowance"] > 0 for i in by_input)
    assert any(i["retirement_months"] > 0 for i in by_input)
    assert any(i["years"] == 1 for i in by_input)


@pytest.mark.parametrize("case", SELFCHECK_CASES, ids=ids(SELFCHECK_CASES))
def test_the_self_check_scores_each_shared_case(case):
    given, expect = case["input"], case["expect"]
    if "weights" in given:
        questions = tuple(Question(k, "sign", w, {}) for k, w in given["weights"].items())
        questionnaire = Questionnaire("custom", (), questions, ())
    else:
        questionnaire = selfcheck.current()
        # A new questionnaire needs new cases: the weights and keys are the version's.
        assert given["questionnaire"] == questionnaire.version, "regenerate the cases"
    if "answers" in given:
        assert questionnaire.score(given["answers"]) == expect["score"]
        weights = {q.key: q.weight for q in questionnaire.questions}
        exact = Fraction(
            100 * sum(weights[k] * a for k, a in given["answers"].items()),
            3 * sum(weights.values()),
        )
        assert expect["score"] == int(exact + Fraction(1, 2))  # half up, by hand
    if "band" in expect:
        score = given.get("score", expect.get("score"))
        assert questionnaire.band(score).key == expect["band"]


@pytest.mark.parametrize("case", EARNINGS_CASES, ids=ids(EARNINGS_CASES))
def test_the_calculator_matches_each_shared_case(case):
    assert earnings.earnings_gap(**case["input"]).rounded() == case["expect"]


AMOUNTS = ("normal", "track", "gap", "cumulative")


def _exact(i: dict) -> dict:
    """The model in exact fractions, rounded half away from zero: an independent check."""

    def yen(x: Fraction) -> int:
        whole = int(abs(x) + Fraction(1, 2))
        return whole if x >= 0 else -whole

    s = Fraction(i["salary"])
    g = 1 + Fraction(str(i["raise_pct"])) / 100
    h = 1 + Fraction(str(i["track_raise_pct"])) / 100
    n, t_ = i["years"], i["track_years"]
    rows, pay = [], Fraction(0)
    for t in range(1, n + 1):
        normal = s * g**t
        track = s * h ** min(t, t_) * g ** max(0, t - t_)
        pay += normal - track
        rows.append([t, normal, track, normal - track, pay])
    allowance = Fraction(i["allowance"]) * len(range(i["allowance_from"], n + 1))
    retirement = Fraction(i["retirement_months"]) * (rows[-1][1] - rows[-1][2]) / 12
    return {
        "years": [{"year": t, **dict(zip(AMOUNTS, map(yen, r), strict=True))} for t, *r in rows],
        "pay_gap": yen(pay),
        "allowance_gap": yen(allowance),
        "retirement_gap": yen(retirement),
        "total_gap": yen(pay + allowance + retirement),
    }


@pytest.mark.parametrize("case", EARNINGS_CASES, ids=ids(EARNINGS_CASES))
def test_each_earnings_case_agrees_with_exact_arithmetic(case):
    assert _exact(case["input"]) == case["expect"]


def test_the_two_checks_of_the_brief():
    first = earnings.earnings_gap(
        salary=5_000_000, raise_pct=2, track_raise_pct=1, years=20, track_years=20
    )
    second = earnings.earnings_gap(
        salary=4_800_000, raise_pct=2.5, track_raise_pct=1, years=25, track_years=5
    )
    assert round(first.pay_gap) == 12_720_616 == first.rounded()["total_gap"]
    assert second.rounded()["pay_gap"] == 11_235_882
    # The closed form: S * sum(1.02^t - 1.01^t) = S * (51 * (1.02^20 - 1) - 101 * (1.01^20 - 1))
    closed = 5_000_000 * (51 * (1.02**20 - 1) - 101 * (1.01**20 - 1))
    assert abs(first.pay_gap - closed) < 1e-3


def test_rounding_is_half_away_from_zero():
    assert [earnings.round_yen(x) for x in (0.5, 1.5, 2.5, -0.5, -2.5, 2.4999, -2.4999)] == [
        1,
        2,
        3,
        -1,
        -3,
        2,
        -2,
    ]


@pytest.mark.parametrize(
    "bad",
    [
        {"years": 0, "track_years": 0},
        {"years": 5, "track_years": 6},
        {"years": 5, "track_years": -1},
        {"years": 5, "track_years": 5, "allowance_from": 6},
        {"years": 5, "track_years": 5, "allowance_from": 0},
        {"years": 5, "track_years": 5, "retirement_months": -1},
    ],
)
def test_the_calculator_refuses_inputs_outside_its_model(bad):
    with pytest.raises(ValueError):
        earnings.earnings_gap(salary=1, raise_pct=1, track_raise_pct=0, **bad)
