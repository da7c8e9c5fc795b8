"""Names and places for the demo data: fictional people in real municipalities.

Every person made from these lists is invented; the identity codes the builder gives
them are synthetic (individual number 900–999), so none can belong to a real person.
"""

from __future__ import annotations

from dataclasses import dataclass


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


_FI_GIRLS = (
    "Aino",
    "Eevi",
    "Helmi",
    "Sofia",
    "Aada",
    "Lilja",
    "Ella",
    "Emma",
    "Venla",
    "Olivia",
    "Linnea",
    "Isla",
    "Pihla",
    "Kerttu",
    "Enni",
    "Iida",
    "Siiri",
    "Veera",
    "Nelli",
    "Minea",
    "Aurora",
    "Elsa",
    "Lumi",
    "Hilla",
    "Kaisla",
    "Oona",
    "Vilja",
    "Milla",
    "Emilia",
    "Seela",
)
_FI_BOYS = (
    "Eino",
    "Väinö",
    "Leo",
    "Oliver",
    "Elias",
    "Onni",
    "Eeli",
    "Noel",
    "Leevi",
    "Veeti",
    "Aatu",
    "Niilo",
    "Toivo",
    "Lenni",
    "Joel",
    "Juho",
    "Eetu",
    "Aleksi",
    "Lauri",
    "Otto",
    "Konsta",
    "Valtteri",
    "Aaro",
    "Viljami",
    "Rasmus",
    "Oskari",
    "Mikael",
    "Luka",
    "Hugo",
    "Daniel",
)
_FI_WOMEN = (
    "Jenni",
    "Johanna",
    "Katja",
    "Laura",
    "Heidi",
    "Anna",
    "Maria",
    "Elina",
    "Niina",
    "Minna",
    "Tiina",
    "Sari",
    "Susanna",
    "Marika",
    "Riikka",
    "Hanna",
    "Saara",
    "Jonna",
    "Krista",
    "Emmi",
    "Noora",
    "Sanni",
    "Veera",
    "Iida",
    "Pauliina",
    "Anu",
)
_FI_MEN = (
    "Mikko",
    "Jussi",
    "Antti",
    "Janne",
    "Juha",
    "Matti",
    "Ville",
    "Tuomas",
    "Jari",
    "Sami",
    "Tero",
    "Markus",
    "Joni",
    "Teemu",
    "Petri",
    "Aleksi",
    "Lauri",
    "Jani",
    "Marko",
    "Kalle",
    "Toni",
    "Henri",
    "Olli",
    "Eero",
    "Jukka",
    "Simo",
)
_FI_OLD_WOMEN = (
    "Pirjo",
    "Raija",
    "Seija",
    "Marja-Liisa",
    "Tuula",
    "Sirpa",
    "Leena",
    "Ritva",
    "Eila",
    "Aila",
    "Anneli",
    "Kaija",
)
_FI_OLD_MEN = (
    "Pertti",
    "Kari",
    "Esa",
    "Seppo",
    "Heikki",
    "Reijo",
    "Raimo",
    "Pentti",
    "Markku",
    "Jorma",
    "Timo",
    "Erkki",
)

FINNISH_CENTRAL = NameBook(
    girls=_FI_GIRLS,
    boys=_FI_BOYS,
    women=_FI_WOMEN,
    men=_FI_MEN,
    old_women=_FI_OLD_WOMEN,
    old_men=_FI_OLD_MEN,
    surnames=(
        "Virtanen",
        "Korhonen",
        "Mäkinen",
        "Nieminen",
        "Hämäläinen",
        "Laine",
        "Heikkinen",
        "Koskinen",
        "Järvinen",
        "Lehtonen",
        "Lehtinen",
        "Salminen",
        "Heinonen",
        "Kinnunen",
        "Salonen",
        "Turunen",
        "Laitinen",
        "Tuominen",
        "Karjalainen",
        "Jokinen",
        "Savolainen",
        "Ahonen",
        "Hiltunen",
        "Kettunen",
        "Peltonen",
        "Leppänen",
        "Manninen",
        "Väisänen",
        "Hakkarainen",
        "Kärkkäinen",
        "Koponen",
        "Pitkänen",
        "Kauppinen",
        "Hyvönen",
        "Mustonen",
        "Kokkonen",
        "Kolehmainen",
        "Puttonen",
        "Lappalainen",
        "Leinonen",
        "Toivanen",
        "Rautiainen",
        "Kiiskinen",
        "Huttunen",
        "Moilanen",
        "Oksanen",
        "Paananen",
        "Hänninen",
        "Tikkanen",
        "Vesterinen",
        "Häkkinen",
        "Räsänen",
    ),
)

