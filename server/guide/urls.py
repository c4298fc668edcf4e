from django.urls import path, re_path
from django.views.generic import RedirectView

from server.guide import views

urlpatterns = [
    path("guide/", views.index, name="guide"),
    path("guide/<slug:slug>/", views.chapter, name="guide-chapter"),
    # Without the slash the app shell's catch-all would answer: send it to the page instead.
    path("guide", RedirectView.as_view(url="/guide/", query_string=True)),
    re_path(
        r"^guide/(?P<slug>[-a-zA-Z0-9_]+)$",
        RedirectView.as_view(url="/guide/%(slug)s/", query_string=True),
    ),
    path("api/guide", views.chapters_api, name="api-guide"),
    path("api/tools/earnings-gap", views.earnings_gap_api, name="api-earnings-gap"),
]
