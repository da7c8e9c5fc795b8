"""The demo counties' municipalities: the public notification form finds the county by them."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from monia.demo.names import MUNICIPALITIES
from monia.teams.models import Municipality


@pytest.mark.django_db
def test_each_demo_county_gets_its_municipalities_in_both_languages() -> None:
    call_command("seed_demo", stdout=io.StringIO(), children=10, seed=1)
    vaasa = Municipality.objects.select_related("county").get(name_fi="Vaasa")
    assert (vaasa.name_sv, vaasa.county.code) == ("Vasa", "pohjanmaa")
    assert Municipality.objects.get(name_fi="Jyväskylä").county.code == "keski-suomi"
    assert Municipality.objects.count() == sum(len(m) for m in MUNICIPALITIES.values())
