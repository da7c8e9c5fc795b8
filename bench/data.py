"""Static material for the synthetic data: counties, scales, names and texts.

Everything here is invented for benchmarks. Identity codes are made elsewhere with
``monia.people.hetu.make_synthetic`` (individual numbers 900-999, never a real person's).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CountySpec:
    code: str
    name_fi: str
    name_sv: str
    population_k: int  # rough population in thousands: shares the national volumes
    bilingual: bool
    municipalities: tuple[str, ...]


# The 21 wellbeing services counties (hyvinvointialueet), largest first.
COUNTIES: tuple[CountySpec, ...] = (
    CountySpec("pirkanmaa", "Pirkanmaa", "Birkaland", 535, False, ("Tampere", "Nokia", "Ylöjärvi")),
    CountySpec(
        "varsinais-suomi",
        "Varsinais-Suomi",
        "Egentliga Finland",
        485,
        True,
        ("Turku", "Salo", "Kaarina"),
    ),
    CountySpec(
        "lansi-uusimaa",
        "Länsi-Uusimaa",
        "Västra Nyland",
        480,
        True,
        ("Espoo", "Lohja", "Raasepori"),
    ),
    CountySpec(
        "pohjois-pohjanmaa",
        "Pohjois-Pohjanmaa",
        "Norra Österbotten",
        415,
        False,
        ("Oulu", "Raahe", "Kempele"),
    ),
    CountySpec("vantaa-kerava", "Vantaa-Kerava", "Vanda-Kervo", 280, True, ("Vantaa", "Kerava")),
    CountySpec(
        "keski-suomi", "Keski-Suomi", "Mellersta Finland", 275, False, ("Jyväskylä", "Äänekoski")
    ),
    CountySpec("pohjois-savo", "Pohjois-Savo", "Norra Savolax", 250, False, ("Kuopio", "Iisalmi")),
    CountySpec("satakunta", "Satakunta", "Satakunta", 215, False, ("Pori", "Rauma")),
    CountySpec(
        "paijat-hame", "Päijät-Häme", "Päijänne-Tavastland", 205, False, ("Lahti", "Heinola")
    ),
    CountySpec(
        "keski-uusimaa", "Keski-Uusimaa", "Mellersta Nyland", 200, True, ("Hyvinkää", "Järvenpää")
    ),
    CountySpec(
        "etela-pohjanmaa", "Etelä-Pohjanmaa", "Södra Österbotten", 190, False, ("Seinäjoki",)
    ),
    CountySpec("lappi", "Lappi", "Lappland", 177, False, ("Rovaniemi", "Kemi", "Tornio")),
    CountySpec("pohjanmaa", "Pohjanmaa", "Österbotten", 176, True, ("Vaasa", "Mustasaari")),
    CountySpec(
        "kanta-hame", "Kanta-Häme", "Egentliga Tavastland", 170, False, ("Hämeenlinna", "Riihimäki")
    ),
    CountySpec("pohjois-karjala", "Pohjois-Karjala", "Norra Karelen", 164, False, ("Joensuu",)),
    CountySpec("kymenlaakso", "Kymenlaakso", "Kymmenedalen", 160, False, ("Kotka", "Kouvola")),
    CountySpec("etela-savo", "Etelä-Savo", "Södra Savolax", 130, False, ("Mikkeli", "Savonlinna")),
    CountySpec("etela-karjala", "Etelä-Karjala", "Södra Karelen", 127, False, ("Lappeenranta",)),
    CountySpec("ita-uusimaa", "Itä-Uusimaa", "Östra Nyland", 100, True, ("Porvoo", "Loviisa")),
    CountySpec("kainuu", "Kainuu", "Kajanaland", 71, False, ("Kajaani",)),
    CountySpec(
        "keski-pohjanmaa", "Keski-Pohjanmaa", "Mellersta Österbotten", 68, True, ("Kokkola",)
    ),
)


@dataclass(frozen=True)
class Scale:
    name: str
    counties: tuple[CountySpec, ...]
    children: int  # children with a case, spread over the counties by population
    # Persons in the register in all: this year's children and parents, and the former
    # clients of earlier years with their parents (bench/register.py) up to this number.
    register_persons: int = 0
    # Invented words besides the synthetic names' own in the vocabulary of name words (the
    # client search's look-up), as many as a real register of this size would hold.
    vocabulary: int = 0


NATIONAL_CHILDREN = 115_000  # THL 2024: ~115,000 children subject to notifications a year
# About a fifth of Finland's 5.6 million: every child who was a client in the last 12 years
# (~55,000 new a year) with their parents, besides this year's.
NATIONAL_REGISTER = 1_100_000
SCALES: dict[str, Scale] = {
    "national": Scale("national", COUNTIES, NATIONAL_CHILDREN, NATIONAL_REGISTER, 100_000),
    # One large county at ~1/15 of the national volume.
    "county": Scale(
        "county", COUNTIES[:1], NATIONAL_CHILDREN // 15, NATIONAL_REGISTER // 15, 30_000
    ),
    "small": Scale("small", (COUNTIES[0], COUNTIES[-1]), 2_000, 10_000, 2_000),
}

FEMALE_NAMES = (
    "Aino Eevi Emma Sofia Olivia Helmi Ella Aada Lilja Venla Isla Iida Enni Pihla Kerttu "
    "Siiri Elli Vilma Lumi Hilla Minea Oona Alisa Linnea Veera Ronja Nelli Aurora Selma Saana "
    "Anni Emilia Maria Johanna Kaisa Liisa Anna Elina Sanna Hanna Tiina Minna Katja Riikka"
).split()
MALE_NAMES = (
    "Eino Väinö Leo Oliver Elias Onni Toivo Eeli Leevi Veeti Niilo Aaro Vilho Lenni Nooa "
    "Hugo Otto Mikael Juho Aleksi Lauri Joona Daniel Arttu Eemeli Rasmus Akseli Matias Teemu "
    "Juhani Johannes Antero Matti Mikko Jari Timo Janne Sami Petri Ville Tuomas Antti Pekka"
).split()
LAST_NAMES = (
    "Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen "
    "Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen "
    "Salo Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila Savolainen Lahtinen Ahonen "
    "Hiltunen Miettinen Leinonen Pitkänen Aaltonen Manninen Hakala Väisänen Koivisto Anttila "
    "Laaksonen Hirvonen Räsänen Lehto Laakso Toivonen Mustonen Nurmi Niskanen Seppälä "
    "Kettunen Rossi Oksanen Hänninen Kallio Ojala Peltonen Vainio Huttunen Partanen "
    "Karppinen Kokkonen Ikonen Kärkkäinen Lindholm Nyström Lindqvist Johansson Karlsson "
    "Eriksson Holmberg Sundström Backman Forsman Ahmed Mohamed Nguyen Ivanov Hussein Ali"
).split()
SWEDISH_SURNAMES = frozenset(
    "Lindholm Nyström Lindqvist Johansson Karlsson Eriksson Holmberg Sundström Backman "
    "Forsman".split()
)
OTHER_LANGUAGE_SURNAMES = {
    "Ahmed": "somali",
    "Mohamed": "arabia",
    "Hussein": "arabia",
    "Ali": "dari",
    "Nguyen": "vietnam",
    "Ivanov": "venäjä",
}

# Intake texts by notifier sector: short, invented, in the register of real notifications.
INTAKE_TEXTS: dict[str, tuple[str, ...]] = {
    "school": (
        "Lapsi on ollut syyslukukaudella poissa koulusta yli 60 tuntia. Opettaja kertoo, että "
        "lapsi on väsynyt ja kertoi nukkuvansa vähän, koska kotona riidellään öisin.",
        "Koulukuraattori ilmoittaa: lapsi kertoi välitunnilla, ettei kotona ole ollut ruokaa "
        "viikonloppuna. Huoltajaa ei ole tavoitettu puhelimitse.",
    ),
    "early_education": (
        "Varhaiskasvatuksen opettaja on huolissaan: lapsi tuodaan päiväkotiin likaisissa "
        "vaatteissa ja hakijana on ollut kahdesti päihtyneen oloinen aikuinen.",
    ),
    "health_care": (
        "Terveydenhoitaja ilmoittaa: neuvolakäynnillä äiti kertoi jaksamattomuudesta ja siitä, "
        "että puoliso on väkivaltainen. Lapsi oli käynnillä mukana.",
        "Päivystyksessä hoidettu nuori, jolla alkoholimyrkytys. Huoltajat saapuivat paikalle "
        "myöhään eivätkä halunneet keskustella tilanteesta.",
    ),
    "police": (
        "Poliisi kävi kotihälytystehtävällä perheriidan vuoksi klo 23. Asunnossa oli kaksi "
        "alaikäistä lasta. Toinen huoltajista otettiin säilöön.",
        "Nuori tavattiin ilman huoltajaa kauppakeskuksesta yöaikaan ja hänen hallustaan "
        "löytyi päihteitä. Nuori luovutettiin huoltajalle.",
    ),
    "social_services": (
        "Aikuissosiaalityö ilmoittaa: perheen asumistilanne on epävarma ja vuokrarästit ovat "
        "kasvaneet. Huoltaja kertoo, ettei jaksa huolehtia lapsista.",
    ),
    "other": (
        "Naapuri kertoo kuulleensa toistuvasti huutoa ja lapsen itkua asunnosta iltaisin. "
        "Lapsi on nähty pihalla myöhään ilman aikuista.",
        "Sukulainen on huolissaan lapsen hyvinvoinnista: vanhemman päihteiden käyttö on "
        "lisääntynyt eron jälkeen ja lapsi on usein yksin kotona.",
    ),
}

NO_ACTION_REASONS = (
    "Asia selvitetty huoltajan kanssa puhelimitse; ei lastensuojelun tarvetta.",
    "Perhe saa jo riittävää tukea perhekeskuksesta.",
    "Ilmoitus käsitellään osana käynnissä olevaa asiakkuutta ja asiakassuunnitelmaa.",
)
ASSESSMENT_SUMMARIES = (
    "Lapsen ja perheen tilannetta on arvioitu kotikäynneillä ja yhteistyöpalaverissa koulun "
    "kanssa. Lapsen kasvuolosuhteet vaarantavat hänen terveyttään ja kehitystään.",
    "Perheen tilanne on rauhoittunut. Huoltajat ovat sitoutuneet perhetyöhön. "
    "Lastensuojelun asiakkuudelle ei ole tarvetta.",
)
CHILD_VIEWS = (
    "Haluaa asua kotona ja toivoo, että riitely loppuisi.",
    "Kertoo viihtyvänsä koulussa; toivoo harrastusta ja omaa rauhaa.",
)
PLAN_TEXT = {
    "service_needs": "Perhe tarvitsee tukea arjen rutiineihin ja vanhemmuuteen.",
    "circumstances": "Vanhempien riitely ja lapsen poissaolot koulusta.",
    "services": "Perhetyö kahdesti viikossa, tukihenkilö lapselle, yhteistyö koulun kanssa.",
    "goal_time_estimate": "Tilanteen arvioidaan vakiintuvan puolessa vuodessa.",
    "child_meetings": "Sosiaalityöntekijä tapaa lapsen kotikäynneillä ja koulussa.",
}
PLACEMENT_PLAN_TEXT = {
    "placement_goals": "Turvata lapselle pysyvä ja turvallinen kasvuympäristö.",
    "special_support": "Lapselle terapia; vanhemmille oma suunnitelma (LsL 30 § 3 mom).",
    "health_and_education": "Koulunkäynti jatkuu sijaishuoltopaikan lähikoulussa.",
    "contact_arrangements": "Tapaamiset vanhempien kanssa joka toinen viikonloppu.",
    "information_sharing": "Sijaishuoltopaikka tiedottaa sosiaalityöntekijälle viikoittain.",
}
PLACES = ("Perhekoti Kotipesä", "Lastenkoti Majakka", "Sijaisperhe", "Nuorisokoti Suunta")
