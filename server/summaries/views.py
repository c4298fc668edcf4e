"""The PWA's summaries API, and the one-click unsubscribe page linked from every email."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from server.accounts.models import User
from server.lib import months
from server.summaries import presenter, services, tokens
from server.summaries.models import MonthlySummary
from server.summaries.selectors import summaries as selectors
from server.summaries.serializers import SummaryListItemSerializer, SummarySerializer


def _own_summary(user, month_key: str) -> MonthlySummary:
    """Her summary of the month, or 404 (another user's is never found)."""
    month = months.parse_key(month_key)
    summary = None if month is None else selectors.one_for_user(user=user, month=month)
    if summary is None:
        raise Http404
    return summary


def _item(summary: MonthlySummary) -> dict:
    return {
        "month": summary.month_key,
        "status": summary.status,
        "sent_at": summary.sent_at,
        "headline": presenter.headline(summary.figures),
    }


class SummaryListView(APIView):
    @extend_schema(responses=SummaryListItemSerializer(many=True))
    def get(self, request):
        rows = selectors.for_user(user=request.user)
        return Response(SummaryListItemSerializer([_item(s) for s in rows], many=True).data)


class SummaryDetailView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "month",
                str,
                OpenApiParameter.PATH,
                pattern=r"^\d{4}-\d{2}$",
                description="YYYY-MM; a month with no summary of hers is 404",
            )
        ],
        responses=SummarySerializer,
    )
    def get(self, request, month: str):
        summary = _own_summary(request.user, month)
        lang = translation.get_language()
        body = {
            **_item(summary),
            "figures": summary.figures,
            "next_step": presenter.next_step(summary.figures, lang),
        }
        return Response(SummarySerializer(body).data)


# The token is the authentication, and mail clients POST here with no cookie or CSRF token
# (RFC 8058 one-click), so CSRF is off; GET only shows the confirm page and changes nothing.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        if request.method == "POST":
            user = services.monthly_email_off(token=token)
        else:
            user = selectors.token_user(token=token)
    except tokens.BadToken:
        return render(request, "summaries/unsubscribe_invalid.html", status=400)
    except User.DoesNotExist:
        return render(request, "summaries/unsubscribe_invalid.html", status=404)
    template = "unsubscribe_done" if request.method == "POST" else "unsubscribe"
    with translation.override(user.language):
        response = render(request, f"summaries/{template}.html", {"email": user.email})
    response.headers["Content-Language"] = user.language
    return response
