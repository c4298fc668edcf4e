from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "server.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Registers the OpenAPI auth scheme (the worker finds tasks.py by itself).
        from server.accounts import schema  # noqa: F401
