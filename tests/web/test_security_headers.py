"""The security headers on every kind of answer Ippo gives, and pages the strict
Content-Security-Policy does not break: no inline script, no inline style it does not know."""

import base64
import datetime as dt
import hashlib
import json
from html.parser import HTMLParser

import pytest
from django.conf import settings as django_settings
from django.test import Client

from server.guide import content
from server.summaries import emails as summary_emails
from server.summaries.models import MonthlySummary
from tests.factories import UserFactory
from tests.guide.conftest import built_chapter, write_guide
from tests.helpers import manage
from tests.test_settings import PRODUCTION

# The policy comes from settings.SECURE_CSP (one definition); what makes it strict is pinned
# in test_the_policy_allows_no_inline_script_and_no_other_origin.
CSP = {name: list(sources) for name, sources in django_settings.SECURE_CSP.items()}
STYLE_HASHES = [source for source in CSP["style-src"] if source.startswith("'sha256-")]


@pytest.fixture
def build(settings, tmp_path):
    """A stand-in Vite build, so the shell renders whether or not `npm run build` ran."""
    (tmp_path / ".vite").mkdir()
    entry = {"file": "assets/main-AAAA1111.js", "isEntry": True, "css": ["assets/m-B2.css"]}
    (tmp_path / ".vite" / "manifest.json").write_text(json.dumps({"src/main.tsx": entry}))
    (tmp_path / "sw.js").write_text("self.addEventListener('fetch', () => {});\n")
    write_guide(tmp_path, built_chapter())  # the guide the build renders (guide.json)
    settings.PWA_BUILD_DIR = tmp_path
    settings.PWA_SERVICE_WORKER_PATH = tmp_path / "sw.js"


@pytest.fixture
def static_from_the_source(settings):
    # Tests have no collectstatic: let WhiteNoise find files where the apps keep them.
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True


def _pages(user) -> dict[str, tuple[str, int]]:
    """Every kind of answer: address → (expected content type, expected status)."""
    chapter = content.chapters("ja")[0].slug
    unsubscribe = summary_emails.unsubscribe_url(user.pk).removeprefix("http://testserver")
    return {
        "/today": ("text/html", 200),
        "/guide/": ("text/html", 200),
        f"/guide/{chapter}/": ("text/html", 200),
        "/reset/MQ/some-token/": ("text/html", 200),
        unsubscribe: ("text/html", 200),
        "/api/auth/session": ("application/json", 200),
        "/api/no-such-endpoint": ("application/json", 404),
        "/api/docs/": ("text/html", 200),
        "/api/docs/?script=": ("application/javascript", 200),
        "/admin/login/": ("text/html", 200),
        "/email/no-such-page/": ("text/html", 404),
        "/manifest.json": ("application/manifest+json", 200),
        "/serviceworker.js": ("text/javascript", 200),
        "/static/web/icons/favicon-32.png": ("image/png", 200),
        "/static/web/pages.css": ("text/css", 200),
        "/static/web/admin.css": ("text/css", 200),
    }


def test_the_policy_allows_no_inline_script_and_no_other_origin():
    assert CSP["default-src"] == CSP["script-src"] == ["'self'"]
    for name in ("object-src", "frame-src", "frame-ancestors"):
        assert CSP[name] == ["'none'"], name
    assert CSP["base-uri"] == CSP["form-action"] == ["'self'"]
    # Styles: the site's own files, and inline blocks only by the hash of their text.
    assert CSP["style-src"] == ["'self'", *STYLE_HASHES]
    for name, sources in CSP.items():
        assert not [s for s in sources if "unsafe" in s or s in ("*", "http:", "https:")], name


def parse_csp(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_every_kind_of_answer_carries_the_security_headers(build, static_from_the_source, db):
    user = UserFactory()
    client = Client()
    for path, (content_type, status) in _pages(user).items():
        r = client.get(path, HTTP_ACCEPT_LANGUAGE="ja")
        assert r.status_code == status, path
        assert r["Content-Type"].startswith(content_type), path
        assert parse_csp(r["Content-Security-Policy"]) == CSP, path
        assert "unsafe" not in r["Content-Security-Policy"], path
        assert r["X-Content-Type-Options"] == "nosniff", path
        assert r["Referrer-Policy"] == "same-origin", path
        assert r["X-Frame-Options"] == "DENY", path
        assert r["Cross-Origin-Opener-Policy"] == "same-origin", path
        features = dict(f.split("=", 1) for f in r["Permissions-Policy"].split(", "))
        for denied in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
            assert features[denied] == "()", (path, denied)
        assert features["clipboard-write"] == "(self)", path
        assert "web-share" not in features, path  # its default: Ippo itself may share
        assert "Strict-Transport-Security" not in r, path  # plain HTTP: no HSTS


def test_over_https_in_production_every_answer_asks_for_https_from_now_on():
    shown = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.SECURE_SSL_REDIRECT, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)",
        env=PRODUCTION,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == ["31536000", "True", "True", "True", "True", "True"]


