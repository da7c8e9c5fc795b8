from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ENotifyConfig(AppConfig):
    name = "monia.enotify"
    label = "enotify"
    verbose_name = _("Electronic child welfare notifications")
