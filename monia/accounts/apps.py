from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "monia.accounts"
    label = "accounts"
