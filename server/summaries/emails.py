"""The monthly summary email: rendered from the stored figures in the user's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from server.lib.emails import make_message
from server.summaries import presenter, tokens


def unsubscribe_url(user_id: int) -> str:
    return settings.SITE_URL + reverse("summaries-unsubscribe", args=[tokens.make(user_id)])


def monthly_summary(summary, *, user) -> None:
    """Send `summary` to its user, with a one-click unsubscribe (RFC 8058)."""
    unsubscribe = unsubscribe_url(user.pk)
    links = {
        "app_url": f"{settings.SITE_URL}/summaries/{summary.month_key}",
        "settings_url": f"{settings.SITE_URL}/settings",
        "unsubscribe_url": unsubscribe,
    }
    with translation.override(user.language):
        ctx = presenter.email_context(summary.figures, user=user, lang=user.language, links=links)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    make_message("monthly-summary", user.email, ctx, language=user.language, headers=headers).send()
