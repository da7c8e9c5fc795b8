"""Words the portal's clients read that are made in Python, not in a template: kept here
so that the reading-level test (tests/test_reading_level.py) measures them with the rest."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from monia.access.models import Basis

# Why a reader may see the data, in a 13-year-old's words ("who has seen my data").
BASIS_WORDS = {
    Basis.DESIGNATED_WORKER: _("The child's own social worker"),
    Basis.TEAM_MEMBER: _("Works in the team that helps the child"),
    Basis.SENIOR_OFFICIAL: _("A leader who makes the big decisions"),
    Basis.INTAKE_REGISTRATION: _("Wrote down a report of worry about the child"),
    Basis.OWN_DATA: _("Looked at their own matters"),
    Basis.GUARDIAN: _("Is the child's guardian"),
}


def basis_words(basis: str) -> str:
    words = BASIS_WORDS.get(basis)  # type: ignore[call-overload]
    return str(words) if words is not None else str(Basis(basis).label)
