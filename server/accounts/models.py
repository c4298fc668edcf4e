from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in _time_zones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def default_time_zone() -> str:
    return settings.DEFAULT_USER_TIME_ZONE


def normalize_email(email: str) -> str:
    """Emails are compared case-insensitively, so they are stored lower-cased."""
    return email.strip().lower()


class Language(models.TextChoices):
    JA = "ja", "日本語"
    EN = "en", "English"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, email: str) -> "User":
        return self.get(email=normalize_email(email or ""))

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        user = self.model(email=normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=default_time_zone, validators=[validate_time_zone]
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.JA
    )
    monthly_email = models.BooleanField(_("monthly summary email"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = normalize_email(self.email)

    @property
    def zone(self) -> ZoneInfo:
        """The user's own time zone, for 'today' and 'this month'."""
        return ZoneInfo(self.time_zone)


class LoginGuard(models.Model):
    """One account's recent wrong passwords and its lock-out.

    In the database, not the cache, so every web worker sees the same lock. `lockouts`
    counts the lock-outs so far and `notified` is the last one whose email went out: the
    email task claims its lock-out by raising `notified`, so one lock-out sends one email.
    """

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, primary_key=True, related_name="login_guard"
    )
    failures = models.PositiveIntegerField(_("wrong passwords in the window"), default=0)
    window_started_at = models.DateTimeField(_("first wrong password"), null=True, blank=True)
    last_failure_at = models.DateTimeField(_("last wrong password"), null=True, blank=True)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)
    lockouts = models.PositiveIntegerField(_("lock-outs"), default=0)
    notified = models.PositiveIntegerField(_("lock-outs emailed"), default=0)

    class Meta:
        verbose_name = _("log-in guard")
        verbose_name_plural = _("log-in guards")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.failures} failures, locked until {self.locked_until}"

    def is_locked(self, now) -> bool:
        return self.locked_until is not None and self.locked_until > now
