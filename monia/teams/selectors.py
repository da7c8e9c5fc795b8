"""Reads of counties, teams and municipalities (no client data)."""

from __future__ import annotations

from django.db.models import QuerySet

from monia.teams.models import County, Municipality, Team
from monia.ui import document


def counties() -> QuerySet[County]:
    """Every wellbeing services county of the installation, by Finnish name."""
    return County.objects.order_by("name_fi")


def county_line(county: County, language: str) -> str:
    """The heading line of a document in ``language``: the county, and its controller
    (``County.localized_controller``) only when that is another body, as every
    ``ui.document.Document`` heads itself ("Österbottens välfärdsområde", not "… ·
    Personuppgiftsansvarig: Österbottens välfärdsområde" on the plan and the notes)."""
    return document.county_line(
        county.localized_name(language), county.localized_controller(language), language
    )


def teams_of_county(county_id: int) -> list[Team]:
    """The county's teams by name (a senior official's list filter)."""
    return list(Team.objects.filter(county_id=county_id).order_by("name"))


# Finnish and Swedish alphabets end in Å, Ä, Ö (in that order), after Z.
_NORDIC_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}"})


def municipalities(*, language: str) -> list[Municipality]:
    """Every municipality of the installation's counties, alphabetically in the reader's
    language (Swedish names for a Swedish reader), each with its county: one query."""
    rows = list(Municipality.objects.select_related("county"))
    return sorted(
        rows, key=lambda m: m.localized_name(language).casefold().translate(_NORDIC_ORDER)
    )


def municipality_get(municipality_id: object) -> Municipality | None:
    """One municipality with its county, or None for anything else (a public form's
    input: never an error page)."""
    try:
        pk = int(str(municipality_id))
    except ValueError:
        return None
    return Municipality.objects.select_related("county").filter(pk=pk).first()
