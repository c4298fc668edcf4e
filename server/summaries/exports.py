"""Her monthly summaries as a section of the journal's export (registered in apps.ready).

The journal does not know summaries; summaries, above it, adds its part here.
"""

from django.utils.translation import pgettext_lazy

from server.journal.exports import local_time, register_section
from server.summaries.models import MonthlySummary

HEADERS = (
    pgettext_lazy("export column", "Month"),
    pgettext_lazy("export column", "Email status"),
    pgettext_lazy("export column", "Sent"),
    pgettext_lazy("export column", "Figures"),
)


def summaries(user) -> list[dict]:
    """Every stored summary of hers, oldest month first: month, email status and figures."""
    rows = MonthlySummary.objects.filter(user=user).order_by("month")
    return [
        {
            "month": row.month_key,
            "status": row.status,
            "sent_at": row.sent_at.isoformat() if row.sent_at else None,
            "created_at": row.created_at.isoformat(),
            "figures": row.figures,
        }
        for row in rows
    ]


def summaries_table(user) -> tuple[list[str], list[list]]:
    rows = [
        [item["month"], item["status"], local_time(item["sent_at"], user.zone), item["figures"]]
        for item in summaries(user)
    ]
    return [str(h) for h in HEADERS], rows


register_section("summaries", summaries, summaries_table)
