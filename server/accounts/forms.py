"""The reset page's form, for Django's PasswordResetConfirmView (server/web/views.py)."""

from django import forms
from django.contrib.auth.forms import SetPasswordMixin
from django.utils.translation import gettext_lazy as _

from server.accounts import services
from server.accounts.models import User


class NewPasswordForm(SetPasswordMixin, forms.Form):
    """A new password typed twice. The view hands it the link's user; its field names are
    the page's (password, password2), and one complaint comes at a time, as the API gives."""

    error_messages = {"password_mismatch": _("The two passwords do not match.")}
    password, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, user: User, *args, **kwargs) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        self.validate_passwords("password", "password2")
        if not self.errors:
            self.validate_password_for_user(self.user, "password")
        return super().clean()

    def save(self, commit: bool = True) -> User:
        return services.password_reset_complete(
            user=self.user, password=self.cleaned_data["password"]
        )
