from rest_framework.authentication import SessionAuthentication


class CsrfSessionAuthentication(SessionAuthentication):
    """Session auth that checks CSRF on every unsafe request, logged in or not.

    DRF only checks CSRF for authenticated sessions; log-in and sign-up need it too
    (log-in CSRF). An unauthenticated request is answered 401, not 403, so the PWA can tell
    an expired session from a forbidden action.
    """

    def authenticate(self, request):
        self.enforce_csrf(request)
        return super().authenticate(request)

    def authenticate_header(self, request) -> str:
        return 'Session realm="ippo"'
