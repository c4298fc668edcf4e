from django.urls import path

from server.guide import views

urlpatterns = [
    path("api/guide", views.chapters_api, name="api-guide"),
    path("api/tools/earnings-gap", views.earnings_gap_api, name="api-earnings-gap"),
]
