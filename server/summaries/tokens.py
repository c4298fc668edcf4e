"""The signed token of the one-click unsubscribe link: it names the user, nothing else."""

from django.core import signing

SALT = "ippo.summaries.unsubscribe"


class BadToken(Exception):
    """A link we did not sign (or a truncated one)."""


def make(user_id: int) -> str:
    return signing.dumps(user_id, salt=SALT)


def read(token: str) -> int:
    """The user id the token was made for (raises BadToken)."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise BadToken from None
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadToken
    return value
