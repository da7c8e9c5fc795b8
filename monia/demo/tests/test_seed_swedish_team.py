"""The bilingual county's Swedish-language team writes its records in Swedish; the Finnish
teams keep theirs in Finnish."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.db import models

from monia.accounts.models import User
from monia.casework.models import (
    ChildHearing,
    ClientNote,
    ClientPlan,
    Intake,
    Measure,
    ServiceNeedsAssessment,
)
from monia.decisions.models import AppealAuthority, AuthorityKind
from monia.demo import notes as demo_notes
from monia.demo import texts as demo_texts
from monia.people.models import Gender, Person
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


def _texts_by_child(
    team: Team, records: tuple[type[models.Model], ...] = RECORDS
) -> list[tuple[str, str]]:
    """(the child's gender, a free text) of the records of ``team``'s cases, as the demo
    seeded them."""
    found = []
    for model in records:
        fields = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField | models.TextField) and not f.choices
        ]
        rows = model.objects.filter(case__team=team).values_list("case__child__gender", *fields)
        for gender, *row in rows:
            found += [(gender, v) for v in row if isinstance(v, str) and v.strip()]
    return found


def _texts(team: Team) -> list[str]:
    """The free texts of the records of ``team``'s cases, as the demo seeded them."""
    return [text for _gender, text in _texts_by_child(team)]


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


@pytest.mark.django_db
def test_the_swedish_language_team_writes_its_records_in_swedish() -> None:
    call_command("seed_demo", stdout=io.StringIO(), children=20, seed=1)
    swedish_team = Team.objects.get(county__bilingual=True, name_sv__contains="svenskspråkigt")
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


# The gender-neutral Swedish pronoun, in any of its forms.
HEN = re.compile(r"\b(hen|hens)\b", re.IGNORECASE)


def test_every_swedish_demo_text_names_the_child_through_the_pronoun_placeholders() -> None:
    """The Swedish texts say no "hen" of their own: the child is {hon}, {henne}, {hennes},
    filled for each child (the Finnish "hän" tells no gender)."""
    swedish = [*demo_texts.SWEDISH.values()]
    notes = demo_notes.CLIENT_NOTES["sv"]
    swedish += [v for note in notes for v in note.values() if isinstance(v, str)]
    assert not [text for text in swedish if HEN.search(text)]
    assert sum("{hon}" in text or "{Hon}" in text for text in swedish) >= 10


@pytest.mark.parametrize(
    ("gender", "words"),
    [
        (Gender.FEMALE, ("hon", "Hon", "henne", "hennes")),
        (Gender.MALE, ("han", "Han", "honom", "hans")),
        (Gender.UNKNOWN, ("hen", "Hen", "hen", "hens")),  # a child not yet born
    ],
)
def test_a_swedish_text_about_a_child_says_hon_or_han_as_the_register_has_the_child(
    gender: str, words: tuple[str, str, str, str]
) -> None:
    child = Person(gender=gender)
    said = demo_texts.about_child("{Hon} sade att {hon} saknar {henne} och {hennes} bok.", child)
    assert said == f"{words[1]} sade att {words[0]} saknar {words[2]} och {words[3]} bok."
    # As the demo writes a child's view: the Swedish team's worker, the child's pronoun.
    view = next(v for v in demo_texts.CHILD_VIEWS["school"] if "{Hon}" in demo_texts.SWEDISH[v])
    written = demo_texts.written_by(User(language="sv"), view, child=child)
    assert (
        f" {words[0]} " in written
        and f"{words[1]} " in written
        and "{" not in written.replace("{lapsi}", "")
    )


def test_a_swedish_text_about_a_child_is_refused_without_the_child() -> None:
    about = next(fi for fi, sv in demo_texts.SWEDISH.items() if "{hon}" in sv)
    with pytest.raises(ValueError, match="without the child"):
        demo_texts.written_by(User(language="sv"), about)
    assert demo_texts.written_by(User(language="fi"), about) == about  # Finnish: "hän"


@pytest.mark.django_db
def test_no_swedish_demo_record_calls_a_child_of_known_gender_hen() -> None:
    """Every record the Swedish-language team wrote of a girl or a boy (notifications,
    assessments, hearings, measures, plans, client notes) says "hon" or "han" of the child,
    never "hen"; no placeholder is left unfilled."""
    call_command("seed_demo", stdout=io.StringIO(), children=20, seed=1)
    swedish_team = Team.objects.get(county__bilingual=True, name_sv__contains="svenskspråkigt")
    found = _texts_by_child(swedish_team, (*RECORDS, ClientNote))
    known = [(g, t) for g, t in found if g in (Gender.FEMALE, Gender.MALE)]
    assert len(known) >= 30 and {g for g, _t in known} == {Gender.FEMALE, Gender.MALE}
    assert not [t for _g, t in known if HEN.search(t)]
    assert not [t for _g, t in found if re.search(r"\{\w+\}", t)]
    # The child's own pronoun is there: a girl's records say "hon", a boy's "han".
    assert any(re.search(r"\bhon\b", t, re.I) for g, t in known if g == Gender.FEMALE)
    assert any(re.search(r"\b(han|honom)\b", t, re.I) for g, t in known if g == Gender.MALE)
