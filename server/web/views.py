from django.contrib.auth import views as auth_views
from django.http import HttpRequest, JsonResponse
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache

from server.accounts import selectors as account_selectors
from server.accounts import services as account_services
from server.accounts.forms import NewPasswordForm
from server.web import health


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    parts = health.check()
    healthy = all(parts.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "failing",
            "checks": {name: "ok" if up else "unreachable" for name, up in parts.items()},
        },
        status=200 if healthy else 503,
    )


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The page a reset email links to; works without JavaScript. Django's view moves the
    token from the address into her session and redirects to …/set-password/, so the token
    leaves the address bar, the history and any Referer. A bad link still shows the form
    (the page looks the same either way) and says so when it is sent: 400, as a refused
    password is."""

    form_class = NewPasswordForm
    template_name = "web/password_reset_confirm.html"
    success_url = reverse_lazy("password-reset-done")
    http_method_names = ["get", "post"]

    def get_user(self, uidb64: str):
        return account_selectors.reset_link_user(uid=uidb64)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        if not self.validlink:
            sent = self.request.method == "POST"
            context["errors"] = [account_services.INVALID_RESET_LINK] if sent else []
        else:
            errors = context["form"].errors.values()
            context["errors"] = [message for messages in errors for message in messages]
        return context

    def render_to_response(self, context: dict, **response_kwargs):
        response_kwargs.setdefault("status", 400 if context["errors"] else 200)
        return super().render_to_response(context, **response_kwargs)


password_reset_done = auth_views.PasswordResetCompleteView.as_view(
    template_name="web/password_reset_done.html"
)
