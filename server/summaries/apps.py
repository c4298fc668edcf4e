from django.apps import AppConfig


class SummariesConfig(AppConfig):
    name = "server.summaries"
    label = "summaries"
    verbose_name = "Monthly summaries"

    def ready(self) -> None:
        from server.summaries import exports  # noqa: F401  (adds her summaries to the export)
