"""The plan and the notes head themselves as every document does: the county in the
document's language, and the controller only when it is another body (they said
"Österbottens välfärdsområde · Personuppgiftsansvarig: Österbottens välfärdsområde")."""

from __future__ import annotations

import pytest

from monia.teams.models import County
from monia.teams.selectors import county_line

pytestmark = pytest.mark.django_db


def _county(controller: str, controller_sv: str) -> County:
    return County.objects.create(
        code="pohjanmaa",
        name_fi="Pohjanmaan hyvinvointialue",
        name_sv="Österbottens välfärdsområde",
        controller=controller,
        controller_sv=controller_sv,
    )


def test_a_county_that_is_its_own_controller_is_named_once_in_either_language() -> None:
    county = _county("Pohjanmaan hyvinvointialue", "Österbottens välfärdsområde")
    assert county_line(county, "fi") == "Pohjanmaan hyvinvointialue"
    assert county_line(county, "sv") == "Österbottens välfärdsområde"


def test_another_controller_is_named_once_as_the_controller_in_the_language() -> None:
    county = _county("Sosiaali- ja terveyslautakunta", "Social- och hälsovårdsnämnden")
    assert county_line(county, "fi") == (
        "Pohjanmaan hyvinvointialue · Rekisterinpitäjä: Sosiaali- ja terveyslautakunta"
    )
    assert county_line(county, "sv") == (
        "Österbottens välfärdsområde · Personuppgiftsansvarig: Social- och hälsovårdsnämnden"
    )
