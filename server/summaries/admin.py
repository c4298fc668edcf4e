"""Summaries for staff to inspect; the only change allowed is sending failed ones again."""

from django.contrib import admin, messages

from server.lib.admin import ReadOnlyAdmin, pretty_json
from server.summaries import services
from server.summaries.models import MonthlySummary


@admin.register(MonthlySummary)
class MonthlySummaryAdmin(ReadOnlyAdmin):
    list_display = ("month", "user", "status", "attempts", "sent_at", "updated_at")
    list_filter = ("status", "month")
    list_select_related = ("user",)
    search_fields = ("user__email",)
    date_hierarchy = "month"
    ordering = ("-month", "-updated_at")
    actions = ["resend"]
    fields = (
        "user",
        "month",
        "status",
        "attempts",
        "last_error",
        "sent_at",
        "created_at",
        "updated_at",
        "figures_json",
    )
    readonly_fields = fields

    def has_resend_permission(self, request) -> bool:
        return request.user.has_perm("summaries.change_monthlysummary")

    @admin.display(description="figures")
    def figures_json(self, obj: MonthlySummary) -> str:
        return pretty_json(obj.figures)

    @admin.action(description="Send the selected failed summaries again", permissions=["resend"])
    def resend(self, request, queryset) -> None:
        ids = services.summaries_resend_failed(
            summary_ids=list(queryset.values_list("pk", flat=True))
        )
        skipped = queryset.count() - len(ids)
        self.message_user(request, f"{len(ids)} failed summaries queued again.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request, f"{skipped} were not failed and were left alone.", messages.WARNING
            )
