from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "monia.access"
    label = "access"
