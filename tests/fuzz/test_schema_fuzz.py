"""Every operation of /api/schema/, fuzzed while signed in (see README.md in this folder)."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.generation.feedback import FeedbackSources
from schemathesis.pytest._test_builder import build_operation_test

from tests.fuzz.conftest import answer_checks, examples


def _operations() -> list[str]:
    """Each operation's "METHOD /path", read from the schema generator when tests are collected.

    The test itself fuzzes the schema as /api/schema/ serves it; this list only names the
    tests, so one operation runs alone by its id: "…::test_operation_answers_as_documented[POST
    /api/sync/push]".
    """
    spec = SchemaGenerator().get_schema(request=None, public=True)
    return [f"{method.upper()} {path}" for path, ops in spec["paths"].items() for method in ops]


def _in_sequence(case) -> None:
    """Number a push's ops 1, 2, … so they reach the field checks.

    Each generated push comes from a new device, and the server applies nothing after a gap
    in op_seq (the client resends from last_op_seq + 1): with random numbers almost no op
    would get past that. Pushes whose ops are not all well-formed objects are left as they are.
    """
    body = case.body
    ops = body.get("ops") if isinstance(body, dict) else None
    if isinstance(ops, list) and all(
        isinstance(op, dict) and type(op.get("op_seq")) is int for op in ops
    ):
        for seq, op in enumerate(ops, start=1):
            op["op_seq"] = seq


FUZZ_SETTINGS = settings(
    max_examples=examples(20),
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.fuzz
@pytest.mark.parametrize("label", _operations())
def test_operation_answers_as_documented(label, api_schema, fuzz_world):
    method, path = label.split(" ", 1)
    operation = api_schema[path][method]
    checks = answer_checks(fuzz_world)

    def fuzz(case):
        _in_sequence(case)
        case.call_and_validate(checks=checks, **fuzz_world.request_kwargs())

    # Schemathesis's three phases, as its pytest plugin runs them: the schema's examples,
    # "coverage" (each boundary and each kind of wrong value once: missing fields, wrong
    # types, out of range) and random fuzzing in both modes (valid and invalid requests)
    # for max_examples. Seeded per operation, so a failure reproduces.
    test = build_operation_test(
        config=api_schema.config,
        operation=operation,
        test_func=fuzz,
        given_kwargs={},
        feedback=FeedbackSources(),
        explicit_settings=FUZZ_SETTINGS,
    )
    test()
