"""Words the portal's clients read that are made in Python, not in a template: kept here
so that the reading-level test (tests/test_reading_level.py) measures them with the rest.

The sentences below are suggestions: the worker approves or rewrites each document's
family version before the portal shows it (``FamilyVersion``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from monia.access.models import Basis
from monia.casework.models import AssessmentConclusion, IntakeDecision, MeasureKind

# Plain titles of the documents (shown with their date even before a family version).
TITLES: dict[str, Any] = {
    "intake": _("Decision after a child welfare notification"),
    "assessment": _("We finished finding out what help is needed"),
    "plan": _("The plan"),
    "netmeet": _("What we agreed in the meeting"),
    "invitation": _("Invitation to a meeting"),
}

# The decisions in words a child understands (the codes of three choice sets, all distinct):
# a measure's title, and the suggested family version of a decision.
PLAIN_WORDS: dict[str, Any] = {
    IntakeDecision.START_ASSESSMENT: _("We decided to find out together what help you need."),
    IntakeDecision.JOIN_ASSESSMENT: _("We added this to the work we are already doing."),
    IntakeDecision.NO_ACTION: _("We decided that child welfare does not need to do anything."),
    AssessmentConclusion.CHILD_WELFARE_CLIENT: _("You get help from child welfare."),
    AssessmentConclusion.OTHER_SOCIAL_SERVICES: _("You get help from other social services."),
    AssessmentConclusion.NO_NEED: _("You do not need help from social services now."),
    MeasureKind.COMMUNITY_SUPPORT: _("Support while living at home"),
    MeasureKind.PLACEMENT_AS_SUPPORT: _("Living somewhere else for a while, as support"),
    MeasureKind.EMERGENCY_PLACEMENT: _("Urgent move to a safe place"),
    MeasureKind.CARE_ORDER: _("Taken into care"),
    MeasureKind.SUBSTITUTE_CARE: _("Living in a foster family or a home"),
    MeasureKind.AFTERCARE: _("Aftercare: support after care"),
}

# The suggested family version of a measure.
MEASURE_SUGGESTIONS: dict[str, Any] = {
    MeasureKind.COMMUNITY_SUPPORT: _("You get support while you live at home."),
    MeasureKind.PLACEMENT_AS_SUPPORT: _(
        "You live in another place for a while. It is support for you and your family."
    ),
    MeasureKind.EMERGENCY_PLACEMENT: _("You moved to a safe place in a hurry. It is for now."),
    MeasureKind.CARE_ORDER: _("Child welfare now takes care of where you live."),
    MeasureKind.SUBSTITUTE_CARE: _("You live in a foster family or in a home for children."),
    MeasureKind.AFTERCARE: _("You get support after care. You can ask for help."),
}
MEETING_SUGGESTION = _("We met and talked about how things are going.")

# Why a reader may see the data, in a 13-year-old's words ("who has seen my data").
BASIS_WORDS = {
    Basis.DESIGNATED_WORKER: _("The child's own social worker"),
    Basis.TEAM_MEMBER: _("Works in the team that helps the child"),
    Basis.SENIOR_OFFICIAL: _("A leader who makes the big decisions"),
    Basis.INTAKE_REGISTRATION: _("Wrote down a report of worry about the child"),
    Basis.OWN_DATA: _("Looked at their own matters"),
    Basis.GUARDIAN: _("Is the child's guardian"),
    Basis.CLIENT_SEARCH: _("Looked for which team helps the child"),
    Basis.PEER_GROUP_FACILITATOR: _("Leads a peer group you joined"),
    Basis.EVENT_ORGANISER: _("Organises an event you signed up for"),
}


def plain(code: str) -> str:
    return str(PLAIN_WORDS.get(code, ""))


def basis_words(basis: str) -> str:
    words = BASIS_WORDS.get(basis)  # type: ignore[call-overload]
    return str(words) if words is not None else str(Basis(basis).label)
