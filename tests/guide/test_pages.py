"""The guide's addresses: the app shell (the PWA draws the guide), with every chapter, in
both languages, inside <noscript> for a reader without JavaScript."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings

from server.guide import content
from server.guide.tools import TOOLS
from tests.guide.conftest import Page

LANGS = ["ja", "en"]
CHAPTERS = [(lang, c.slug) for lang in LANGS for c in content.chapters(lang)]
# The PWA's screens (frontend/CONTRACT.md) and the tools' paths: where a chapter may link.
APP_PATHS = {"/", "/today", "/history", "/settings"} | {t.path for t in TOOLS.values()}


def test_the_real_guide_has_chapters_in_both_languages():
    assert len(content.chapters("ja")) >= 3
    assert [c.slug for c in content.chapters("ja")] == [c.slug for c in content.chapters("en")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_lists_every_chapter_in_order(api, db, lang):
    r = api.get(f"/guide/?lang={lang}")

    assert r.status_code == 200
    assert r["Content-Language"] == lang
    page = Page(r.content.decode())
    assert page.lang == lang and page.scripts == 1  # the app's bundle, as on every screen
    html = unescape(r.content.decode())
    chapters = content.chapters(lang)
    positions = [html.index(f'href="/guide/{c.slug}/?lang={lang}"') for c in chapters]
    assert positions == sorted(positions)
    for item in chapters:
        assert item.title in html and item.summary in html
    for item in chapters:
        assert item.title in "".join(page.noscript_text)


def _body(item: content.Chapter) -> str:
    """The chapter's Markdown as the writer wrote it, after the front matter."""
    source = (settings.CONTENT_DIR / "guide" / item.file).read_text(encoding="utf-8")
    return source.split("\n---\n", 1)[1]


@pytest.mark.parametrize(("lang", "slug"), CHAPTERS)
def test_every_chapter_reads_without_javascript(api, db, lang, slug):
    item = content.chapter(lang, slug)

    r = api.get(f"/guide/{slug}/?lang={lang}")

    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/html")
    page = Page(r.content.decode())
    assert page.lang == lang
    assert item.title in page.text
    assert page.text in "".join(page.noscript_text)  # for readers without JavaScript only
    # Every line of plain prose in the Markdown is in the article as text.
    plain = [
        line.strip()
        for line in _body(item).splitlines()
        if line.strip() and not re.search(r"[#*_`\[\]<>|]|^\s*(?:[-+>]|\d+\.)\s", line)
    ]
    assert plain, "a chapter with no plain prose line cannot be checked"
    for line in plain:
        assert line in page.text, line
    for step in item.steps:
        assert step.title in page.text
    for key in item.tools:
        assert {"class": "button", "href": TOOLS[key].path} in page.links


@pytest.mark.parametrize(("lang", "slug"), CHAPTERS)
def test_every_link_in_a_chapter_leads_somewhere(api, db, lang, slug):
    page = Page(api.get(f"/guide/{slug}/?lang={lang}").content.decode())

    for href in page.article_links:
        parts = urlsplit(href)
        if parts.scheme:
            assert parts.scheme == "https", href
            continue
        if href.startswith("#"):
            continue
        if parts.path.startswith("/guide/"):
            target = parts.path.removeprefix("/guide/").strip("/")
            assert content.chapter(lang, target), f"{slug} links to a missing chapter: {href}"
            # The build renders one text for every visitor: no language in the link.
            assert not parse_qs(parts.query), href
            assert api.get(href).status_code == 200
        else:
            assert parts.path in APP_PATHS, f"{slug} links to an unknown app path: {href}"


def test_every_japanese_chapter_has_an_english_twin_and_follows_the_file_names():
    ja, en = content.chapters("ja"), content.chapters("en")

    def shape(c):
        return (c.slug, c.order, c.tools, [(s.key, s.schedule, s.tool) for s in c.steps])

    assert [shape(c) for c in ja] == [shape(c) for c in en]
    for item in (*ja, *en):
        assert re.fullmatch(rf"{item.lang}/\d\d-{item.slug}\.md", item.file), item.file
        assert item.steps, f"{item.file} has no first steps"


