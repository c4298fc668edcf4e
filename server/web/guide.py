"""The guide's addresses (/guide/, /guide/<slug>): screens of the PWA, which owns the guide
so that it reads offline. The server answers them with the app shell, plus the page the
build rendered (guide.json, see server/guide/content.py) inside <noscript>: a reader without
JavaScript, or a crawler, still reads every chapter, with canonical and hreflang links.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from server.guide import content
from server.guide.files import ContentError
from server.guide.tools import TOOLS
from server.web import shell


def _language(request: HttpRequest) -> tuple[str, bool]:
    """The page's language, and whether the link asked for it (?lang=) rather than negotiated.

    Negotiated means LocaleMiddleware's answer: the profile's language when signed in,
    Accept-Language otherwise, Japanese by default.
    """
    codes = content.languages()
    asked = request.GET.get("lang", "")
    if asked in codes:
        return asked, True
    current = translation.get_language()
    return (current if current in codes else settings.LANGUAGE_CODE), False


def _with_lang(href: str, keep: str) -> str:
    """`href` with ?lang=<keep> when the visitor's link named a language."""
    return f"{href}?lang={keep}" if keep else href


def _page(request: HttpRequest, template: str, path: str, context) -> HttpResponse:
    """The shell in the page's language, with canonical, hreflang and language-switch links.

    `context(lang, keep)` gives the page's own context and status; `keep` is the language to
    carry in links to other guide pages when the visitor's link named one.
    """
    lang, explicit = _language(request)
    site = settings.SITE_URL
    try:
        own, status = context(lang, lang if explicit else "")
    except ContentError as missing:  # no guide.json: the PWA is not built
        return shell.build_missing(request, missing)
    codes = content.languages()
    own |= {
        "canonical": f"{site}{path}?lang={lang}",
        "alternates": [(code, f"{site}{path}?lang={code}") for code in codes],
        "x_default": f"{site}{path}",
        "switch": [
            (code, translation.get_language_info(code)["name_local"], f"{path}?lang={code}")
            for code in codes
            if code != lang
        ],
    }
    with translation.override(lang):
        response = shell.page(request, template, own, status)
    response.headers["Content-Language"] = lang
    return response


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    def context(lang: str, keep: str) -> tuple[dict, int]:
        items = [(c, _with_lang(c.url, keep)) for c in content.chapters(lang)]
        return {"chapters": items}, 200

    return _page(request, "guide/index.html", "/guide/", context)


@require_safe
def chapter(request: HttpRequest, slug: str) -> HttpResponse:
    def context(lang: str, keep: str) -> tuple[dict, int]:
        item = content.chapter(lang, slug)
        if item is None:
            # The PWA draws its own "no such chapter" screen; the status tells a crawler.
            return {"index_url": _with_lang("/guide/", keep)}, 404
        before, after = content.neighbours(item)
        return {
            "chapter": item,
            # Rendered by the build from our own content/, raw HTML switched off.
            "body": mark_safe(item.html),  # noqa: S308
            "tools": [TOOLS[key] for key in item.tools],
            "index_url": _with_lang("/guide/", keep),
            "previous": before and (before, _with_lang(before.url, keep)),
            "next": after and (after, _with_lang(after.url, keep)),
        }, 200

    return _page(request, "guide/chapter.html", f"/guide/{slug}/", context)
