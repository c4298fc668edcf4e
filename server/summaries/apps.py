from django.apps import AppConfig


class SummariesConfig(AppConfig):
    name = "server.summaries"
    label = "summaries"
    verbose_name = "Monthly summaries"
