"""The app shell, the service worker script and the web app manifest.

The shell is one HTML page for every screen of the PWA (/today, /history, /guide/…): the
client router picks the screen. The service worker stores it once for every user, so it
holds no user data and no CSRF token (the app gets its token from GET /api/auth/session).
"""

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.http import require_safe
from pwa import views as pwa_views

from server.web.vite import BuildMissing

ENTRY = "src/main.tsx"


def _no_cache(response: HttpResponse) -> HttpResponse:
    # Revalidate every time: an old shell or worker must never outlive a deploy in a cache.
    patch_cache_control(response, no_cache=True)
    return response


def build_missing(request: HttpRequest, missing: Exception) -> HttpResponse:
    """503, saying to build the PWA (and, in DEBUG, what exactly is missing)."""
    context = {"reason": str(missing), "debug": settings.DEBUG}
    return _no_cache(render(request, "web/build_missing.html", context, status=503))


def page(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    """`template` (the shell, or a page extending it) with the build's tags, never cached."""
    try:
        response = render(request, template, {"entry": ENTRY, **context}, status=status)
    except BuildMissing as missing:
        return build_missing(request, missing)
    return _no_cache(response)


@require_safe
def app_shell(request: HttpRequest) -> HttpResponse:
    return page(request, "web/shell.html", {})


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The built Workbox worker at the site root, so its scope can be "/"."""
    path = Path(settings.PWA_SERVICE_WORKER_PATH)
    if not path.is_file():
        # A 404 makes the browser drop a registration it can no longer update.
        response = HttpResponse(
            "// The PWA is not built: run `make install`.\n",
            status=404,
            content_type="text/javascript; charset=utf-8",
        )
    else:
        response = HttpResponse(path.read_bytes(), content_type="text/javascript; charset=utf-8")
        response["Service-Worker-Allowed"] = "/"
    return _no_cache(response)


@require_safe
def manifest(request: HttpRequest) -> HttpResponse:
    """django-pwa's manifest (from our server/templates/manifest.json), as a manifest."""
    response = pwa_views.manifest(request)
    response["Content-Type"] = "application/manifest+json"
    return response


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Unknown /api/ addresses answer JSON like the rest of the API, never an HTML page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)
