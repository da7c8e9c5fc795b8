from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevgroupsConfig(AppConfig):
    name = "monia.devgroups"
    label = "devgroups"
    verbose_name = _("Developer groups")
