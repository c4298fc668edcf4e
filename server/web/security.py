"""Security headers that Django 5.2 does not send itself: Content-Security-Policy and
Permissions-Policy, built from settings.SECURE_CSP and settings.PERMISSIONS_POLICY.

Django's SecurityMiddleware already sends HSTS (when HTTPS), nosniff, Referrer-Policy and
Cross-Origin-Opener-Policy. This middleware sits right after it, before WhiteNoise, so static
files (which WhiteNoise answers before the rest of the chain runs) carry the policy too, and
X-Frame-Options for them, which Django's XFrameOptionsMiddleware never sees. A view that sets
its own header keeps it.
"""

from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def csp_header(directives: Mapping[str, Sequence[str]]) -> str:
    """`{"script-src": ["'self'"]}` → `script-src 'self'` (directives joined by "; ")."""
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def permissions_header(features: Mapping[str, Sequence[str]]) -> str:
    """`{"camera": [], "web-share": ["self"]}` → `camera=(), web-share=(self)`."""
    return ", ".join(f"{name}=({' '.join(allowed)})" for name, allowed in features.items())


def _is_debug_error_page(response: HttpResponse) -> bool:
    # Django's own technical 404/500 pages (DEBUG only) are styled inline; let them render.
    return (
        settings.DEBUG
        and response.status_code in (404, 500)
        and response.get("Content-Type", "").startswith("text/html")
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        csp = getattr(settings, "SECURE_CSP", None)
        if csp and not _is_debug_error_page(response):
            response.headers.setdefault("Content-Security-Policy", csp_header(csp))
        features = getattr(settings, "PERMISSIONS_POLICY", None)
        if features:
            response.headers.setdefault("Permissions-Policy", permissions_header(features))
        if not getattr(response, "xframe_options_exempt", False):
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response
