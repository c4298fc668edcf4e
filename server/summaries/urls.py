from django.urls import path, re_path

from server.summaries import views

urlpatterns = [
    path("api/summaries", views.SummaryListView.as_view(), name="api-summaries"),
    re_path(
        r"^api/summaries/(?P<month>\d{4}-\d{2})$",
        views.SummaryDetailView.as_view(),
        name="api-summary",
    ),
    path("email/unsubscribe/<str:token>/", views.unsubscribe, name="summaries-unsubscribe"),
]
