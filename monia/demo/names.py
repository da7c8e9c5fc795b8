"""Names and places for the demo data: fictional people in real municipalities.

Every person made from these lists is invented; the identity codes the builder gives
them are synthetic (individual number 900–999), so none can belong to a real person.
The name lists and municipalities are data, in ``data/names.json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from monia.demo.datafiles import load


@dataclass(frozen=True)
class NameBook:
    """First and last names of one language group, by generation."""

    girls: tuple[str, ...]
    boys: tuple[str, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    old_women: tuple[str, ...]
    old_men: tuple[str, ...]
    surnames: tuple[str, ...]


_DATA = load("names.json")
_FINNISH_FIRST_NAMES = _DATA["finnish_first_names"]


def _book(data: dict[str, tuple[str, ...]], **more: tuple[str, ...]) -> NameBook:
    return NameBook(**data, **more)


FINNISH_CENTRAL = _book(_FINNISH_FIRST_NAMES, surnames=_DATA["finnish_central_surnames"])
FINNISH_OSTROBOTHNIA = _book(_FINNISH_FIRST_NAMES, surnames=_DATA["finnish_ostrobothnia_surnames"])
SWEDISH_OSTROBOTHNIA = _book(_DATA["swedish_ostrobothnia"])

#: Families whose home language is neither Finnish nor Swedish: (language name in
#: Finnish, names). Recorded as Person.language "other" with the language named.
OTHER_LANGUAGE_FAMILIES: tuple[tuple[str, NameBook], ...] = tuple(
    (family["language"], _book({k: v for k, v in family.items() if k != "language"}))
    for family in _DATA["other_language_families"]
)


@dataclass(frozen=True)
class Municipality:
    """A municipality with its names and weights for Finnish- and Swedish-speaking families
    (roughly the number of children of each language living there)."""

    name_fi: str
    name_sv: str
    weight_fi: int
    weight_sv: int

    def name(self, language: str) -> str:
        return self.name_sv if language == "sv" else self.name_fi


#: Per county: (Finnish name, Swedish name, weight of Finnish-, of Swedish-speaking families).
MUNICIPALITIES: dict[str, tuple[Municipality, ...]] = {
    county: tuple(Municipality(*row) for row in rows)
    for county, rows in _DATA["municipalities"].items()
}


@dataclass(frozen=True)
class CountySpec:
    code: str
    short_name: str
    name_fi: str
    name_sv: str
    name_en: str
    controller: str
    controller_sv: str
    controller_en: str
    bilingual: bool
    #: Each team's name in Finnish, Swedish and English, as a county names its teams in each.
    team_names: tuple[tuple[str, str, str], tuple[str, str, str], tuple[str, str, str]]
    #: Share of families speaking Swedish and another language at home.
    swedish_share: float
    other_language_share: float


COUNTIES = (
    CountySpec(
        code="keski-suomi",
        short_name="Keski-Suomi",
        name_fi="Keski-Suomen hyvinvointialue",
        name_sv="Mellersta Finlands välfärdsområde",
        name_en="Wellbeing services county of Central Finland",
        controller="Keski-Suomen hyvinvointialue",
        controller_sv="Mellersta Finlands välfärdsområde",
        controller_en="Wellbeing services county of Central Finland",
        bilingual=False,
        team_names=(
            (
                "Lastensuojelu, tiimi 1 (systeeminen)",
                "Barnskydd, team 1 (systemiskt)",
                "Child welfare, team 1 (systemic)",
            ),
            (
                "Lastensuojelu, tiimi 2 (systeeminen)",
                "Barnskydd, team 2 (systemiskt)",
                "Child welfare, team 2 (systemic)",
            ),
            (
                "Lastensuojelu, tiimi 3 (systeeminen)",
                "Barnskydd, team 3 (systemiskt)",
                "Child welfare, team 3 (systemic)",
            ),
        ),
        swedish_share=0.0,
        other_language_share=0.05,
    ),
    CountySpec(
        code="pohjanmaa",
        short_name="Pohjanmaa",
        name_fi="Pohjanmaan hyvinvointialue",
        name_sv="Österbottens välfärdsområde",
        name_en="Wellbeing services county of Ostrobothnia",
        controller="Pohjanmaan hyvinvointialue",
        controller_sv="Österbottens välfärdsområde",
        controller_en="Wellbeing services county of Ostrobothnia",
        bilingual=True,
        team_names=(
            (
                "Lastensuojelu, tiimi 1 (systeeminen)",
                "Barnskydd, team 1 (systemiskt)",
                "Child welfare, team 1 (systemic)",
            ),
            (
                "Lastensuojelu, tiimi 2 (systeeminen)",
                "Barnskydd, team 2 (systemiskt)",
                "Child welfare, team 2 (systemic)",
            ),
            (
                "Lastensuojelu, tiimi 3 (systeeminen, ruotsinkielinen)",
                "Barnskydd, team 3 (systemiskt, svenskspråkigt)",
                "Child welfare, team 3 (systemic, Swedish-speaking)",
            ),
        ),
        swedish_share=0.5,
        other_language_share=0.05,
    ),
)


@dataclass(frozen=True)
class StaffSpec:
    username: str
    first_name: str
    last_name: str
    role: str
    team: int | None  # 1–3, or None for county-wide posts
    title: str  # in Finnish; in Swedish and English: TITLES


#: Each demo title (in Finnish) in Swedish and in English: the staff's ``title_sv`` and
#: ``title_en``, which clients and documents meet in their own language.
TITLES: dict[str, tuple[str, str]] = {
    "Konsultoiva sosiaalityöntekijä": ("Konsulterande socialarbetare", "Consultant social worker"),
    "Sosiaalityöntekijä": ("Socialarbetare", "Social worker"),
    "Perheterapeutti": ("Familjeterapeut", "Family therapist"),
    "Sosiaaliohjaaja": ("Socialhandledare", "Social counsellor"),
    "Tiimikoordinaattori": ("Teamkoordinator", "Team coordinator"),
    "Johtava sosiaalityöntekijä": ("Ledande socialarbetare", "Senior social worker"),
    "Pääkäyttäjä": ("Huvudanvändare", "Administrator"),
    "Kehittäjä": ("Utvecklare", "Development coordinator"),
    "Kokemusasiantuntija": ("Erfarenhetsexpert", "Expert by experience"),
    "Kouluterveydenhoitaja": ("Skolhälsovårdare", "School nurse"),
}
_TEAM_TITLES = (
    "Konsultoiva sosiaalityöntekijä",
    "Sosiaalityöntekijä",
    "Perheterapeutti",
    "Sosiaaliohjaaja",
)


def title_fields(title: str) -> dict[str, str]:
    """A demo title's fields: Finnish, Swedish and English."""
    sv, en = TITLES[title]
    return {"title": title, "title_sv": sv, "title_en": en}


