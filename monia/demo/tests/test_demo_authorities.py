"""The demo's appeal authorities are named in correct Finnish: every decision's appeal
instructions print the name."""

from __future__ import annotations

import pytest

from monia.conftest import World
from monia.decisions.models import AppealAuthority, AuthorityKind
from monia.demo.decisions import authorities_build, finnish_genitive


@pytest.mark.parametrize(
    ("name", "genitive"),
    [
        ("Keski-Suomen hyvinvointialue", "Keski-Suomen hyvinvointialueen"),
        ("Pohjanmaan hyvinvointialue", "Pohjanmaan hyvinvointialueen"),
        ("Länsi-Uudenmaan hyvinvointialue", "Länsi-Uudenmaan hyvinvointialueen"),
    ],
)
def test_a_county_name_in_the_genitive(name: str, genitive: str) -> None:
    assert finnish_genitive(name) == genitive


@pytest.mark.django_db
def test_the_individual_matters_body_is_the_countys_in_the_genitive(world: World) -> None:
    county = world.county_a
    county.name_fi = "Keski-Suomen hyvinvointialue"
    county.save()
    authorities_build(county)
    body = AppealAuthority.objects.get(county=county, kind=AuthorityKind.INDIVIDUAL_MATTERS_BODY)
    assert body.name_fi == "Keski-Suomen hyvinvointialueen yksilöasioiden jaosto (demo)"
