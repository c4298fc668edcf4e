import json
from html.parser import HTMLParser
from pathlib import Path

import pytest


class Page(HTMLParser):
    """What a reader without JavaScript gets: the article's text and links, the head's links."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang = None
        self.scripts = 0
        self.noscript_text: list[str] = []  # inside <noscript> in the body
        self._noscript = 0
        self.article_text: list[str] = []
        self.article_links: list[str] = []
        self.links: list[dict] = []  # <a> anywhere, with their attributes
        self.head_links: list[dict] = []  # <link>
        self._article = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "script":
            self.scripts += 1
        elif tag == "article":
            self._article += 1
        elif tag == "noscript":
            self._noscript += 1
        elif tag == "a":
            self.links.append(attrs)
            if self._article:
                self.article_links.append(attrs.get("href", ""))
        elif tag == "link":
            self.head_links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1
        elif tag == "noscript":
            self._noscript -= 1

    def handle_data(self, data):
        if self._article:
            self.article_text.append(data)
        if self._noscript:
            self.noscript_text.append(data)

    @property
    def text(self) -> str:
        return "".join(self.article_text)


def built_chapter(lang="ja", slug="first-steps", order=1, **fields) -> dict:
    """One chapter as the PWA build writes it into guide.json (frontend/vite-content.ts)."""
    return {
        "lang": lang,
        "slug": slug,
        "title": "最初の一歩",
        "summary": "要約です",
        "order": order,
        "tools": ["selfcheck"],
        "steps": [{"key": f"{slug}-step", "title": "一歩", "schedule": "once", "tool": None}],
        "file": f"{lang}/{order:02d}-{slug}.md",
        "html": f'<p>本文です。<a href="/guide/{slug}/">次へ</a></p>\n',
        **fields,
    }


def write_guide(build: Path, *chapters: dict) -> Path:
    """A stand-in guide.json in the build directory `build` (see server/guide/content.py)."""
    by_lang: dict[str, list] = {"ja": [], "en": []}
    for item in chapters:
        by_lang[item["lang"]].append(item)
    path = build / "guide.json"
    path.write_text(json.dumps(by_lang, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def scratch(settings, tmp_path) -> Path:
    """A content directory of our own (a copy of the real selfcheck.yaml), and a build
    directory with Vite's manifest and a guide.json with no chapters."""
    real = Path(settings.CONTENT_DIR)
    (tmp_path / "selfcheck.yaml").write_text((real / "selfcheck.yaml").read_text("utf-8"), "utf-8")
    settings.CONTENT_DIR = tmp_path
    build = tmp_path / "build"
    (build / ".vite").mkdir(parents=True)
    entry = {"file": "assets/main-AAAA1111.js", "isEntry": True}
    (build / ".vite" / "manifest.json").write_text(json.dumps({"src/main.tsx": entry}))
    write_guide(build)
    settings.PWA_BUILD_DIR = build
    return tmp_path
