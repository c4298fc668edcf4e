from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "server.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # schema registers the OpenAPI auth scheme; tasks its tasks, which the services queue
        # by name (server/lib/tasks.py queue_after_commit), in every process.
        from server.accounts import schema, tasks  # noqa: F401
