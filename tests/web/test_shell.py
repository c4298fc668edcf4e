"""The app shell, /serviceworker.js and /manifest.json, against a stand-in build."""

import json
import struct
from pathlib import Path

import pytest
from django.conf import settings

from tests.guide.conftest import Page, built_chapter, write_guide

SCREENS = ["/", "/today", "/history", "/settings", "/login", "/signup", "/forgot", "/welcome"]


@pytest.fixture
def build(settings, tmp_path) -> Path:
    """A Vite build as `npm run build` leaves it: a manifest, a worker, an entry with a chunk."""
    (tmp_path / ".vite").mkdir()
    manifest = {
        "src/main.tsx": {
            "file": "assets/main-AAAA1111.js",
            "isEntry": True,
            "css": ["assets/main-BBBB2222.css"],
            "imports": ["_vendor-CCCC3333.js"],
        },
        "_vendor-CCCC3333.js": {"file": "assets/vendor-CCCC3333.js", "css": ["assets/v-D4.css"]},
    }
    (tmp_path / ".vite" / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "sw.js").write_text("self.addEventListener('fetch', () => {});\n")
    settings.PWA_BUILD_DIR = tmp_path
    settings.PWA_SERVICE_WORKER_PATH = tmp_path / "sw.js"
    return tmp_path


def test_every_screen_gets_the_same_shell_with_the_built_files(api, build, db):
    bodies = set()
    for path in [*SCREENS, "/a/screen/added/later?x=1"]:
        r = api.get(path, HTTP_ACCEPT_LANGUAGE="ja")
        assert r.status_code == 200, path
        assert r["Content-Type"].startswith("text/html")
        assert "no-cache" in r["Cache-Control"]
        bodies.add(r.content)
    assert len(bodies) == 1
    html = bodies.pop().decode()
    assert '<html lang="ja">' in html
    assert '<div id="app"></div>' in html and "<noscript>" in html
    assert "{#" not in html and "{%" not in html and "Same page" not in html
    assert '<script type="module" src="/static/app/assets/main-AAAA1111.js"></script>' in html
    assert '<link rel="stylesheet" href="/static/app/assets/main-BBBB2222.css">' in html
    assert '<link rel="stylesheet" href="/static/app/assets/v-D4.css">' in html
    assert '<link rel="modulepreload" href="/static/app/assets/vendor-CCCC3333.js">' in html
    assert '<link rel="manifest" href="/manifest.json">' in html
    assert 'name="theme-color" content="#f7f4ef" media="(prefers-color-scheme: light)"' in html
    assert 'name="apple-mobile-web-app-capable" content="yes"' in html
    assert 'rel="apple-touch-icon" sizes="180x180"' in html
    assert 'name="viewport"' in html


def test_the_shell_holds_no_user_data_and_no_csrf_token(api, build, owner):
    anonymous = api.get("/today", HTTP_ACCEPT_LANGUAGE="ja")
    api.force_login(owner)
    signed_in = api.get("/today", HTTP_ACCEPT_LANGUAGE="ja")
    assert signed_in.content == anonymous.content
    html = signed_in.content.decode()
    assert owner.email not in html and owner.display_name not in html
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in signed_in.cookies and "csrftoken" not in anonymous.cookies


