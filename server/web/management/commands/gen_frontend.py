"""Writes the PWA's generated files (frontend/src/gen/) from the OpenAPI document.

    python manage.py gen_frontend

openapi.json is the document /api/schema/ serves, built in-process; api.d.ts comes from
openapi-typescript and records.ts (form bounds, limits) from frontend/scripts/gen-records.mjs;
server-paths.ts from server/web/paths.py and tools.ts from server/guide/tools.py. The files
are committed, so `npm run build` never needs Django; tests/web/test_generated.py fails when
one is stale.
"""

import json
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from rest_framework.utils.encoders import JSONEncoder

from server.guide import tools
from server.web import paths

FRONTEND = Path(settings.BASE_DIR) / "frontend"
GENERATED = FRONTEND / "src" / "gen"


def openapi_document() -> str:
    """The API's OpenAPI document as JSON text (descriptions in English, as committed)."""
    with translation.override("en"):
        schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.dumps(schema, cls=JSONEncoder, ensure_ascii=False, indent=1) + "\n"


def generate(out: Path) -> list[Path]:
    """Write every generated file of the PWA into `out`; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    document = out / "openapi.json"
    document.write_text(openapi_document(), encoding="utf-8")
    types, records = out / "api.d.ts", out / "records.ts"
    cli = FRONTEND / "node_modules" / "openapi-typescript" / "bin" / "cli.js"
    subprocess.run(
        ["node", str(cli), str(document), "--output", str(types), "--silent"],
        check=True,
        cwd=FRONTEND,
    )
    subprocess.run(
        ["node", str(FRONTEND / "scripts" / "gen-records.mjs"), str(document), str(records)],
        check=True,
        cwd=FRONTEND,
    )
    written = [document, types, records]
    for name, text in (("server-paths.ts", paths.typescript()), ("tools.ts", tools.typescript())):
        written.append(out / name)
        written[-1].write_text(text, encoding="utf-8")
    return written


class Command(BaseCommand):
    help = "Write frontend/src/gen/ (the API schema, its types and bounds, server paths, tools)."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, default=GENERATED, help="default: %(default)s")

    def handle(self, *args, out: Path, **options):
        for path in generate(out):
            self.stdout.write(f"wrote {path}")
