from django.contrib.auth import login, logout, update_session_auth_hash
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from server.accounts import serializers, services, throttles
from server.lib import api


def _session_body(user) -> dict:
    authenticated = bool(user and user.is_authenticated)
    return {
        "authenticated": authenticated,
        "user": serializers.UserSerializer(user).data if authenticated else None,
    }


class _ThrottledView(APIView):
    def throttled(self, request, wait):
        raise throttles.TooManyAttempts(wait)


@method_decorator(ensure_csrf_cookie, name="dispatch")
class SessionView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses=serializers.SessionSerializer)
    def get(self, request):
        return Response(_session_body(request.user))


class SignupView(_ThrottledView):
    permission_classes = [AllowAny]
    throttle_classes = [throttles.SignupIPThrottle]

    @extend_schema(
        request=serializers.SignupSerializer, responses={201: serializers.SessionSerializer}
    )
    def post(self, request):
        data = serializers.SignupSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_create(**data.validated_data)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return Response(_session_body(user), status=status.HTTP_201_CREATED)


class LoginView(_ThrottledView):
    permission_classes = [AllowAny]
    throttle_classes = [throttles.LoginIPThrottle, throttles.LoginEmailThrottle]

    @extend_schema(request=serializers.LoginSerializer, responses=serializers.SessionSerializer)
    def post(self, request):
        data = serializers.LoginSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            user = services.login_check(request=request, **data.validated_data)
        except services.AccountLocked as locked:
            raise throttles.AccountLocked(
                (locked.until - timezone.now()).total_seconds()
            ) from locked
        login(request, user)  # a new session key: a session id planted before is useless
        return Response(_session_body(user))


class LogoutView(APIView):
    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProfileView(APIView):
    @extend_schema(request=serializers.ProfileSerializer, responses=serializers.UserSerializer)
    def patch(self, request):
        data = serializers.ProfileSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_update_profile(user=request.user, **data.validated_data)
        return Response(serializers.UserSerializer(user).data)


class PasswordChangeView(APIView):
    @extend_schema(request=serializers.PasswordChangeSerializer, responses={204: None})
    def post(self, request):
        data = serializers.PasswordChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.password_change(user=request.user, **data.validated_data)
        update_session_auth_hash(request, user)  # this device stays in; others are signed out
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordResetView(_ThrottledView):
    permission_classes = [AllowAny]
    throttle_classes = [throttles.PasswordResetIPThrottle]

    @extend_schema(
        request=serializers.PasswordResetSerializer, responses={202: api.ErrorSerializer}
    )
    def post(self, request):
        data = serializers.PasswordResetSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.password_reset_request(**data.validated_data)
        return Response(
            {"detail": _("If an account uses this address, we have sent it a reset link.")},
            status=status.HTTP_202_ACCEPTED,
        )


class PasswordResetConfirmView(_ThrottledView):
    permission_classes = [AllowAny]
    throttle_classes = [throttles.PasswordResetIPThrottle]

    @extend_schema(
        request=serializers.PasswordResetConfirmSerializer,
        responses=serializers.SessionSerializer,
    )
    def post(self, request):
        data = serializers.PasswordResetConfirmSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.password_reset_confirm(**data.validated_data)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return Response(_session_body(user))
