from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "server.guide"
    label = "guide"
    verbose_name = "Guide"
