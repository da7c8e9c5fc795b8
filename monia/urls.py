"""Monia's URL map. Every pattern here has an access rule in monia/access/url_rules.py."""

from django.contrib import admin
from django.http import HttpRequest
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from monia.accounts import second_factor

_admin_permission = admin.site.has_permission


def _admin_permission_with_second_factor(request: HttpRequest) -> bool:
    """The admin site is for a session that passed a second factor (administrators always
    use one). SecondFactorMiddleware sends such a user to the second step first; this keeps
    the rule even if the middleware were left out."""
    return _admin_permission(request) and second_factor.is_done(request)


admin.site.has_permission = _admin_permission_with_second_factor  # type: ignore[method-assign]
# Monia's name in the admin's header and title, not "Django site administration".
admin.site.site_header = admin.site.site_title = _("Monia administration")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("monia.web.urls")),
    path("", include("monia.mfa.urls")),
    path("", include("monia.casework.urls")),
    path("", include("monia.decisions.urls")),
    path("", include("monia.attachments.urls")),
    path("", include("monia.calendar.urls")),
    path("", include("monia.archive.urls")),
    path("", include("monia.systemic.urls")),
    path("", include("monia.network.urls")),
    path("", include("monia.network.referral_urls")),
    path("", include("monia.consult.urls")),
    path("", include("monia.systemic.timeline_urls")),
    path("", include("monia.experts.urls")),
    path("", include("monia.enotify.urls")),
    path("", include("monia.systemic.diagram_urls")),
    path("", include("monia.contrib.urls")),
    path("", include("monia.netmeet.urls")),
    path("", include("monia.letters.urls")),
    path("", include("monia.notify.urls")),
    path("", include("monia.rights.urls")),
    path("", include("monia.portal.urls")),
    path("", include("monia.portal.decision_urls")),
    path("", include("monia.decisions.document_urls")),
    path("", include("monia.voice.urls")),
    path("", include("monia.reporting.urls")),
    path("", include("monia.reporting.stats_urls")),
    path("", include("monia.reporting.thl_urls")),
    path("", include("monia.reporting.monitor_urls")),
    path("", include("monia.dialogue.urls")),
    # The development network (issue 16).
    path("", include("monia.events.urls")),
    path("", include("monia.training.urls")),
    path("", include("monia.devgroups.urls")),
    path("", include("monia.peer.urls")),
    path("", include("monia.experience.urls")),
    path("", include("monia.feedback.urls")),
    path("saml2/", include("monia.portal.saml_urls")),
    path("oidc/", include("monia.accounts.oidc_urls")),
    path("api/v1/", include("monia.api.urls")),
]

# An unreachable database answers 503 with a plain message; other errors Django's 500.
handler500 = "monia.web.security.server_error_view"
