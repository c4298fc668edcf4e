"""Admin pieces shared by the apps whose rows staff inspect but never edit by hand."""

import json

from django.contrib import admin
from django.utils.html import format_html


def pretty_json(value) -> str:
    """A JSON value for a read-only field, styled by web/admin.css (ReadOnlyAdmin loads it)."""
    text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)
    return format_html('<pre class="pretty-json">{}</pre>', text)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows a service owns: a hand edit would break what that service guarantees."""

    class Media:
        css = {"all": ["web/admin.css"]}

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
