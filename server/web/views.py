from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from server.accounts import services as account_services
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


@never_cache
@require_http_methods(["GET", "POST"])
def password_reset_confirm(request: HttpRequest, uid: str, token: str) -> HttpResponse:
    """The page a reset email links to; works without JavaScript."""
    errors: list[str] = []
    if request.method == "POST":
        password = request.POST.get("password", "")
        if password != request.POST.get("password2", ""):
            errors.append(_("The two passwords do not match."))
        else:
            try:
                account_services.password_reset_confirm(uid=uid, token=token, password=password)
            except ValidationError as exc:
                errors = [m for messages in exc.message_dict.values() for m in messages]
            else:
                return render(request, "web/password_reset_done.html")
    status = 400 if errors else 200
    return render(request, "web/password_reset_confirm.html", {"errors": errors}, status=status)
