"""The bilingual county's Swedish-language team writes its records in Swedish; the Finnish
teams keep theirs in Finnish."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.db import models

from monia.casework.models import ChildHearing, ClientPlan, Intake, Measure, ServiceNeedsAssessment
from monia.decisions.models import AppealAuthority, AuthorityKind
from monia.teams.models import Team

# Every record of a case the demo writes free text into; each one's text fields are read,
# whatever the demo put there.
RECORDS: tuple[type[models.Model], ...] = (
    Intake,
    ServiceNeedsAssessment,
    ChildHearing,
    Measure,
    ClientPlan,
)
# Common Finnish words that are no Swedish words (nor names of the demo's places).
FINNISH = {
    "lapsi",
    "lapsen",
    "lasta",
    "nuori",
    "nuoren",
    "että",
    "ei",
    "on",
    "oli",
    "ole",
    "kanssa",
    "mutta",
    "kotona",
    "perhe",
    "perheen",
    "vanhemmat",
    "vanhempien",
    "huoltaja",
    "huoltajan",
    "koulussa",
    "sijoitus",
    "tuki",
    "äiti",
    "isä",
    "kiireellinen",
    "hyvinvointialue",
    "sosiaalitoimisto",
    "kirjaamo",
}
SWEDISH = {"och", "att", "är", "inte", "för", "med", "som", "i", "på", "av", "en", "ett", "efter"}


def _texts(team: Team) -> list[str]:
    """The free texts of the records of ``team``'s cases, as the demo seeded them."""
    found = []
    for model in RECORDS:
        fields = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField | models.TextField) and not f.choices
        ]
        for row in model.objects.filter(case__team=team).values_list(*fields):
            found += [value for value in row if isinstance(value, str) and value.strip()]
    return found


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


@pytest.mark.django_db
def test_the_swedish_language_team_writes_its_records_in_swedish() -> None:
    call_command("seed_demo", stdout=io.StringIO(), children=20, seed=1)
    swedish_team = Team.objects.get(county__bilingual=True, name__contains="svenskspråkigt")
    texts = _texts(swedish_team)
    assert len(texts) >= 30, texts
    finnish = {text: sorted(_words(text) & FINNISH) for text in texts}
    assert not {text: words for text, words in finnish.items() if words}
    # A sentence of the team's reads as Swedish: it has a common Swedish word.
    sentences = [text for text in texts if len(_words(text)) >= 6]
    assert sentences
    assert all(_words(text) & SWEDISH for text in sentences), [
        text for text in sentences if not _words(text) & SWEDISH
    ]
    office = f"{swedish_team.office_street} {swedish_team.office_town}"
    assert not _words(office) & FINNISH, office
    # The Finnish-language teams' records stay in Finnish.
    finnish_team = Team.objects.filter(county__bilingual=True).order_by("pk").first()
    assert finnish_team is not None and finnish_team != swedish_team
    assert set().union(*map(_words, _texts(finnish_team))) & FINNISH
    # The bilingual county's registry, where the Swedish team's decisions are appealed,
    # gives its address in Swedish too: each language in its own field.
    registry = AppealAuthority.objects.get(
        county=swedish_team.county, kind=AuthorityKind.INDIVIDUAL_MATTERS_BODY
    )
    assert "registratorskontoret" in registry.address_sv and "kirjaamo" not in registry.address_sv
    assert "kirjaamo" in registry.address and "registratorskontoret" not in registry.address
