from django.conf import settings
from django.db import models


class SyncedRecord(models.Model):
    """What every synced record has besides its own fields.

    `id` is made by the client; `version` comes from the user's counter (SyncCounter) and
    orders pulls; `field_versions` remembers the version that last set each field a client
    sent, so two devices editing different fields of one record both win.
    """

    id = models.UUIDField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.BigIntegerField()
    deleted = models.BooleanField(default=False)
    field_versions = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["user", "version"], name="%(app_label)s_%(class)s_uv")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class SyncCounter(models.Model):
    """The per-user version counter, taken under a row lock by every push."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.BigIntegerField(default=0)
    # Tombstones up to this version were purged: older cursors must reload everything.
    purged_version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"user {self.user_id} at version {self.version}"


class Device(models.Model):
    """One install of the app; `last_op_seq` makes delivery exactly once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    device_id = models.UUIDField()
    last_op_seq = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_push_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "device_id"], name="sync_device_user_device")
        ]

    def __str__(self) -> str:
        return f"{self.device_id} (op {self.last_op_seq})"


class OpLog(models.Model):
    """Ops kept for inspection: rejected ones with their errors, merged ones with the values
    they replaced."""

    class Status(models.TextChoices):
        REJECTED = "rejected"
        MERGED = "merged"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    device_id = models.UUIDField()
    op_seq = models.BigIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices)
    action = models.CharField(max_length=10)
    record_type = models.CharField(max_length=40)
    record_id = models.UUIDField()
    fields = models.JSONField(default=dict)
    errors = models.JSONField(default=dict, blank=True)
    replaced = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-created_at"], name="sync_oplog_user_created")]

    def __str__(self) -> str:
        return f"{self.status} {self.record_type} op {self.op_seq}"
