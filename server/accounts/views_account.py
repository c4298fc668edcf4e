"""Deleting her own account from the app (Settings → delete account)."""

from django.contrib.auth import logout
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from server.accounts import deletion


class AccountDeleteSerializer(serializers.Serializer):
    password = serializers.CharField(max_length=128, trim_whitespace=False)


class AccountView(APIView):
    @extend_schema(request=AccountDeleteSerializer, responses={204: None})
    def delete(self, request):
        data = AccountDeleteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        deletion.account_delete(user=request.user, **data.validated_data)
        logout(request)  # this device's session row is gone already; clear its cookie too
        return Response(status=status.HTTP_204_NO_CONTENT)
