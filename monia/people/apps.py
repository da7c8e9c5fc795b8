from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "monia.people"
    label = "people"