def test_the_shell_speaks_the_browser_or_the_users_language(api, build, owner):
    assert '<html lang="en">' in api.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="ja">' in api.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    owner.language = "en"
    owner.save()
    api.force_login(owner)
    assert '<html lang="en">' in api.get("/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()


def test_server_addresses_are_never_answered_with_the_shell(api, build, db):
    r = api.get("/api/no-such-endpoint")
    assert r.status_code == 404
    assert r["Content-Type"] == "application/json"
    assert "detail" in r.json()
    assert api.get("/api").status_code == 404
    assert api.get("/admin").status_code == 301  # APPEND_SLASH, then the admin's log-in
    assert api.get("/healthz")["Content-Type"] == "application/json"
    assert api.get("/static/app/no-such-file.js").status_code == 404
    reset = api.get("/reset/MQ/bad-token/")
    assert reset.status_code == 200 and 'name="password2"' in reset.content.decode()
    assert api.get("/email/no-such-page").status_code == 404
    assert b'id="app"' not in api.get("/email/unsubscribe/bad-token/").content
    assert api.post("/today").status_code == 405


def _style(html: str) -> str:
    return html.split("<style>", 1)[1].split("</style>", 1)[0]


def test_the_guide_is_the_shell_with_the_chapter_for_readers_without_javascript(api, build, db):
    write_guide(build, built_chapter(slug="first-steps", html="<p>ビルドが書いた本文</p>\n"))
    shell = api.get("/today", HTTP_ACCEPT_LANGUAGE="ja").content.decode()

    for path in ("/guide/first-steps", "/guide/first-steps/", "/guide", "/guide/"):
        r = api.get(path, HTTP_ACCEPT_LANGUAGE="ja")
        assert r.status_code == 200 and "no-cache" in r["Cache-Control"], path
        html = r.content.decode()
        # The shell's boot style (its CSP hash), its empty #app and the build's tags.
        assert _style(html) == _style(shell), path
        assert '<div id="app"></div>' in html
        assert '<script type="module" src="/static/app/assets/main-AAAA1111.js">' in html
    page = Page(api.get("/guide/first-steps/").content.decode())
    assert "ビルドが書いた本文" in page.text and page.text in "".join(page.noscript_text)
    assert page.scripts == 1


def test_a_missing_build_says_to_run_make_install(api, settings, tmp_path, db):
    settings.PWA_BUILD_DIR = tmp_path / "not-built"
    r = api.get("/today")
    assert r.status_code == 503
    assert "make install" in r.content.decode()


def test_the_service_worker_is_served_from_the_root_and_never_cached(api, build, settings, db):
    r = api.get("/serviceworker.js")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/javascript")
    assert "no-cache" in r["Cache-Control"]
    assert r["Service-Worker-Allowed"] == "/"
    assert r.content == (build / "sw.js").read_bytes()
    (build / "sw.js").unlink()
    missing = api.get("/serviceworker.js")
    assert missing.status_code == 404
    assert "make install" in missing.content.decode()


def test_the_manifest_describes_an_installable_app(api, db):
    r = api.get("/manifest.json")
    assert r.status_code == 200
    assert r["Content-Type"] == "application/manifest+json"
    manifest = r.json()
    assert manifest["id"] == "/?source=pwa"
    assert manifest["name"] == "一歩 (Ippo)"
    assert manifest["short_name"] == "Ippo"
    assert manifest["start_url"] == "/today"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["lang"] == "ja"
    assert manifest["theme_color"] == "#a8322a"
    assert manifest["background_color"] == "#f7f4ef"
    icons = {(i["sizes"], i["purpose"]) for i in manifest["icons"]}
    assert icons == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    shortcuts = {s["url"]: s["name"] for s in manifest["shortcuts"]}
    assert shortcuts == {
        "/today?focus=efficiency": "記録する / Log efficiency",
        "/today": "今日のチェック / Today's checklist",
    }


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_every_icon_named_anywhere_is_a_png_of_its_stated_size(api, db):
    icons_dir = settings.BASE_DIR / "server" / "web" / "static" / "web" / "icons"
    manifest = api.get("/manifest.json").json()
    named = manifest["icons"] + [i for s in manifest["shortcuts"] for i in s["icons"]]
    named += [{"src": "/static/web/icons/apple-touch-icon-180.png", "sizes": "180x180"}]
    named += [{"src": "/static/web/icons/favicon-32.png", "sizes": "32x32"}]
    for icon in named:
        width, height = (int(n) for n in icon["sizes"].split("x"))
        path = icons_dir / icon["src"].removeprefix("/static/web/icons/")
        assert _png_size(path) == (width, height), icon["src"]
    assert api.get("/favicon.ico")["Location"] == "/static/web/icons/favicon-32.png"
