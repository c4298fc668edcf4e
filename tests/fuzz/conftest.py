"""The fuzzing world: a signed-in user with records, and a second user whose records must never
show up in any answer the first one gets.

The app runs in-process (server.wsgi.application under schemathesis's WSGI transport) inside
the test's database transaction, so whatever the fuzzer creates is rolled back afterwards.
"""

import dataclasses
import datetime as dt
import io
import os
import zipfile

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections, models
from django.test import Client
from django.utils.crypto import get_random_string
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from server.accounts.models import User
from server.journal import demo
from server.summaries.models import MonthlySummary
from server.summaries.selectors import figures
from server.sync.registry import all_types

# Appears in the second user's text fields and summary; never in the first user's answers.
MARKER = "ZZ-OTHER-USER-7Q3K9-ZZ"
OTHER_EMAIL = "other-fuzz@example.jp"
FUZZ_EMAIL = "fuzz@example.jp"
# Long and random: the fuzzer cannot guess it, so log-in, password change and account
# deletion are exercised with wrong passwords only and the session survives.
FUZZ_PASSWORD = get_random_string(40)
SCHEMA_PATH = "/api/schema/"


def _readable(response) -> list[bytes]:
    """The answer's bytes, and each file's inside a ZIP answer (the CSV export)."""
    parts = [response.content]
    if response.content[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            parts.extend(archive.read(name) for name in archive.namelist())
    return parts


def no_foreign_records(forbidden: tuple[str, ...]):
    """A schemathesis check: no answer carries any of `forbidden` (the second user's data)."""
    needles = [value.encode() for value in forbidden]

    def no_foreign_records(ctx, response, case):
        parts = _readable(response)
        found = [n.decode() for n in needles if any(n in part for part in parts)]
        if found:
            raise AssertionError(f"The answer holds the second user's data: {found[:3]}")
        return None

    return no_foreign_records


def answer_checks(world: "FuzzWorld") -> list:
    """What every answer must pass: no 5xx, as documented, none of the second user's data."""
    return [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
        response_headers_conformance,
        no_foreign_records(world.forbidden),
    ]


def examples(default: int) -> int:
    """Examples per operation: bounded in `make test`, FUZZ_EXAMPLES in `make fuzz`."""
    return int(os.environ.get("FUZZ_EXAMPLES") or default)


@dataclasses.dataclass
class FuzzWorld:
    user: User
    other: User
    forbidden: tuple[str, ...]  # strings of the second user's that no answer may contain

    def request_kwargs(self) -> dict:
        """A fresh session and CSRF token for one request, as the PWA would send them.

        Each example gets its own session, so an example that signs out, signs up (which
        logs the new account in) or changes nothing at all leaves the next one unaffected.
        """
        client = Client()
        client.force_login(self.user)
        token = get_random_string(32)
        return {
            "cookies": {"sessionid": client.cookies["sessionid"].value, "csrftoken": token},
            "headers": {"X-CSRFToken": token},
        }


def _mark_text_fields(user: User) -> list[str]:
    """Put MARKER into one record of each type's free-text fields; return every record id."""
    ids = []
    for record_type in all_types():
        rows = record_type.model.objects.filter(user=user)
        ids.extend(str(pk) for pk in rows.values_list("pk", flat=True))
        first = rows.first()
        if first is None:
            continue
        changed = []
        for field in first._meta.concrete_fields:
            wide = isinstance(field, models.TextField) or (
                isinstance(field, models.CharField) and (field.max_length or 0) >= 100
            )
            if wide and not field.choices and not field.primary_key:
                setattr(first, field.attname, MARKER)
                changed.append(field.attname)
        if changed:
            first.save(update_fields=changed)
    return ids


def _summary(user: User, month: dt.date, **extra) -> MonthlySummary:
    computed = figures.compute(users=[user], month=month)[user.pk]
    return MonthlySummary.objects.create(user=user, month=month, figures={**computed, **extra})


@pytest.fixture
def fuzz_world(db) -> FuzzWorld:
    user = demo.seed_demo(email=FUZZ_EMAIL, months=1, password=FUZZ_PASSWORD).user
    other = demo.seed_demo(email=OTHER_EMAIL, months=1).user
    other.display_name = MARKER
    other.save(update_fields=["display_name"])
    ids = _mark_text_fields(other)
    last_month = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    _summary(user, last_month)
    _summary(other, last_month, fuzz_marker=MARKER)
    assert ids, "the second user needs records"
    return FuzzWorld(user=user, other=other, forbidden=(MARKER, OTHER_EMAIL, *ids))


@pytest.fixture
def in_process_requests():
    """Requests run inside the test's transaction, as Django's test client runs them.

    Django closes the database connection when a request starts and ends; in a test that
    holds a transaction open that would throw the test's data away, so (as django.test.Client
    does) the connection is left alone while the fuzzer's requests run.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def documented_errors(settings):
    """The schema class that documents every view's error answers.

    Until REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"] names it in server/settings.py (asked of the
    lead; test_regressions.py checks it), it is switched on here.
    """
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_SCHEMA_CLASS": "server.lib.api.AutoSchema",
    }


@pytest.fixture
def api_schema(fuzz_world, in_process_requests, documented_errors):
    """The schema as the app serves it at /api/schema/."""
    from server.wsgi import application  # builds the middleware stack: import when needed

    return schemathesis.openapi.from_wsgi(SCHEMA_PATH, application)