FINNISH_OSTROBOTHNIA = NameBook(
    girls=_FI_GIRLS,
    boys=_FI_BOYS,
    women=_FI_WOMEN,
    men=_FI_MEN,
    old_women=_FI_OLD_WOMEN,
    old_men=_FI_OLD_MEN,
    surnames=(
        "Hautala",
        "Kangas",
        "Mäkelä",
        "Rintala",
        "Niemi",
        "Hietala",
        "Koivisto",
        "Ylikoski",
        "Kivimäki",
        "Lahti",
        "Peltoniemi",
        "Hakala",
        "Luoma",
        "Kallio",
        "Mäki",
        "Perälä",
        "Hautamäki",
        "Kuusela",
        "Viitala",
        "Harju",
        "Rinta-Aho",
        "Ojala",
        "Huhtala",
        "Kujala",
        "Yli-Hannuksela",
        "Latvala",
        "Pohjola",
        "Alanko",
        "Salo",
        "Keskinen",
    ),
)

SWEDISH_OSTROBOTHNIA = NameBook(
    girls=(
        "Alva",
        "Ebba",
        "Ella",
        "Elsa",
        "Freja",
        "Ida",
        "Isabella",
        "Linnea",
        "Maja",
        "Saga",
        "Selma",
        "Stella",
        "Wilma",
        "Alice",
        "Agnes",
        "Ellen",
        "Emilia",
        "Klara",
        "Nellie",
        "Tilda",
    ),
    boys=(
        "Anton",
        "Axel",
        "Elias",
        "Emil",
        "Hugo",
        "Isak",
        "Jonatan",
        "Leo",
        "Liam",
        "Lucas",
        "Melvin",
        "Noah",
        "Oliver",
        "Oskar",
        "Theo",
        "Viktor",
        "William",
        "Alexander",
        "Edvin",
        "Albin",
    ),
    women=(
        "Anna",
        "Annika",
        "Camilla",
        "Carina",
        "Emma",
        "Hanna",
        "Jenny",
        "Johanna",
        "Josefin",
        "Karolina",
        "Linda",
        "Malin",
        "Maria",
        "Sara",
        "Sofia",
        "Susanne",
        "Therese",
        "Ulrika",
        "Catharina",
        "Petra",
    ),
    men=(
        "Anders",
        "Andreas",
        "Christian",
        "Daniel",
        "Fredrik",
        "Henrik",
        "Jan",
        "Jesper",
        "Johan",
        "Jonas",
        "Kim",
        "Magnus",
        "Marcus",
        "Mats",
        "Mikael",
        "Niklas",
        "Patrik",
        "Robert",
        "Stefan",
        "Tobias",
    ),
    old_women=(
        "Birgitta",
        "Gunilla",
        "Ingrid",
        "Kerstin",
        "Marianne",
        "Margareta",
        "Gun",
        "Solveig",
        "Barbro",
        "Britt",
    ),
    old_men=("Bengt", "Bo", "Göran", "Lars", "Leif", "Rolf", "Stig", "Sven", "Ulf", "Kurt"),
    surnames=(
        "Björk",
        "Backlund",
        "Forsman",
        "Granholm",
        "Holmström",
        "Häggblom",
        "Kronqvist",
        "Lindholm",
        "Nylund",
        "Nyman",
        "Sandvik",
        "Sjöberg",
        "Snickars",
        "Strand",
        "Westerlund",
        "Wikström",
        "Östman",
        "Ahlskog",
        "Enlund",
        "Klemets",
        "Lillhannus",
        "Mattsson",
        "Nyberg",
        "Sundqvist",
        "Ström",
        "Öhman",
        "Hägglund",
        "Kronholm",
        "Vikström",
        "Westerholm",
        "Finnäs",
        "Back",
    ),
)

