from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "monia.calendar"
    label = "calendar"
    verbose_name = "Calendar"