def _team(
    number: int, people: tuple[tuple[str, str, str], ...], titles: tuple[str, ...] = _TEAM_TITLES
) -> tuple[StaffSpec, ...]:
    """A systemic team: consultant, two designated workers, family therapist, family worker."""
    roles = (
        "consultant_social_worker",
        "designated_social_worker",
        "designated_social_worker",
        "family_therapist",
        "family_worker",
    )
    title_of = (titles[0], titles[1], titles[1], titles[2], titles[3])
    return tuple(
        StaffSpec(u, f, la, role, number, title)
        for (u, f, la), role, title in zip(people, roles, title_of, strict=True)
    )


STAFF: dict[str, tuple[StaffSpec, ...]] = {
    "keski-suomi": (
        *_team(
            1,
            (
                ("katja", "Katja", "Hämäläinen"),
                ("sanna", "Sanna", "Lehtonen"),
                ("mikko", "Mikko", "Kauppinen"),
                ("leena", "Leena", "Rautiainen"),
                ("jari", "Jari", "Kolehmainen"),
            ),
        ),
        *_team(
            2,
            (
                ("hanna", "Hanna", "Toivanen"),
                ("tuomas", "Tuomas", "Hyvönen"),
                ("riikka", "Riikka", "Kiiskinen"),
                ("petri", "Petri", "Huttunen"),
                ("minna", "Minna", "Leinonen"),
            ),
        ),
        *_team(
            3,
            (
                ("outi", "Outi", "Paananen"),
                ("antti", "Antti", "Moilanen"),
                ("johanna", "Johanna", "Puttonen"),
                ("marjo", "Marjo", "Lappalainen"),
                ("ville", "Ville", "Mustonen"),
            ),
        ),
        StaffSpec("tiina", "Tiina", "Kokkonen", "team_coordinator", 1, "Tiimikoordinaattori"),
        StaffSpec(
            "heikki", "Heikki", "Oksanen", "senior_official", None, "Johtava sosiaalityöntekijä"
        ),
    ),
    "pohjanmaa": (
        *_team(
            1,
            (
                ("kaisa", "Kaisa", "Hautamäki"),
                ("emma", "Emma", "Rintala"),
                ("juha", "Juha", "Kivimäki"),
                ("satu", "Satu", "Peltoniemi"),
                ("markus", "Markus", "Hakala"),
            ),
        ),
        *_team(
            2,
            (
                ("elina", "Elina", "Ylikoski"),
                ("niklas", "Niklas", "Kangas"),
                ("laura", "Laura", "Viitala"),
                ("kari", "Kari", "Luoma"),
                ("jenni", "Jenni", "Harju"),
            ),
        ),
        *_team(
            3,
            (
                ("camilla", "Camilla", "Holmström"),
                ("johan", "Johan", "Sjöberg"),
                ("linnea", "Linnea", "Björk"),
                ("fredrik", "Fredrik", "Granholm"),
                ("ida", "Ida", "Westerlund"),
            ),
        ),
        StaffSpec("pia", "Pia", "Nyman", "team_coordinator", 1, "Tiimikoordinaattori"),
        StaffSpec("mats", "Mats", "Forsman", "senior_official", None, "Johtava sosiaalityöntekijä"),
    ),
}

ADMINISTRATOR = StaffSpec("admin", "Arto", "Salmela", "administrator", None, "Pääkäyttäjä")
# A second administrator: a change of access rights waits for another administrator's
# approval (monia/rights), so the demo has two to try it with (docs/security.md).
SECOND_ADMINISTRATOR = StaffSpec(
    "admin2", "Kirsi", "Lindroos", "administrator", None, "Pääkäyttäjä"
)
