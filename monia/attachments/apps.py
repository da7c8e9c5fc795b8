from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "monia.attachments"
    label = "attachments"
