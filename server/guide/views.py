"""The guide as server-rendered pages (readable without JavaScript) and two small JSON APIs."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from server.guide import content, earnings
from server.guide.serializers import (
    ChapterSerializer,
    EarningsGapSerializer,
    EarningsQuerySerializer,
)
from server.guide.tools import TOOLS
from server.lib import api


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


def _page(request: HttpRequest, template: str, path: str, context) -> HttpResponse:
    """Render in the page's language, with canonical, hreflang and language-switch links.

    `context(lang, keep)` builds the page's own context; `keep` is the language to carry in
    links to other guide pages when the visitor's link named one.
    """
    lang, explicit = _language(request)
    site = settings.SITE_URL
    others = [code for code in content.languages() if code != lang]
    context = {
        **context(lang, lang if explicit else ""),
        "canonical": f"{site}{path}?lang={lang}",
        "alternates": [(code, f"{site}{path}?lang={code}") for code in content.languages()],
        "x_default": f"{site}{path}",
        "switch": [
            (code, translation.get_language_info(code)["name_local"], f"{path}?lang={code}")
            for code in others
        ],
    }
    with translation.override(lang):
        response = render(request, template, context)
    response.headers["Content-Language"] = lang
    return response


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    def context(lang: str, keep: str) -> dict:
        items = [(c, content.with_lang(c.url, keep)) for c in content.chapters(lang)]
        return {"chapters": items}

    return _page(request, "guide/index.html", "/guide/", context)


@require_safe
def chapter(request: HttpRequest, slug: str) -> HttpResponse:
    def context(lang: str, keep: str) -> dict:
        item = content.chapter(lang, slug)
        if item is None:
            raise Http404
        before, after = content.neighbours(item)
        return {
            "chapter": item,
            # Markdown from our own content/, with raw HTML switched off (see content.render).
            "body": mark_safe(content.render(item, lang_query=keep)),  # noqa: S308
            "tools": [TOOLS[key] for key in item.tools],
            "index_url": content.with_lang("/guide/", keep),
            "previous": before and (before, content.with_lang(before.url, keep)),
            "next": after and (after, content.with_lang(after.url, keep)),
        }

    return _page(request, "guide/chapter.html", f"/guide/{slug}/", context)


@extend_schema(
    responses=inline_serializer(
        "GuideChapters",
        {code: ChapterSerializer(many=True) for code, _name in settings.LANGUAGES},
    )
)
@api_view(["GET"])
@permission_classes([AllowAny])
def chapters_api(request: Request) -> Response:
    """The table of contents in every language (the PWA bundles the chapters themselves)."""
    return Response(
        {
            lang: ChapterSerializer(content.chapters(lang), many=True).data
            for lang in content.languages()
        }
    )


# Public like the guide: it stores nothing and reads no user data, and someone deciding
# whether to sign up is exactly who wants the number.
@extend_schema(
    parameters=[EarningsQuerySerializer],
    responses={
        200: EarningsGapSerializer,
        400: api.field_errors("An input is missing or out of range."),
    },
)
@api_view(["GET"])
@permission_classes([AllowAny])
def earnings_gap_api(request: Request) -> Response:
    """The earnings gap for the inputs in the query string, in whole yen."""
    query = EarningsQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return Response(earnings.earnings_gap(**query.validated_data).rounded())
