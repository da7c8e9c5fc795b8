from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "monia.demo"
    label = "demo"
