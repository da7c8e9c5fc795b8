from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "monia.web"
    label = "web"
