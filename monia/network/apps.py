from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "monia.network"
    label = "network"
    verbose_name = _("Multi-agency network")

    def ready(self) -> None:
        # The chronology shows a referral's step in the reader's language.
        from monia.casework.models import DETAIL_CHOICES, EventKind
        from monia.network.referrals_models import ReferralStep

        DETAIL_CHOICES[EventKind.REFERRAL_STEP] = ReferralStep
