from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MfaConfig(AppConfig):
    name = "monia.mfa"
    label = "mfa"
    verbose_name = _("Second factor")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from monia.mfa.access import check_required_roles_setting
        from monia.mfa.session import login_starts_without_second_factor

        check_required_roles_setting()
        # Every login starts without a passed second factor, whoever marked one before.
        user_logged_in.connect(
            login_starts_without_second_factor, dispatch_uid="monia_second_factor_forget"
        )
