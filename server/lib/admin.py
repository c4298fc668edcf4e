"""Admin pieces shared by the apps whose rows staff inspect but never edit by hand."""

import json

from django.contrib import admin
from django.utils.html import format_html


def pretty_json(value) -> str:
    text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)
    return format_html('<pre style="margin: 0">{}</pre>', text)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows a service owns: a hand edit would break what that service guarantees."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
