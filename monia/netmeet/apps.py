from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetmeetConfig(AppConfig):
    name = "monia.netmeet"
    label = "netmeet"
    verbose_name = _("Network meetings with the family")
