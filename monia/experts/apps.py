from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "monia.experts"
    label = "experts"
    verbose_name = _("Child welfare expert group")
