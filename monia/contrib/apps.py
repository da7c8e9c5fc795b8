from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContribConfig(AppConfig):
    name = "monia.contrib"
    label = "contrib"
    verbose_name = _("Multi-agency contributions to the service-needs assessment")
