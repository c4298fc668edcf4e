import hashlib
import math

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rest_framework.exceptions import Throttled
from rest_framework.throttling import SimpleRateThrottle


class TooManyAttempts(Throttled):
    default_detail = _("Too many attempts. Please wait a moment and try again.")
    extra_detail_singular = _("You can try again in {wait} second.")
    extra_detail_plural = _("You can try again in {wait} seconds.")


class AccountLocked(Throttled):
    """429 for a locked account, saying how long the lock lasts and how to end it now."""

    default_code = "account_locked"

    def __init__(self, wait: float) -> None:
        minutes = max(1, math.ceil(wait / 60))
        detail = ngettext(
            "This account is locked for now after too many wrong passwords. Try again in "
            "about %(minutes)d minute, or reset your password to unlock it at once.",
            "This account is locked for now after too many wrong passwords. Try again in "
            "about %(minutes)d minutes, or reset your password to unlock it at once.",
            minutes,
        ) % {"minutes": minutes}
        super().__init__(detail=detail)
        self.wait = math.ceil(wait)


class _PostOnlyThrottle(SimpleRateThrottle):
    def allow_request(self, request, view):
        if request.method != "POST":
            return True
        return super().allow_request(request, view)


class _IPThrottle(_PostOnlyThrottle):
    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginIPThrottle(_IPThrottle):
    scope = "login_ip"


class SignupIPThrottle(_IPThrottle):
    scope = "signup_ip"


class PasswordResetIPThrottle(_IPThrottle):
    scope = "password_reset"


class LoginEmailThrottle(_PostOnlyThrottle):
    """Counts log-in attempts per email address, whichever address they come from."""

    scope = "login_email"

    def get_cache_key(self, request, view):
        email = request.data.get("email") if isinstance(request.data, dict) else None
        if not isinstance(email, str) or not email.strip():
            return None
        digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}
