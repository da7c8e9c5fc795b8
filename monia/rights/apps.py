from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    name = "monia.rights"
    label = "rights"
    verbose_name = _("Access rights")

    def ready(self) -> None:
        from monia.accounts.signals import sso_subject_linked
        from monia.rights.services import sso_link_record

        sso_subject_linked.connect(sso_link_record, dispatch_uid="rights-sso-linked")
