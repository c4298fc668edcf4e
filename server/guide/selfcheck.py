"""The self-check questionnaire (CONTENT_DIR/selfcheck.yaml): its version, score and bands.

The score formula is the one in content/README.md, in integers only, so the PWA (which
bundles the same file) and the server always agree; content/selfcheck_cases.json holds the
vectors both sides test against.
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings

from server.guide import content, files
from server.guide.files import ContentError
from server.guide.tools import TOOLS

KEY = re.compile(r"^[a-z][a-z0-9_]*$")
AREAS = ("sign", "element", "cause")
ANSWERS = (0, 1, 2, 3)
# The stored record's limits (journal.SelfCheck.questionnaire, the answers Mapping).
MAX_VERSION_LENGTH = 20
MAX_QUESTIONS = 40
MAX_KEY_LENGTH = 40


@dataclass(frozen=True)
class Question:
    key: str
    area: str
    weight: int
    text: dict[str, str]  # by language


@dataclass(frozen=True)
class Band:
    key: str
    max: int  # inclusive
    title: dict[str, str]
    text: dict[str, str]
    chapters: tuple[str, ...]
    tools: tuple[str, ...]


@dataclass(frozen=True)
class Questionnaire:
    version: str
    scale: tuple[dict[str, str], ...]  # the label of each answer 0..3, by language
    questions: tuple[Question, ...]
    bands: tuple[Band, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(q.key for q in self.questions)

    def score(self, answers: dict[str, int]) -> int:
        """0..100: S = sum(weight * answer), W = 3 * sum(weight); (200*S + W) // (2*W), half up."""
        weights = {q.key: q.weight for q in self.questions}
        unknown = sorted(set(answers) - set(weights))
        if unknown:
            raise ValueError(f"not a question of {self.version}: {', '.join(unknown)}")
        total = 0
        for key, answer in answers.items():
            if isinstance(answer, bool) or not isinstance(answer, int) or answer not in ANSWERS:
                raise ValueError(f"{key}: an answer is a whole number 0..3, not {answer!r}")
            total += weights[key] * answer
        most = 3 * sum(weights.values())
        return (200 * total + most) // (2 * most)

    def band(self, score: int) -> Band:
        """The band a score falls in: the first whose `max` is at least the score."""
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100:
            raise ValueError(f"a score is a whole number 0..100, not {score!r}")
        return next(b for b in self.bands if score <= b.max)


def path() -> Path:
    return Path(settings.CONTENT_DIR) / "selfcheck.yaml"


def current() -> Questionnaire:
    """The questionnaire in use now (re-read only when the file changes)."""
    return _load(files.stamp([path()]))


def version() -> str:
    return current().version


def score(answers: dict[str, int]) -> int:
    return current().score(answers)


def band(score: int) -> Band:
    return current().band(score)


@functools.lru_cache(maxsize=4)
def _load(stamp: tuple) -> Questionnaire:
    ((where, _mtime, _size),) = stamp
    try:
        data = yaml.safe_load(Path(where).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError(f"{where}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ContentError(f"{where}: expected version, scale, questions and bands")
    for name in ("version", "scale", "questions", "bands"):
        if name not in data:
            raise ContentError(f"{where}: missing field '{name}'")
    unknown = sorted(map(str, set(data) - {"version", "scale", "questions", "bands"}))
    if unknown:
        raise ContentError(f"{where}: unknown field {', '.join(unknown)}")
    version = data["version"]
    if not isinstance(version, str):
        # `version: 2026-11` without quotes is a date or a number to YAML: ask for quotes.
        raise ContentError(f'{where}: version must be quoted text, like "2026-11"')
    return Questionnaire(
        version=files.text(version, where, "version", max_length=MAX_VERSION_LENGTH),
        scale=_scale(data["scale"], where),
        questions=_questions(data["questions"], where),
        bands=_bands(data["bands"], where),
    )


def _list(value, where: str, name: str) -> list:
    if not isinstance(value, list) or not value:
        raise ContentError(f"{where}: {name} must be a non-empty list")
    for n, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise ContentError(f"{where}: {name} item {n} must be `name: value` pairs")
    return value


def _texts(item: dict, where: str) -> dict[str, str]:
    return {lang: files.text(item.get(lang), where, lang) for lang in content.languages()}


def _scale(value, where: str) -> tuple[dict[str, str], ...]:
    items = _list(value, where, "scale")
    if [item.get("value") for item in items] != list(ANSWERS):
        raise ContentError(f"{where}: the scale must list the values 0, 1, 2, 3 in order")
    return tuple(_texts(item, f"{where}: scale {item['value']}") for item in items)


def _questions(value, where: str) -> tuple[Question, ...]:
    items = _list(value, where, "questions")
    if len(items) > MAX_QUESTIONS:
        raise ContentError(f"{where}: at most {MAX_QUESTIONS} questions (a record holds no more)")
    out: list[Question] = []
    for n, item in enumerate(items, 1):
        at = f"{where}: question {n}"
        key = item.get("key")
        if not isinstance(key, str) or not KEY.match(key) or len(key) > MAX_KEY_LENGTH:
            raise ContentError(f"{at}: key must be a-z, 0-9 and _ (starting with a letter)")
        at = f"{where}: question {key}"
        if any(q.key == key for q in out):
            raise ContentError(f"{at}: the key is used twice")
        if item.get("area") not in AREAS:
            raise ContentError(f"{at}: area must be one of {', '.join(AREAS)}")
        out.append(
            Question(
                key=key,
                area=item["area"],
                weight=files.whole(item.get("weight"), at, "weight", low=1, high=3),
                text=_texts(item, at),
            )
        )
    return tuple(out)


def _bands(value, where: str) -> tuple[Band, ...]:
    items = _list(value, where, "bands")
    out: list[Band] = []
    for n, item in enumerate(items, 1):
        key = item.get("key")
        at = f"{where}: band {key or n}"
        if not isinstance(key, str) or not KEY.match(key) or any(b.key == key for b in out):
            raise ContentError(f"{at}: key must be a unique a-z, 0-9 and _ name")
        low = out[-1].max + 1 if out else 0
        top = files.whole(item.get("max"), at, "max", low=low, high=100)
        title, text = {}, {}
        for lang in content.languages():
            words = item.get(lang)
            if not isinstance(words, dict):
                raise ContentError(f"{at}: {lang} must hold a title and a text")
            title[lang] = files.text(words.get("title"), f"{at} {lang}", "title")
            text[lang] = files.text(words.get("text"), f"{at} {lang}", "text")
        chapters = item.get("chapters") or []
        if not isinstance(chapters, list) or not all(
            isinstance(s, str) and content.SLUG.match(s) for s in chapters
        ):
            raise ContentError(f"{at}: chapters must be a list of chapter slugs")
        out.append(
            Band(
                key=key,
                max=top,
                title=title,
                text=text,
                chapters=tuple(chapters),
                tools=files.keys(item.get("tools"), at, "tools", TOOLS),
            )
        )
    if out[-1].max != 100:
        raise ContentError(f"{where}: the last band must have max 100")
    return tuple(out)
