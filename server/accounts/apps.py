from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "server.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # schema registers the OpenAPI auth scheme; deletion its email task, for the worker.
        from server.accounts import deletion, schema  # noqa: F401
