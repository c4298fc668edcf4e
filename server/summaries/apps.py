from django.apps import AppConfig


class SummariesConfig(AppConfig):
    name = "server.summaries"
    label = "summaries"
    verbose_name = "Monthly summaries"

    def ready(self) -> None:
        # exports adds her summaries to the export; tasks registers the send task, which the
        # services queue by name (server/lib/tasks.py queue_after_commit), in every process.
        from server.summaries import exports, tasks  # noqa: F401
