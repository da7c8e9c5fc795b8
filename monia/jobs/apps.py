from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monia.jobs"
    verbose_name = _("Scheduled work")

    def ready(self) -> None:
        # Each app declares its own scheduled jobs in <app>/schedule.py (as admin.py
        # declares its admin): the web processes, the worker and the scheduler all see one
        # registry without this low app importing the apps above it.
        autodiscover_modules("schedule")
