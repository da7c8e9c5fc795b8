"""Municipalities and their county: the public form's list, in the reader's language."""

from __future__ import annotations

import pytest

from monia.teams import selectors
from monia.teams.models import County, Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def pohjanmaa() -> County:
    county = County.objects.create(
        code="pohjanmaa", name_fi="Pohjanmaa", name_sv="Österbotten", controller="PHVA"
    )
    for fi, sv in (
        ("Vaasa", "Vasa"),
        ("Mustasaari", "Korsholm"),
        ("Ähtäri", "Etseri"),
        ("Åland", "Åland"),
    ):
        Municipality.objects.create(county=county, name_fi=fi, name_sv=sv)
    return county


def test_municipalities_are_in_the_readers_alphabetical_order(pohjanmaa: County) -> None:
    finnish = [m.name_fi for m in selectors.municipalities(language="fi")]
    swedish = [m.name_sv for m in selectors.municipalities(language="sv")]
    assert finnish == ["Mustasaari", "Vaasa", "Åland", "Ähtäri"]  # Å, Ä, Ö after Z
    assert swedish == ["Etseri", "Korsholm", "Vasa", "Åland"]


def test_a_municipality_is_found_with_its_county_and_junk_finds_none(pohjanmaa: County) -> None:
    vaasa = Municipality.objects.get(name_fi="Vaasa")
    found = selectors.municipality_get(str(vaasa.pk))
    assert found == vaasa and found is not None and found.county == pohjanmaa
    for junk in ("", "x", "99999", None, "1.5"):
        assert selectors.municipality_get(junk) is None
