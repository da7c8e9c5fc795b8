from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "monia.api"
    label = "api"
