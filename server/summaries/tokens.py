"""The signed token of the one-click unsubscribe link: it names the user, nothing else."""

from django.core import signing

SALT = "ippo.summaries.unsubscribe"


def make(user_id: int) -> str:
    return signing.dumps(user_id, salt=SALT)


def read(token: str) -> int | None:
    """The user id the token was made for; None when it was not made by us."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
