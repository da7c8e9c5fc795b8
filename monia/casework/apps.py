from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "monia.casework"
    label = "casework"
