from django.urls import path

from server.web import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("reset/done/", views.password_reset_done, name="password-reset-done"),
    path(
        "reset/<str:uidb64>/<str:token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-page",
    ),
]
