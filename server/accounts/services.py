"""Writes for accounts: sign-up, log-in and its lock-out, profile, passwords."""

import datetime as dt

from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from server.accounts import emails, selectors
from server.accounts.models import LoginGuard, User, normalize_email
from server.lib.tasks import queue_after_commit

PROFILE_FIELDS = ("display_name", "time_zone", "language", "monthly_email")
# The tasks (accounts/tasks.py) these services queue, by the names Celery knows them by.
LOCKOUT_EMAIL_TASK = "server.accounts.tasks.send_lockout_email"
RESET_EMAIL_TASK = "server.accounts.tasks.send_password_reset_email"
INVALID_RESET_LINK = gettext_lazy("This reset link is invalid or has expired. Ask for a new one.")


def _validate_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc


def user_create(
    *,
    email: str,
    password: str,
    display_name: str = "",
    language: str | None = None,
    time_zone: str | None = None,
) -> User:
    """Create an account; a taken address is refused without saying whose it is."""
    user = User(
        email=normalize_email(email),
        display_name=display_name,
        language=language or User._meta.get_field("language").default,
        time_zone=time_zone or settings.DEFAULT_USER_TIME_ZONE,
    )
    user.full_clean(exclude=["password", "email"])
    _validate_password(password, user)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"email": _("This email address cannot be used. Try logging in or another address.")}
        ) from exc
    return user


class AccountLocked(Exception):
    """The account is locked after too many wrong passwords; `until` says for how long."""

    def __init__(self, until: dt.datetime) -> None:
        super().__init__(f"locked until {until.isoformat()}")
        self.until = until


def login_check(*, request: HttpRequest | None, email: str, password: str) -> User:
    """The user these credentials open; wrong passwords count towards a lock-out.

    A locked account is refused before its password is even checked, so the right
    password does not open it either (and guessing learns nothing while it lasts).
    """
    now = timezone.now()
    account = User.objects.filter(email=normalize_email(email), is_active=True).first()
    if account is not None:
        guard = LoginGuard.objects.filter(user=account).first()
        if guard is not None and guard.is_locked(now):
            raise AccountLocked(guard.locked_until)
    user = authenticate(request, email=email, password=password)
    if user is None:
        if account is not None:
            login_failure_record(user=account, now=now)
        # One answer for an unknown address and a wrong password.
        raise ValidationError(_("The email address or password is not correct."))
    LoginGuard.objects.filter(user=user, failures__gt=0).update(failures=0, window_started_at=None)
    return user


def login_failure_record(*, user: User, now: dt.datetime) -> LoginGuard:
    """Count one wrong password; the one that reaches the limit locks the account and
    queues one email to its owner."""
    window = dt.timedelta(seconds=settings.LOGIN_LOCKOUT_WINDOW)
    with transaction.atomic():
        # The row lock makes concurrent wrong passwords (several workers) count one by one.
        guard, _created = LoginGuard.objects.select_for_update().get_or_create(user=user)
        if guard.window_started_at is None or now - guard.window_started_at > window:
            guard.failures, guard.window_started_at = 0, now
        guard.failures += 1
        guard.last_failure_at = now
        if guard.failures >= settings.LOGIN_LOCKOUT_FAILURES:
            guard.locked_until = now + dt.timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
            guard.lockouts += 1
            guard.failures, guard.window_started_at = 0, None
            queue_after_commit(LOCKOUT_EMAIL_TASK, user.pk, guard.lockouts)
        guard.save()
    return guard


def lockout_end(*, user: User) -> None:
    """End a lock-out and forget the wrong passwords (after a new password is set)."""
    LoginGuard.objects.filter(user=user).update(
        locked_until=None, failures=0, window_started_at=None
    )


def lockout_email_send(*, user_id: int, lockout: int) -> bool:
    """Tell the owner about lock-out number `lockout`, once; False if it was told already."""
    claimed = LoginGuard.objects.filter(
        user_id=user_id, user__is_active=True, notified__lt=lockout
    ).update(notified=lockout)
    if not claimed:
        return False
    guard = LoginGuard.objects.select_related("user").get(user_id=user_id)
    try:
        emails.login_lockout(guard.user, guard=guard, link=password_reset_link(user=guard.user))
    except Exception:
        # Not sent: give the claim back so the task's retry can send it.
        LoginGuard.objects.filter(user_id=user_id, notified=lockout).update(notified=lockout - 1)
        raise
    return True


def user_update_profile(*, user: User, **fields) -> User:
    """Change the profile fields that were sent; others keep their value."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"], validate_unique=False)
    user.save(update_fields=list(fields))
    return user


def password_change(*, user: User, current_password: str, new_password: str) -> User:
    """Set a new password after checking the current one."""
    if not user.check_password(current_password):
        raise ValidationError({"current_password": _("The current password is not correct.")})
    try:
        password_validation.validate_password(new_password, user=user)
    except ValidationError as exc:
        raise ValidationError({"new_password": exc.messages}) from exc
    user.set_password(new_password)
    user.save(update_fields=["password"])
    lockout_end(user=user)
    return user


def password_reset_request(*, email: str) -> None:
    """Queue a reset email if the address has an active account; silent either way."""
    user = User.objects.filter(email=normalize_email(email), is_active=True).first()
    if user is None or not user.has_usable_password():
        return
    queue_after_commit(RESET_EMAIL_TASK, user.pk)


def password_reset_link(*, user: User) -> str:
    """The one-time link that lets the user choose a new password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return f"{settings.SITE_URL}/reset/{uid}/{token}/"


def password_reset_email_send(*, user_id: int) -> bool:
    """Send the reset email to an active user; False if there is no one to send it to."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    emails.password_reset(user, link=password_reset_link(user=user))
    return True


def password_reset_complete(*, user: User, password: str) -> User:
    """Save the new password chosen through a reset link (already checked against the
    validators) and end any lock-out; her other devices are signed out, as their sessions
    carry a hash of the old password."""
    user.set_password(password)
    user.save(update_fields=["password"])
    lockout_end(user=user)
    return user


def password_reset_confirm(*, uid: str, token: str, password: str) -> User:
    """Set a new password from a reset link (the API's way); the link works once."""
    user = selectors.reset_link_user(uid=uid)
    if user is None or not default_token_generator.check_token(user, token):
        raise ValidationError({"token": INVALID_RESET_LINK})
    _validate_password(password, user)
    return password_reset_complete(user=user, password=password)
