"""Sync bookkeeping for staff to inspect (why was an op rejected?); nothing here is editable."""

from django.contrib import admin
from django.utils.text import Truncator

from server.lib.admin import ReadOnlyAdmin, pretty_json
from server.sync.models import Device, OpLog, SyncCounter


@admin.register(OpLog)
class OpLogAdmin(ReadOnlyAdmin):
    list_display = (
        "status",
        "record_type",
        "op_seq",
        "user",
        "device_id",
        "created_at",
        "error_summary",
    )
    list_filter = ("status", "record_type")
    list_select_related = ("user",)
    search_fields = ("user__email", "=record_id")
    date_hierarchy = "created_at"
    ordering = ("-created_at", "-id")
    fields = (
        "user",
        "device_id",
        "op_seq",
        "status",
        "action",
        "record_type",
        "record_id",
        "created_at",
        "fields_json",
        "errors_json",
        "replaced_json",
    )
    readonly_fields = fields

    @admin.display(description="errors")
    def error_summary(self, obj: OpLog) -> str:
        parts = [f"{name}: {' '.join(messages)}" for name, messages in obj.errors.items()]
        return Truncator("; ".join(parts)).chars(120)

    @admin.display(description="fields")
    def fields_json(self, obj: OpLog) -> str:
        return pretty_json(obj.fields)

    @admin.display(description="errors")
    def errors_json(self, obj: OpLog) -> str:
        return pretty_json(obj.errors)

    @admin.display(description="replaced values")
    def replaced_json(self, obj: OpLog) -> str:
        return pretty_json(obj.replaced)


@admin.register(Device)
class DeviceAdmin(ReadOnlyAdmin):
    list_display = ("device_id", "user", "last_op_seq", "last_push_at", "created_at")
    list_select_related = ("user",)
    search_fields = ("user__email", "=device_id")
    ordering = ("-last_push_at",)


@admin.register(SyncCounter)
class SyncCounterAdmin(ReadOnlyAdmin):
    list_display = ("user", "version", "purged_version")
    list_select_related = ("user",)
    search_fields = ("user__email",)
    ordering = ("user__email",)
