"""design.md's layering and no import cycles, as the import-linter contracts in pyproject.toml
state them: an import that points up the house or closes a circle fails `make test`."""

from pathlib import Path

import pytest
from importlinter.adapters.building import GraphBuilder
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = str(ROOT / "pyproject.toml")


def _lint(monkeypatch) -> int:
    monkeypatch.chdir(ROOT)
    return lint_imports(config_filename=PYPROJECT, no_cache=True, no_logo=True)


def test_the_server_keeps_every_import_contract(monkeypatch):
    assert _lint(monkeypatch) == 0


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("server.accounts.models", "server.journal.models"),  # accounts knows no app above it
        ("server.sync.models", "server.journal.models"),  # sync knows no record type
        ("server.journal.selectors", "server.summaries.models"),  # journal knows no summaries
        ("server.lib.api", "server.accounts.models"),  # lib knows no app
        ("server.guide.views", "server.web.views"),  # the shell is known by no app
        ("server.guide.views", "server.sync.models"),  # guide and sync stand apart
        ("server.journal.models", "server.journal.selectors"),  # a cycle inside an app
    ],
)
def test_an_import_that_points_up_or_closes_a_circle_breaks_a_contract(
    monkeypatch, capsys, importer, imported
):
    build = GraphBuilder.build
    added = []

    def build_with_one_more_import(self, *args, **kwargs):
        graph = build(self, *args, **kwargs)
        if not graph.direct_import_exists(importer=importer, imported=imported):
            graph.add_import(importer=importer, imported=imported, line_number=1, line_contents="")
            added.append(importer)
        return graph

    monkeypatch.setattr(GraphBuilder, "build", build_with_one_more_import)
    assert _lint(monkeypatch) == 1
    assert added == [importer]
    assert "0 broken" not in capsys.readouterr().out
