import datetime as dt

from django.conf import settings

from server.accounts.models import LoginGuard, User
from server.lib.emails import make_message


def password_reset(user: User, *, link: str) -> None:
    ctx = {"user": user, "link": link, "hours": settings.PASSWORD_RESET_TIMEOUT // 3600}
    make_message("password-reset", user.email, ctx, language=user.language).send()


def _local(moment: dt.datetime, user: User) -> str:
    """A moment on her own clock, written the way her language writes it."""
    local = moment.astimezone(user.zone)
    if user.language == "ja":
        return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    return f"{local.day} {local:%B %Y, %H:%M}"


def login_lockout(user: User, *, guard: LoginGuard, link: str) -> None:
    ctx = {
        "user": user,
        "link": link,
        "attempts": settings.LOGIN_LOCKOUT_FAILURES,
        "window_minutes": settings.LOGIN_LOCKOUT_WINDOW // 60,
        "last_attempt": _local(guard.last_failure_at, user),
        "locked_until": _local(guard.locked_until, user),
        "time_zone": user.time_zone,
        "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
    make_message("login-lockout", user.email, ctx, language=user.language).send()
