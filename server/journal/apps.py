from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "server.journal"
    label = "journal"
    verbose_name = "Journal"

    def ready(self) -> None:
        from server.journal import types  # noqa: F401  (registers the record types with sync)
