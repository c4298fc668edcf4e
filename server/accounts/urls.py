from django.urls import path

from server.accounts import views, views_account

urlpatterns = [
    path("session", views.SessionView.as_view(), name="auth-session"),
    path("signup", views.SignupView.as_view(), name="auth-signup"),
    path("login", views.LoginView.as_view(), name="auth-login"),
    path("logout", views.LogoutView.as_view(), name="auth-logout"),
    path("profile", views.ProfileView.as_view(), name="auth-profile"),
    path("password", views.PasswordChangeView.as_view(), name="auth-password"),
    path("account", views_account.AccountView.as_view(), name="auth-account"),
    path("password-reset", views.PasswordResetView.as_view(), name="auth-password-reset"),
    path(
        "password-reset/confirm",
        views.PasswordResetConfirmView.as_view(),
        name="auth-password-reset-confirm",
    ),
]
