from django.conf import settings

from server.accounts.models import User
from server.lib.emails import make_message


def password_reset(user: User, *, link: str) -> None:
    ctx = {"user": user, "link": link, "hours": settings.PASSWORD_RESET_TIMEOUT // 3600}
    make_message("password-reset", user.email, ctx, language=user.language).send()
