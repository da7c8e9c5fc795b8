from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "monia.teams"
    label = "teams"
    verbose_name = "Counties and teams"
