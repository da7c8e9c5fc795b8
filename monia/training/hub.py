"""The links this app offers on the development network's page (/develop/), for one user:
only links the user may open (web/develop_views.py gathers every app's). The fidelity page
(monia/systemic) and the co-research report (monia/dialogue) live in apps above this one:
their links are named by URL name only, with their rules repeated here in short."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from monia.accounts.models import User
from monia.training import access
from monia.ui.hub import HubLink

SECTION = _("Training in the systemic model")


def links(user: User) -> list[HubLink]:
    if not access.may_read_own(user):
        return []
    found = [HubLink(section=SECTION, label=_("My training"), url_name="training_mine")]
    if user.team_id:
        found.append(
            HubLink(
                section=SECTION,
                label=_("My team's training"),
                url_name="training_team",
                kwargs={"team_id": user.team_id},
            )
        )
    if access.may_oversee(user):
        found += [
            HubLink(section=SECTION, label=_("County's training"), url_name="training_county"),
            HubLink(section=SECTION, label=_("Record training"), url_name="training_record"),
        ]
    if user.team_id or access.may_oversee(user):  # systemic/fidelity_selectors.py's rule
        found.append(
            HubLink(
                section=SECTION,
                label=_("Fidelity of the systemic model"),
                url_name="systemic_fidelity",
            )
        )
    if access.may_oversee(user):  # dialogue's development report (coresearch_views.py)
        found.append(
            HubLink(
                section=SECTION,
                label=_("Development report (co-research)"),
                url_name="coresearch_report",
            )
        )
    return found