@pytest.mark.parametrize("lang", LANGS)
def test_chapters_link_to_their_neighbours_and_the_index(api, db, lang):
    chapters = content.chapters(lang)
    first, second, last = chapters[0], chapters[1], chapters[-1]

    page = Page(api.get(f"/guide/{first.slug}/").content.decode())
    middle = Page(api.get(f"/guide/{second.slug}/").content.decode())
    end = Page(api.get(f"/guide/{last.slug}/").content.decode())

    rels = {a.get("rel"): a["href"] for a in middle.links if a.get("rel") in ("prev", "next")}
    assert rels == {"prev": first.url, "next": chapters[2].url}
    assert [a["href"] for a in page.links if a.get("rel") == "next"] == [second.url]
    assert not [a for a in page.links if a.get("rel") == "prev"]
    assert not [a for a in end.links if a.get("rel") == "next"]
    assert {"href": "/guide/"} in [{"href": a["href"]} for a in page.links]


def test_the_language_follows_the_browser_then_the_profile_then_the_link(api, owner, db):
    slug = content.chapters("ja")[0].slug
    ja_title, en_title = content.chapter("ja", slug).title, content.chapter("en", slug).title

    browser = api.get(f"/guide/{slug}/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    default = api.get(f"/guide/{slug}/")
    owner.language = "en"
    owner.save()
    api.force_login(owner)
    profile = api.get(f"/guide/{slug}/", HTTP_ACCEPT_LANGUAGE="ja")
    shared = api.get(f"/guide/{slug}/?lang=ja", HTTP_ACCEPT_LANGUAGE="en")

    assert Page(browser.content.decode()).lang == "en" and en_title in browser.content.decode()
    assert Page(default.content.decode()).lang == "ja" and ja_title in default.content.decode()
    assert Page(profile.content.decode()).lang == "en" and en_title in profile.content.decode()
    assert Page(shared.content.decode()).lang == "ja" and ja_title in shared.content.decode()
    assert "Accept-Language" in browser["Vary"]


def test_an_unknown_language_in_the_link_is_ignored(api, db):
    r = api.get("/guide/?lang=fr", HTTP_ACCEPT_LANGUAGE="en")
    assert r.status_code == 200 and Page(r.content.decode()).lang == "en"


def test_pages_name_their_canonical_address_and_their_translations(api, db):
    slug = content.chapters("ja")[0].slug

    page = Page(api.get(f"/guide/{slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode())

    base = f"http://testserver/guide/{slug}/"
    links = {(link["rel"], link.get("hreflang")): link["href"] for link in page.head_links}
    assert links[("canonical", None)] == f"{base}?lang=en"
    assert links[("alternate", "ja")] == f"{base}?lang=ja"
    assert links[("alternate", "en")] == f"{base}?lang=en"
    assert links[("alternate", "x-default")] == base
    switch = [a for a in page.links if a.get("hreflang")]
    assert switch == [{"href": f"/guide/{slug}/?lang=ja", "hreflang": "ja", "lang": "ja"}]


def test_links_between_chapters_keep_a_language_only_when_the_link_asked_for_one(api, db):
    first, second = content.chapters("en")[:2]

    negotiated = Page(api.get(f"/guide/{first.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    asked = Page(api.get(f"/guide/{first.slug}/?lang=en").content.decode())

    assert [a["href"] for a in negotiated.links if a.get("rel") == "next"] == [second.url]
    assert [a["href"] for a in asked.links if a.get("rel") == "next"] == [f"{second.url}?lang=en"]


@pytest.mark.parametrize(
    "path", ["/guide/no-such-chapter/", "/guide/no-such-chapter/?lang=en", "/guide/Bad_Slug/"]
)
def test_an_unknown_chapter_is_a_404_page(api, db, path):
    r = api.get(path)
    assert r.status_code == 404
    assert r["Content-Type"].startswith("text/html")


def test_addresses_without_the_slash_are_the_same_page(api, db):
    slug = content.chapters("ja")[0].slug
    for short, full in [("/guide", "/guide/"), (f"/guide/{slug}", f"/guide/{slug}/")]:
        r = api.get(short)
        assert r.status_code == 200 and r.content == api.get(full).content


def test_the_api_lists_the_chapters_of_each_language(api, db):
    r = api.get("/api/guide")

    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"ja", "en"}
    for lang in LANGS:
        assert body[lang] == [
            {
                "slug": c.slug,
                "title": c.title,
                "summary": c.summary,
                "order": c.order,
                "tools": list(c.tools),
            }
            for c in content.chapters(lang)
        ]