def test_hsts_goes_out_on_secure_requests(settings, db):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = settings.SECURE_HSTS_PRELOAD = True
    r = Client().get("/guide/", secure=True)
    assert r["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


class _InlineCode(HTMLParser):
    """What a page runs or styles inline: scripts, style blocks, style and on* attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.attributes: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        for name in names:
            if name == "style" or name.startswith("on"):
                self.attributes.append(f"<{tag} {name}>")
        if tag == "style":
            self._in, self.styles = "style", [*self.styles, ""]
        elif tag == "script" and "src" not in names and names.get("type") != "application/json":
            self._in, self.scripts = "script", [*self.scripts, ""]

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self.styles[-1] += data
        elif self._in == "script":
            self.scripts[-1] += data


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_no_page_needs_an_inline_script_or_a_style_the_policy_does_not_name(build, db):
    user = UserFactory()
    staff = UserFactory(is_staff=True, is_superuser=True)
    summary = MonthlySummary.objects.create(
        user=user, month=dt.date(2026, 10, 1), figures={"month": "2026-10"}
    )
    client, admin = Client(), Client()
    admin.force_login(staff)
    pages = [(client, p) for p, (kind, _) in _pages(user).items() if kind == "text/html"]
    pages += [(client, "/en/guide/"), (client, "/guide/?lang=en")]
    pages += [
        (admin, "/admin/"),
        (admin, "/admin/accounts/user/"),
        (admin, f"/admin/accounts/user/{user.pk}/change/"),
        (admin, "/admin/password_change/"),
        # Read-only JSON fields (server/lib/admin.py), styled by a file the page links.
        (admin, f"/admin/summaries/monthlysummary/{summary.pk}/change/"),
    ]
    used: set[str] = set()
    for browser, path in pages:
        r = browser.get(path, follow=True)
        if not r["Content-Type"].startswith("text/html"):
            continue
        found = _InlineCode()
        found.feed(r.content.decode())
        allowed = parse_csp(r["Content-Security-Policy"])["style-src"]
        assert found.scripts == [], path
        assert found.attributes == [], path
        for style in found.styles:
            assert _sha256(style) in allowed, (
                f"{path}: an inline <style> the policy blocks; move it to a static file or "
                f"add {_sha256(style)} to SECURE_CSP['style-src']: {style[:80]!r}"
            )
            used.add(_sha256(style))
    summary_page = admin.get(f"/admin/summaries/monthlysummary/{summary.pk}/change/")
    assert '<pre class="pretty-json">' in summary_page.content.decode()
    assert "/static/web/admin.css" in summary_page.content.decode()
    # Every hash in the policy is still needed (a style moved to a file takes its hash along).
    assert used == set(STYLE_HASHES)


def test_the_api_docs_load_their_start_up_script_from_a_url(db):
    page = Client().get("/api/docs/").content.decode()
    assert '<script src="/api/docs/?script="></script>' in page
    assert "/static/web/api-docs.css" in page
    script = Client().get("/api/docs/?script=")
    assert b"SwaggerUIBundle" in script.content
    assert b'"/api/schema/"' in script.content


@pytest.mark.parametrize(
    "path",
    [
        "/api/docs/?lang=%00",
        "/api/docs/?script=&lang=%ff%fe&version=%00",
        "/reset/%00/%00/",
        "/reset/" + "A" * 5000 + "/x/",
        "/admin/login/?next=javascript:alert(1)",
        "/admin/%00",
    ],
)
def test_bad_addresses_on_these_pages_answer_without_a_server_error(path, db):
    r = Client(raise_request_exception=False).get(path)
    assert r.status_code < 500
    assert "Content-Security-Policy" in r
