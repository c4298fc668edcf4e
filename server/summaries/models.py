"""A user's monthly summary: the figures computed once, and the state of its email."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from server.lib import months


class MonthlySummary(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("not sent (email off)")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text="The first day of the month summed up.")
    # Data, not text: the email and the app render it in the reader's language.
    figures = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Set by the services (update() skips auto_now); the planner stamps the rows it creates.
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "monthly summary"
        verbose_name_plural = "monthly summaries"
        constraints = [
            models.UniqueConstraint(fields=["user", "month"], name="summaries_user_month"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="summaries_month_day_1"),
        ]
        # The stale-row sweep and the admin's status filter.
        indexes = [models.Index(fields=["status", "updated_at"], name="summaries_status_updated")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.user_id} {self.status}"

    @property
    def month_key(self) -> str:
        return months.key(self.month)
