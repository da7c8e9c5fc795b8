"""The links this app offers on the development network's page (/develop/), for one user:
only links the user may open (web/develop_views.py gathers every app's)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.feedback import access
from monia.ui.hub import HubLink

SECTION = _("Evaluation")


def links(user: User) -> list[HubLink]:
    out = []
    if access.may_manage(user):
        out.append(
            HubLink(
                section=SECTION,
                label=_("Feedback questionnaires"),
                url_name="feedback_questionnaires",
                description=_("Questions, wordings and when they are asked."),
            )
        )
    if access.may_see_results(user):
        out.append(
            HubLink(
                section=SECTION,
                label=_("Results"),
                url_name="feedback_results_list",
                description=_("Anonymised: groups of five answers or more."),
            )
        )
    return out
