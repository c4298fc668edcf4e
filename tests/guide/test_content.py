"""The server reads the guide the PWA build rendered (guide.json), with no renderer of its
own; the self-check loader refuses content that breaks content/README.md, naming the file
and the field. (The chapters' own rules are checked by the build: frontend/tests/unit/.)"""

import os
from pathlib import Path

import pytest
import yaml

from server.guide import content, selfcheck
from server.guide.files import ContentError
from tests.guide.conftest import Page, built_chapter, write_guide


def test_the_pages_show_the_html_the_build_wrote_not_a_rendering_of_their_own(api, db, scratch):
    # Markdown that no renderer would turn into this HTML: the page can only have read it.
    html = "<h2>ビルドの見出し</h2>\n<p>はじめの<strong>一歩</strong>です。<br>\n次の行</p>\n"
    write_guide(scratch / "build", built_chapter(html=html))

    r = api.get("/guide/first-steps/")

    assert r.status_code == 200
    assert html in r.content.decode()
    assert "ビルドの見出し" in Page(r.content.decode()).text
    assert api.get("/guide/first-steps/?lang=en").status_code == 404  # no English twin yet


def test_chapters_come_in_the_builds_order_and_a_rebuild_is_seen_without_a_restart(scratch):
    path = write_guide(
        scratch / "build", built_chapter(slug="a", order=1), built_chapter(slug="b", order=2)
    )
    assert [c.slug for c in content.chapters("ja")] == ["a", "b"]
    assert content.neighbours(content.chapter("ja", "a")) == (None, content.chapter("ja", "b"))
    assert content.chapter("ja", "a").steps[0] == content.Step("a-step", "一歩", "once", None)

    write_guide(scratch / "build", built_chapter(slug="b", order=1, title="書き直し"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))

    assert [(c.slug, c.title) for c in content.chapters("ja")] == [("b", "書き直し")]


def test_a_missing_or_foreign_guide_file_is_refused_by_name(api, db, scratch):
    path = scratch / "build" / "guide.json"
    path.write_text('{"ja": [{"slug": "a"}]}', encoding="utf-8")
    with pytest.raises(ContentError, match="is not a guide the build wrote"):
        content.chapters("ja")

    path.unlink()
    with pytest.raises(ContentError) as error:
        content.chapters("ja")
    assert str(path) in str(error.value) and "make install" in str(error.value)
    r = api.get("/guide/")
    assert r.status_code == 503 and "make install" in r.content.decode()


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
