"""The guide's chapters: CONTENT_DIR/guide/<lang>/NN-slug.md, YAML front matter and Markdown.

Loaded on first use and again only when a file changes (see files.stamp), validated as a
whole: a chapter that breaks a rule of content/README.md raises ContentError naming the file
and the field, rather than rendering half a guide.
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from xml.etree.ElementTree import Element

import markdown
import yaml
from django.conf import settings
from markdown.extensions import Extension
from markdown.extensions.toc import slugify_unicode
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from server.guide import files
from server.guide.files import ContentError
from server.guide.tools import TOOLS

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("slug", "title", "summary", "order")
OPTIONAL = ("tools",)


@dataclass(frozen=True)
class Chapter:
    lang: str
    slug: str
    title: str
    summary: str
    order: int
    tools: tuple[str, ...]
    body: str  # Markdown
    path: Path

    @property
    def url(self) -> str:
        return f"/guide/{self.slug}/"


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def chapters(lang: str) -> tuple[Chapter, ...]:
    """Every chapter of a language, in table-of-contents order."""
    if lang not in languages():
        raise ValueError(f"unknown language {lang!r}")
    paths = sorted((Path(settings.CONTENT_DIR) / "guide" / lang).glob("*.md"))
    return _load(lang, files.stamp(paths))


def chapter(lang: str, slug: str) -> Chapter | None:
    return next((c for c in chapters(lang) if c.slug == slug), None)


def neighbours(item: Chapter) -> tuple[Chapter | None, Chapter | None]:
    """The chapters before and after `item` in its language's table of contents."""
    items = chapters(item.lang)
    at = items.index(item)
    return (items[at - 1] if at > 0 else None, items[at + 1] if at + 1 < len(items) else None)


@functools.lru_cache(maxsize=8)
def _load(lang: str, stamp: tuple) -> tuple[Chapter, ...]:
    items = [parse(Path(path), lang) for path, _mtime, _size in stamp]
    for attr in ("slug", "order"):
        seen: dict = {}
        for item in items:
            value = getattr(item, attr)
            if value in seen:
                raise ContentError(f"{item.path}: {attr} {value!r} is also used by {seen[value]}")
            seen[value] = item.path
    return tuple(sorted(items, key=lambda c: c.order))


def parse(path: Path, lang: str) -> Chapter:
    """One chapter file: `---`, the front matter in YAML, `---`, then the Markdown body."""
    lines = path.read_text(encoding="utf-8").lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if lines[0].strip() != "---":
        raise ContentError(f"{path}: the file must start with a '---' line and the front matter")
    end = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), None)
    if end is None:
        raise ContentError(f"{path}: the front matter has no closing '---' line")
    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: the front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise ContentError(f"{path}: the front matter must be `name: value` lines")
    unknown = sorted(set(meta) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise ContentError(f"{path}: unknown front matter field {', '.join(map(str, unknown))}")
    for name in REQUIRED:
        if name not in meta:
            raise ContentError(f"{path}: missing front matter field '{name}'")
    where = str(path)
    slug = files.text(meta["slug"], where, "slug")
    if not SLUG.match(slug):
        raise ContentError(f"{path}: slug {slug!r} may hold only a-z, 0-9 and single hyphens")
    body = "\n".join(lines[end + 1 :]).strip()
    if not body:
        raise ContentError(f"{path}: the chapter has no text after the front matter")
    return Chapter(
        lang=lang,
        slug=slug,
        title=files.text(meta["title"], where, "title", max_length=200),
        summary=files.text(meta["summary"], where, "summary", max_length=400),
        order=files.whole(meta["order"], where, "order", low=0),
        tools=files.keys(meta.get("tools"), where, "tools", TOOLS),
        body=body,
        path=path,
    )


@functools.lru_cache(maxsize=256)
def render(item: Chapter, *, lang_query: str = "") -> str:
    """The chapter body as HTML. With `lang_query`, links to other chapters keep ?lang=.

    The PWA renders the same files with its own small reader (frontend/src/guide/markdown.ts)
    and both must show the same thing: no tables, raw HTML shown as text, line breaks as
    _LineBreaks says.
    """
    md = markdown.Markdown(
        extensions=["sane_lists", "fenced_code", "toc", _GuideLinks(lang_query=lang_query)],
        extension_configs={"toc": {"slugify": slugify_unicode}},
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md.convert(item.body)


def with_lang(href: str, lang_query: str) -> str:
    """`href` with ?lang=<lang_query> added (any other query and the fragment kept)."""
    if not lang_query:
        return href
    parts = urlsplit(href)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "lang"] + [("lang", lang_query)]
    return urlunsplit(parts._replace(query=urlencode(query)))


# The PWA reader's rules (frontend/src/guide/markdown.ts), kept in step with it.
_STARTS_BLOCK = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$|>|```|~~~)")
_ITEM = re.compile(r"^ *(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_ONE_LINE = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$|```|~~~)")
_QUOTE = re.compile(r"^ {0,3}> ?")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?!\s).*\S\1$")
_HARD_BREAK = re.compile(r"( {2,}|\\)$")
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


class _LineBreaks(Preprocessor):
    """Lines of one paragraph become one line, as in the PWA, with two exceptions that stay
    line breaks: a line ending in two spaces (or a backslash), and a line bold from end to
    end (a small title: `1. **Title**`, its explanation on the next line). Japanese lines
    join with nothing between them; a space would show as a gap mid-sentence.
    """

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fenced = False
        raw = ""  # the previous line as written (out[-1] may hold several joined)
        for line in lines:
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            after = None if fenced or not out else _continuation(raw, line)
            if after is None:
                out.append(line)
            elif _HARD_BREAK.search(raw):
                out[-1] = out[-1].rstrip(" \\") + "  "
                out.append(line)
            elif _BOLD_LINE.match(_ITEM.sub("", _QUOTE.sub("", raw, count=1), count=1).strip()):
                out[-1] = out[-1].rstrip() + "  "
                out.append(line)
            else:
                before = out[-1].rstrip()
                cjk = _CJK.match(before[-1]) and _CJK.match(after[0])
                out[-1] = before + ("" if cjk else " ") + after
            raw = line
        return out


def _continuation(previous: str, line: str) -> str | None:
    """The text `line` adds to the paragraph `previous` ends, or None if it starts a block."""
    if not previous.strip() or not line.strip() or _ONE_LINE.match(previous):
        return None
    if _QUOTE.match(previous) and _QUOTE.match(line):
        line = _QUOTE.sub("", line, count=1)  # the next line of the same quote
    if not line.strip() or _STARTS_BLOCK.match(line) or _ITEM.match(line):
        return None
    return line.lstrip()  # trailing spaces may mark a hard break


class _LinkTreeprocessor(Treeprocessor):
    def __init__(self, md, lang_query: str) -> None:
        super().__init__(md)
        self.lang_query = lang_query

    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith("/guide/"):
                link.set("href", with_lang(href, self.lang_query))
            elif href.startswith(("http://", "https://")):
                link.set("rel", "noopener noreferrer")


class _GuideLinks(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"lang_query": ["", "the language to keep in links between chapters"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        lang_query = self.getConfig("lang_query")
        md.preprocessors.register(_LineBreaks(md), "guide_line_breaks", 15)
        md.treeprocessors.register(_LinkTreeprocessor(md, lang_query), "guide_links", 1)
