from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView

from server.web import guide, paths, shell
from server.web.api_docs import ApiDocsView

handler404 = shell.not_found

urlpatterns = [
    path("", include("server.guide.urls")),  # /api/guide, /api/tools/…
    path("api/auth/", include("server.accounts.urls")),
    path("api/sync/", include("server.sync.urls")),
    path("api/", include("server.journal.urls")),  # reports, export, import
    path("", include("server.summaries.urls")),  # /api/summaries…, /email/unsubscribe/…
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", ApiDocsView.as_view(url_name="schema"), name="api-docs"),
    path(settings.ADMIN_URL, admin.site.urls),  # under admin/ (see settings.ADMIN_URL)
    # django-pwa's manifest; the worker is our Workbox build, served uncached at the root.
    # (django-pwa's own /offline/ page is not mounted: offline, the worker serves the shell.)
    path("manifest.json", shell.manifest, name="manifest"),
    path("serviceworker.js", shell.service_worker, name="serviceworker"),
    path("favicon.ico", RedirectView.as_view(url="/static/web/icons/favicon-32.png")),
    path("", include("server.web.urls")),
    # The guide is the PWA's (it reads offline): the shell, with the chapter for no-JS readers.
    path("guide", guide.index, name="guide"),
    path("guide/", guide.index),
    re_path(r"^guide/(?P<slug>[^/]+)/?$", guide.chapter, name="guide-chapter"),
    # Every other address is a screen of the PWA: the client router draws it, so new
    # screens need no server change. The server's own addresses are one list (web/paths.py),
    # which the PWA's router and service worker import too.
    re_path(paths.shell_route(), shell.app_shell, name="app-shell"),
]
