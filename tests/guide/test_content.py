"""The loaders refuse content that breaks content/README.md, naming the file and the field."""

import os
from pathlib import Path

import pytest
import yaml

from server.guide import content, selfcheck
from server.guide.files import ContentError
from tests.guide.conftest import chapter_file


def put(scratch: Path, name: str, text: str, lang: str = "ja") -> Path:
    path = scratch / "guide" / lang / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_scratch_chapter_renders_as_a_page(api, db, scratch):
    put(scratch, "01-first-steps.md", chapter_file(body="## 見出し\n\nはじめの**一歩**です。\n"))

    r = api.get("/guide/first-steps/")

    assert r.status_code == 200
    html = r.content.decode()
    assert "<h2" in html and "見出し</h2>" in html and "<strong>一歩</strong>" in html
    assert api.get("/guide/first-steps/?lang=en").status_code == 404  # no English twin yet


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("本文だけ\n", "must start with a '---' line"),
        ("---\nslug: a\n本文\n", "no closing '---'"),
        ("---\nslug: [a\n---\n本文\n", "not valid YAML"),
        ("---\n- a\n---\n本文\n", "`name: value` lines"),
        (chapter_file().replace("summary: 要約です\n", ""), "missing front matter field 'summary'"),
        (chapter_file().replace("order: 1\n", ""), "missing front matter field 'order'"),
        (chapter_file().replace("title: 最初の一歩", "title: ''"), "title must be a non-empty"),
        (chapter_file().replace("tools:", "tool:"), "unknown front matter field tool"),
        (chapter_file(slug="First_Steps"), "slug 'First_Steps'"),
        (chapter_file(order="first"), "order must be a whole number"),
        (chapter_file(order="true"), "order must be a whole number"),
        (chapter_file(tools="[selfcheck, weekly]"), "unknown tools weekly"),
        (chapter_file(tools="selfcheck"), "tools must be a list"),
        (chapter_file(body=""), "has no text"),
    ],
)
def test_a_broken_chapter_is_refused_by_name(scratch, text, message):
    path = put(scratch, "01-first-steps.md", text)

    with pytest.raises(ContentError) as error:
        content.chapters("ja")

    assert str(path) in str(error.value) and message in str(error.value)


def test_two_chapters_cannot_share_a_slug_or_a_place(scratch):
    put(scratch, "01-a.md", chapter_file(slug="a", order=1))
    put(scratch, "02-b.md", chapter_file(slug="b", order=1))
    with pytest.raises(ContentError, match="order 1 is also used"):
        content.chapters("ja")
    put(scratch, "02-b.md", chapter_file(slug="a", order=2))
    with pytest.raises(ContentError, match="slug 'a' is also used"):
        content.chapters("ja")


def test_chapters_come_in_order_and_an_edit_is_seen_without_a_restart(scratch):
    put(scratch, "01-b.md", chapter_file(slug="b", order=2))
    path = put(scratch, "02-a.md", chapter_file(slug="a", order=1))
    assert [c.slug for c in content.chapters("ja")] == ["a", "b"]
    assert content.neighbours(content.chapter("ja", "a")) == (None, content.chapter("ja", "b"))

    path.write_text(chapter_file(slug="a", order=3, title="書き直し"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))

    assert [(c.slug, c.title) for c in content.chapters("ja")] == [
        ("b", "最初の一歩"),
        ("a", "書き直し"),
    ]


def test_raw_html_in_a_chapter_is_shown_as_text(scratch):
    put(
        scratch, "01-a.md", chapter_file(slug="a", body="<script>alert(1)</script>\n\n文<b>x</b>\n")
    )

    html = content.render(content.chapter("ja", "a"))

    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


def test_a_language_without_chapters_has_an_empty_guide(api, db, scratch):
    r = api.get("/guide/")
    assert r.status_code == 200
    assert content.chapters("en") == ()


# selfcheck.yaml


def questionnaire_with(scratch: Path, change) -> Path:
    path = scratch / "selfcheck.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _set(key, value):
    def change(data):
        if value is None:
            del data[key]
        else:
            data[key] = value

    return change


def _question(n, **fields):
    def change(data):
        data["questions"][n].update(fields)

    return change


def _band(n, **fields):
    def change(data):
        data["bands"][n].update(fields)

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("version", None), "missing field 'version'"),
        (_set("version", 202611), "version must be quoted text"),
        (_set("version", "v" * 21), "version has more than 20"),
        (_set("extra", 1), "unknown field extra"),
        (_set("questions", []), "questions must be a non-empty list"),
        (_set("scale", [{"value": 0, "ja": "a", "en": "b"}]), "the values 0, 1, 2, 3"),
        (_question(0, key="Meetings"), "key must be a-z"),
        (_question(1, key="meetings"), "the key is used twice"),
        (_question(0, area="feeling"), "area must be one of"),
        (_question(0, weight=4), "weight must be in 1..3"),
        (_question(0, weight=0), "weight must be in 1..3"),
        (_question(0, en=""), "en must be a non-empty text"),
        (_band(-1, max=99), "the last band must have max 100"),
        (_band(1, max=10), "max must be in"),
        (_band(0, tools=["weekly"]), "unknown tools weekly"),
        (_band(0, ja={"title": "t"}), "text must be a non-empty text"),
    ],
)
def test_a_broken_questionnaire_is_refused_by_name(scratch, change, message):
    path = questionnaire_with(scratch, change)

    with pytest.raises(ContentError) as error:
        selfcheck.current()

    assert str(path) in str(error.value) and message in str(error.value)


def test_the_questionnaires_bands_point_to_real_chapters_and_cover_every_score():
    questionnaire = selfcheck.current()
    for band in questionnaire.bands:
        for lang in content.languages():
            for slug in band.chapters:
                assert content.chapter(lang, slug), (band.key, lang, slug)
    assert questionnaire.bands[-1].max == 100
    assert [questionnaire.band(s).key for s in (0, 100)] == [
        questionnaire.bands[0].key,
        questionnaire.bands[-1].key,
    ]
    for lower, upper in zip(questionnaire.bands, questionnaire.bands[1:], strict=False):
        assert questionnaire.band(lower.max) == lower
        assert questionnaire.band(lower.max + 1) == upper


def test_score_refuses_unknown_keys_and_answers_out_of_range():
    questionnaire = selfcheck.current()
    key = questionnaire.questions[0].key
    for answers in ({"nope": 1}, {key: 4}, {key: -1}, {key: True}, {key: 1.5}):
        with pytest.raises(ValueError):
            questionnaire.score(answers)
    for score in (-1, 101, 50.0, True):
        with pytest.raises(ValueError):
            questionnaire.band(score)


def test_line_breaks_follow_the_same_rules_as_the_pwa(scratch):
    body = (
        "1. **責任の軽い仕事**\n   任されるのは、\n   定型の作業です。\n\n"
        "日本語の文が\n続きます。\nAn English line\nand the next one  \nafter a hard break\n\n"
        "> 引用の\n> 続き\n"
    )
    put(scratch, "01-a.md", chapter_file(slug="a", body=body))

    html = content.render(content.chapter("ja", "a"))

    assert "<strong>責任の軽い仕事</strong><br>" in html  # a bold title line keeps its break
    assert "任されるのは、定型の作業です。" in html  # Japanese lines join with nothing
    assert "日本語の文が続きます。 An English line and the next one<br>" in html
    assert "<p>引用の続き</p>" in html
