from drf_spectacular.authentication import SessionScheme


class CsrfSessionScheme(SessionScheme):
    """Describes our CSRF-checking session auth in the OpenAPI schema as a cookie session."""

    target_class = "server.accounts.auth.CsrfSessionAuthentication"
