from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeerConfig(AppConfig):
    name = "monia.peer"
    label = "peer"
    verbose_name = _("Peer support")
