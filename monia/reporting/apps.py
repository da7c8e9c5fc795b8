from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "monia.reporting"
    label = "reporting"
    verbose_name = "Reporting"
