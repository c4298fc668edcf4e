"""Reads for accounts."""

from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from server.accounts.models import User


def reset_link_user(*, uid: str) -> User | None:
    """The active user a reset link's uid names, or None (a forged or mangled uid too)."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
    except (TypeError, ValueError, OverflowError):
        return None
    return User.objects.filter(pk=pk, is_active=True).first()