#: Families whose home language is neither Finnish nor Swedish: (language name in
#: Finnish, names). Recorded as Person.language "other" with the language named.
OTHER_LANGUAGE_FAMILIES: tuple[tuple[str, NameBook], ...] = (
    (
        "arabia",
        NameBook(
            girls=("Maryam", "Sara", "Lina", "Hiba", "Nour", "Jana"),
            boys=("Yusuf", "Adam", "Ibrahim", "Karim", "Omar", "Zaid"),
            women=("Fatima", "Amina", "Noor", "Zainab", "Rania", "Huda"),
            men=("Ahmed", "Mohammed", "Ali", "Hassan", "Mustafa", "Khalid"),
            old_women=("Khadija", "Aisha"),
            old_men=("Abdullah", "Mahmoud"),
            surnames=("Hassan", "Abdullah", "Al-Sayed", "Mahmoud", "Ibrahim", "Saleh"),
        ),
    ),
    (
        "somali",
        NameBook(
            girls=("Hamdi", "Ayaan", "Nasra", "Sagal", "Ifrah"),
            boys=("Abdirahman", "Liban", "Yusuf", "Khalid", "Bashir"),
            women=("Hodan", "Fadumo", "Amina", "Sahra", "Faadumo"),
            men=("Abdi", "Mohamed", "Ahmed", "Hassan", "Abdullahi"),
            old_women=("Halimo", "Xaawo"),
            old_men=("Cabdi", "Nuur"),
            surnames=("Ali", "Hussein", "Warsame", "Farah", "Osman", "Jama"),
        ),
    ),
    (
        "ukraina",
        NameBook(
            girls=("Sofiia", "Anna", "Zlata", "Vira", "Mariia"),
            boys=("Maksym", "Artem", "Mykyta", "Bohdan", "Denys"),
            women=("Olena", "Iryna", "Kateryna", "Oksana", "Nataliia"),
            men=("Oleksandr", "Andrii", "Dmytro", "Serhii", "Taras"),
            old_women=("Halyna", "Liudmyla"),
            old_men=("Petro", "Volodymyr"),
            surnames=("Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchuk"),
        ),
    ),
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


MUNICIPALITIES: dict[str, tuple[Municipality, ...]] = {
    "keski-suomi": tuple(
        Municipality(name, name, weight, 0)
        for name, weight in (
            ("Jyväskylä", 146),
            ("Jämsä", 19),
            ("Laukaa", 19),
            ("Äänekoski", 18),
            ("Muurame", 10),
            ("Keuruu", 9),
            ("Saarijärvi", 9),
            ("Viitasaari", 6),
            ("Hankasalmi", 5),
            ("Karstula", 4),
            ("Uurainen", 4),
            ("Petäjävesi", 4),
            ("Joutsa", 4),
            ("Pihtipudas", 4),
            ("Toivakka", 3),
            ("Konnevesi", 2),
            ("Multia", 2),
            ("Kinnula", 2),
            ("Kannonkoski", 1),
            ("Kivijärvi", 1),
            ("Kyyjärvi", 1),
            ("Luhanka", 1),
        )
    ),
    "pohjanmaa": (
        Municipality("Vaasa", "Vasa", 48, 16),
        Municipality("Mustasaari", "Korsholm", 6, 13),
        Municipality("Pietarsaari", "Jakobstad", 8, 10),
        Municipality("Pedersören kunta", "Pedersöre", 1, 11),
        Municipality("Laihia", "Laihela", 8, 0),
        Municipality("Närpiö", "Närpes", 1, 7),
        Municipality("Uusikaarlepyy", "Nykarleby", 1, 7),
        Municipality("Luoto", "Larsmo", 0, 7),
        Municipality("Kruunupyy", "Kronoby", 1, 5),
        Municipality("Vöyri", "Vörå", 1, 5),
        Municipality("Maalahti", "Malax", 1, 5),
        Municipality("Isokyrö", "Storkyro", 4, 0),
        Municipality("Kristiinankaupunki", "Kristinestad", 3, 3),
        Municipality("Korsnäs", "Korsnäs", 0, 2),
        Municipality("Kaskinen", "Kaskö", 1, 1),
    ),
}


@dataclass(frozen=True)
class CountySpec:
    code: str
    short_name: str
    name_fi: str
    name_sv: str
    controller: str
    bilingual: bool
    team_names: tuple[str, str, str]
    #: Share of families speaking Swedish and another language at home.
    swedish_share: float
    other_language_share: float


COUNTIES = (
    CountySpec(
        code="keski-suomi",
        short_name="Keski-Suomi",
        name_fi="Keski-Suomen hyvinvointialue",
        name_sv="Mellersta Finlands välfärdsområde",
        controller="Keski-Suomen hyvinvointialue",
        bilingual=False,
        team_names=(
            "Lastensuojelu, tiimi 1 (systeeminen)",
            "Lastensuojelu, tiimi 2 (systeeminen)",
            "Lastensuojelu, tiimi 3 (systeeminen)",
        ),
        swedish_share=0.0,
        other_language_share=0.05,
    ),
    CountySpec(
        code="pohjanmaa",
        short_name="Pohjanmaa",
        name_fi="Pohjanmaan hyvinvointialue",
        name_sv="Österbottens välfärdsområde",
        controller="Pohjanmaan hyvinvointialue",
        bilingual=True,
        team_names=(
            "Lastensuojelu, tiimi 1 (systeeminen)",
            "Lastensuojelu, tiimi 2 (systeeminen)",
            "Barnskydd, team 3 (systemiskt, svenskspråkigt)",
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
    title: str


_FI_TEAM_TITLES = (
    "Konsultoiva sosiaalityöntekijä",
    "Sosiaalityöntekijä",
    "Perheterapeutti",
    "Sosiaaliohjaaja",
)
_SV_TEAM_TITLES = (
    "Konsultativ socialarbetare",
    "Socialarbetare",
    "Familjeterapeut",
    "Socialhandledare",
)


def _team(
    number: int, people: tuple[tuple[str, str, str], ...], titles: tuple[str, ...] = _FI_TEAM_TITLES
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
            _SV_TEAM_TITLES,
        ),
        StaffSpec(
            "pia", "Pia", "Nyman", "team_coordinator", 1, "Tiimikoordinaattori – Teamkoordinator"
        ),
        StaffSpec(
            "mats",
            "Mats",
            "Forsman",
            "senior_official",
            None,
            "Johtava sosiaalityöntekijä – Ledande socialarbetare",
        ),
    ),
}

ADMINISTRATOR = StaffSpec("admin", "Arto", "Salmela", "administrator", None, "Pääkäyttäjä")
