"""The links this app offers on the development network's page (/develop/), for one user:
only links the user may open (web/develop_views.py gathers every app's)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from monia.access import develop_rule
from monia.accounts.models import User
from monia.feedback import access, selectors
from monia.ui.hub import HubLink

SECTION = _("Evaluation")


def links(user: User) -> list[HubLink]:
    out = []
    if develop_rule.is_network_member(user):
        # The questions waiting for the user's answer (e.g. after an event): one query.
        out += [
            HubLink(
                section=SECTION,
                label=_("Answer: %(name)s") % {"name": inv.questionnaire.name},
                url_name="feedback_answer",
                kwargs={"invitation_id": inv.pk},
                description=_("A short question for you. It takes a minute."),
            )
            for inv in selectors.open_invitations(user)
        ]
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
