import datetime as dt

import pytest

from server.summaries.models import MonthlySummary
from server.summaries.selectors import figures
from tests.factories import UserFactory
from tests.summaries.journal import Journal

NOVEMBER = dt.date(2026, 11, 1)
# When the figures of November are computed: 09:00 on 1 December in Tokyo.
AFTER_NOVEMBER = "2026-12-01T00:00Z"


def make_user(time_machine, *, since: str = "2026-07-01T00:00Z", **fields):
    """A user whose account was made at `since` (the test's clock is left there)."""
    time_machine.move_to(since, tick=False)
    return UserFactory(**fields)


@pytest.fixture
def tokyo(db, time_machine):
    return make_user(time_machine, email="hanako@example.jp", display_name="花子")


@pytest.fixture
def los_angeles(db, time_machine):
    return make_user(
        time_machine,
        email="emily@example.com",
        display_name="Emily",
        time_zone="America/Los_Angeles",
        language="en",
    )


@pytest.fixture
def journal():
    return Journal


def summary_row(user, month: dt.date = NOVEMBER, **fields) -> MonthlySummary:
    """A stored summary with real figures (for tests that start from a row)."""
    computed = figures.compute(users=[user], month=month)[user.pk]
    return MonthlySummary.objects.create(user=user, month=month, figures=computed, **fields)
