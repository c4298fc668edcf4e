"""The PWA's generated files (frontend/src/gen/) are what `python manage.py gen_frontend`
writes from today's API, paths and tools: regenerated into a temporary directory and compared."""

import shutil

import pytest

from server.web.management.commands.gen_frontend import GENERATED, generate


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (openapi-typescript)")
def test_the_generated_frontend_files_are_up_to_date(tmp_path):
    for fresh in generate(tmp_path):
        committed = GENERATED / fresh.name
        assert committed.exists(), f"{committed} is missing: run python manage.py gen_frontend"
        assert committed.read_text("utf-8") == fresh.read_text("utf-8"), (
            f"{committed} is stale: run python manage.py gen_frontend"
        )
