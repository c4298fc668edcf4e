from django.urls import path

from server.web import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("reset/<str:uid>/<str:token>/", views.password_reset_confirm, name="password-reset-page"),
]
