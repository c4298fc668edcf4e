import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest


class Page(HTMLParser):
    """What a reader without JavaScript gets: the article's text and links, the head's links."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang = None
        self.scripts = 0
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
        elif tag == "a":
            self.links.append(attrs)
            if self._article:
                self.article_links.append(attrs.get("href", ""))
        elif tag == "link":
            self.head_links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1

    def handle_data(self, data):
        if self._article:
            self.article_text.append(data)

    @property
    def text(self) -> str:
        return "".join(self.article_text)


def chapter_file(slug="first-steps", title="最初の一歩", order=1, tools="[selfcheck]", body=None):
    front = (
        f"---\nslug: {slug}\ntitle: {title}\nsummary: 要約です\n"
        f"order: {order}\ntools: {tools}\n---\n"
    )
    return front + (body if body is not None else f"本文です。[次へ](/guide/{slug}/)\n")


@pytest.fixture
def scratch(settings, tmp_path) -> Path:
    """A content directory of our own: a copy of the real selfcheck.yaml and no chapters."""
    real = Path(settings.CONTENT_DIR)
    (tmp_path / "guide" / "ja").mkdir(parents=True)
    (tmp_path / "guide" / "en").mkdir(parents=True)
    (tmp_path / "selfcheck.yaml").write_text((real / "selfcheck.yaml").read_text("utf-8"), "utf-8")
    settings.CONTENT_DIR = tmp_path
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
