from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from server.accounts.models import LoginGuard, User


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    ordering = ("-created_at",)
    list_display = ("email", "display_name", "language", "time_zone", "is_staff", "created_at")
    list_filter = ("is_staff", "is_active", "language", "monthly_email")
    search_fields = ("email", "display_name")
    readonly_fields = ("created_at", "last_login")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("display_name", "time_zone", "language", "monthly_email")}),
        (
            "Permissions",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        ("Dates", {"fields": ("last_login", "created_at")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(LoginGuard)
class LoginGuardAdmin(admin.ModelAdmin):
    """Failed log-ins and lock-outs per account; deleting a row ends a lock-out at once."""

    list_display = ("user", "failures", "last_failure_at", "locked_until", "lockouts")
    search_fields = ("user__email",)
    readonly_fields = (
        "user",
        "failures",
        "window_started_at",
        "last_failure_at",
        "lockouts",
        "notified",
    )
