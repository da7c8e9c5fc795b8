"""Texts of the demo data: fictional notifications, decisions, assessments and plans.

They read like real child welfare records but describe no real person or event.
Placeholders: ``{lapsi}`` the child's first name, ``{kunta}`` the municipality.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Notifications --------------------------------------------------------------------------


@dataclass(frozen=True)
class Concern:
    """One kind of notification: who sends it, about a child of what age, and its text."""

    sector: str  # monia.casework.models.Sector, "" for private and anonymous notifiers
    notifier_type: str  # obligated | private | anonymous
    channel: str
    ages: tuple[int, int]  # the child's age in years at receipt, inclusive
    content: str
    kind: str = "notification"
    urgent: bool = False
    police_report: bool = False
    family_informed: str = "unknown"
    notifier_role: str = ""
    family_participated: bool = False
    #: Serious enough to end in an emergency placement.
    danger: bool = False
    #: Prefer organisations whose name contains this (say "päivystys" over "neuvola").
    organisation_hint: str = ""


CONCERNS: tuple[Concern, ...] = (
    Concern(
        "school",
        "obligated",
        "electronic",
        (7, 16),
        (
            "{lapsi} on ollut syyslukukauden aikana poissa koulusta 86 tuntia, joista "
            "selvittämättömiä 41. Huoltajaa on yritetty tavoittaa Wilman ja puhelimen kautta, "
            "mutta yhteydenottoihin ei ole vastattu. Oppilas on kertonut valvovansa öisin "
            "pelaten ja on tunneilla väsynyt. Luokanvalvoja ja kuraattori ovat huolissaan "
            "koulunkäynnin jatkumisesta."
        ),
        family_informed="yes",
        notifier_role="luokanvalvoja",
    ),
    Concern(
        "school",
        "obligated",
        "phone",
        (7, 15),
        (
            "{lapsi} kertoi koulukuraattorille, että isä on lyönyt häntä kämmenellä kasvoihin "
            "viikonloppuna riidan yhteydessä. Poskessa ei tänään näkynyt jälkiä. Lapsi sanoo "
            "pelkäävänsä mennä kotiin ja pyysi, ettei isälle kerrota hänen puhuneen asiasta."
        ),
        urgent=True,
        police_report=True,
        family_informed="no",
        notifier_role="koulukuraattori",
    ),
    Concern(
        "school",
        "obligated",
        "electronic",
        (7, 13),
        (
            "{lapsi} on tullut kouluun useana aamuna ilman aamupalaa ja puutteellisesti "
            "pukeutuneena, eikä hänellä ole ollut talvivaatteita pakkasella. Oppilas on "
            "vetäytynyt ja kertonut, että äiti nukkuu päivisin eikä jaksa. Koulu on huolissaan "
            "vanhemman jaksamisesta ja lapsen perushoidosta."
        ),
        family_informed="yes",
        notifier_role="luokanopettaja",
    ),
    Concern(
        "school",
        "obligated",
        "electronic",
        (13, 17),
        (
            "Oppilashuollon kokouksessa todettiin, että {lapsi} on käytännössä lopettanut "
            "koulunkäynnin. Nuori on kertonut viettävänsä aikaa selvästi vanhempien nuorten "
            "kanssa ja kokeilleensa kannabista. Huoltaja on tietoinen tilanteesta ja toivoo apua, "
            "koska omat keinot eivät enää riitä."
        ),
        family_informed="yes",
        notifier_role="koulukuraattori",
    ),
    Concern(
        "school",
        "obligated",
        "electronic",
        (12, 17),
        (
            "{lapsi} pyysi yhdessä äitinsä kanssa kuraattoria ottamaan yhteyttä "
            "lastensuojeluun. Kotona on jatkuvia riitoja, nuori ei noudata sovittuja "
            "kotiintuloaikoja, ja äiti kokee keinojensa loppuneen. Molemmat toivovat arviota "
            "perheen tuen tarpeesta."
        ),
        kind="request_with_family",
        family_informed="yes",
        notifier_role="koulukuraattori",
        family_participated=True,
    ),
    Concern(
        "early_education",
        "obligated",
        "phone",
        (1, 6),
        (
            "Varhaiskasvatuksen henkilöstö on usean kerran havainnut, että lasta hakiessa "
            "äidistä on tuntunut alkoholin haju. Eilen äiti horjui eteisessä, ja lapsi "
            "luovutettiin isoäidille. {lapsi} on ollut levoton ja kertonut leikeissään "
            "kotona olevista riidoista."
        ),
        family_informed="yes",
        notifier_role="varhaiskasvatuksen opettaja",
    ),
    Concern(
        "early_education",
        "obligated",
        "electronic",
        (1, 5),
        (
            "{lapsi} tuodaan päiväkotiin epäsäännöllisesti ja usein likaisissa vaatteissa. "
            "Lapsella on ollut toistuvasti vaippaihottumaa ja kova nälkä aamuisin. Vanhemmat "
            "eivät ole tulleet kahteen sovittuun varhaiskasvatuskeskusteluun."
        ),
        family_informed="yes",
        notifier_role="päiväkodin johtaja",
    ),
    Concern(
        "early_education",
        "obligated",
        "phone",
        (3, 6),
        (
            "{lapsi} kertoi päiväkodissa leikin lomassa, että ”isi heitti äitiä tuolilla”. "
            "Lapsi on viime viikkoina säpsähdellyt äkillisiä ääniä, ollut itkuinen ja "
            "kieltäytynyt lähtemästä kotiin."
        ),
        urgent=True,
        police_report=True,
        family_informed="no",
        notifier_role="varhaiskasvatuksen opettaja",
    ),
    Concern(
        "health_care",
        "obligated",
        "phone",
        (0, 1),
        (
            "Perhe on jättänyt tulematta kolmelle neuvolakäynnille. Kotikäynnillä vauvan paino "
            "oli laskenut kasvukäyrältä ja äiti vaikutti uupuneelta; EPDS-pisteet 18. Isä on "
            "työn vuoksi viikot poissa kotoa, eikä perheellä ole lähellä tukiverkostoa."
        ),
        family_informed="yes",
        notifier_role="terveydenhoitaja",
        organisation_hint="neuvola",
    ),
    Concern(
        "health_care",
        "obligated",
        "phone",
        (13, 17),
        (
            "{lapsi} tuotiin yhteispäivystykseen lauantaiyönä alkoholimyrkytyksen vuoksi "
            "(2,1 promillea). Huoltajia ei tavoitettu yöllä; aamulla isä haki nuoren. Nuori "
            "kertoi juovansa lähes joka viikonloppu ja että kotona ei kysellä menoista."
        ),
        family_informed="yes",
        notifier_role="päivystyksen sairaanhoitaja",
        organisation_hint="päivystys",
    ),
    Concern(
        "health_care",
        "obligated",
        "phone",
        (0, 6),
        (
            "Lapsi tuotiin päivystykseen kyynärvarren murtuman vuoksi. Vanhempien selitys "
            "vamman synnystä vaihteli, ja lapsen selässä havaittiin eri-ikäisiä mustelmia. "
            "Lapsi on osastolla seurannassa; lastenlääkäri on tehnyt myös rikosilmoituksen."
        ),
        urgent=True,
        police_report=True,
        family_informed="yes",
        notifier_role="lastenlääkäri",
        organisation_hint="päivystys",
        danger=True,
    ),
    Concern(
        "child_psychiatry",
        "obligated",
        "electronic",
        (12, 17),
        (
            "Nuorisopsykiatrian poliklinikalla hoidossa oleva {lapsi} on kertonut "
            "itsetuhoisista ajatuksista ja viiltelystä. Kotona on jatkuvia riitoja, ja nuori "
            "kokee, ettei kukaan kuuntele häntä. Poliklinikka on huolissaan nuoren "
            "turvallisuudesta kotona ja vanhempien kyvystä tukea hoitoa."
        ),
        family_informed="yes",
        notifier_role="psykiatrinen sairaanhoitaja",
    ),
    Concern(
        "mental_health_substance",
        "obligated",
        "phone",
        (0, 12),
        (
            "Äiti on asiakkaana päihdepoliklinikalla. Hän kertoi vastaanotolla retkahtaneensa "
            "amfetamiinin käyttöön ja olevansa huolissaan siitä, pystyykö hän huolehtimaan "
            "lapsesta. Äiti antoi luvan yhteydenottoon ja toivoo apua arkeen."
        ),
        kind="contact_shl35",
        family_informed="yes",
        notifier_role="sairaanhoitaja",
    ),
    Concern(
        "mental_health_substance",
        "obligated",
        "phone",
        (2, 14),
        (
            "Isä hakeutui A-klinikalle. Hän kertoo juovansa päivittäin ja olevansa yksin "
            "vastuussa lapsista puolison sairaalahoidon vuoksi. Isä on itse huolissaan "
            "lasten arjesta ja suostui yhteydenottoon."
        ),
        kind="contact_shl35",
        family_informed="yes",
        notifier_role="päihdetyöntekijä",
        organisation_hint="a-klinikka",
    ),
    Concern(
        "police",
        "obligated",
        "phone",
        (0, 17),
        (
            "Poliisipartio kävi perheen kotona kello 23.40 hätäkeskuksen välittämän "
            "perheväkivaltailmoituksen perusteella. Vanhempien välillä oli ollut fyysinen "
            "riita, ja äidillä oli näkyviä vammoja. {lapsi} oli kotona ja näki tilanteen. Isä "
            "otettiin kiinni. Sosiaalipäivystys tavoitettiin puhelimitse."
        ),
        urgent=True,
        police_report=True,
        family_informed="yes",
        notifier_role="vanhempi konstaapeli",
    ),
    Concern(
        "police",
        "obligated",
        "electronic",
        (12, 17),
        (
            "{lapsi} tavattiin kauppakeskuksesta myymälävarkaudesta. Nuori on ollut poliisin "
            "tietoon jo kolmesti tänä vuonna näpistyksistä. Huoltaja tavoitettiin, ja nuori "
            "luovutettiin äidille."
        ),
        family_informed="yes",
        notifier_role="rikoskonstaapeli",
    ),
    Concern(
        "police",
        "obligated",
        "phone",
        (13, 17),
        (
            "Nuori tavattiin yöllä kello 2.30 keskustasta voimakkaasti päihtyneenä. Partio "
            "kuljetti hänet kotiin, jossa äiti oli humalassa eikä kyennyt ottamaan nuorta "
            "vastaan. Sosiaalipäivystys sijoitti nuoren yöksi nuorisokotiin."
        ),
        urgent=True,
        family_informed="yes",
        notifier_role="vanhempi konstaapeli",
        danger=True,
    ),
    Concern(
        "police",
        "obligated",
        "phone",
        (0, 10),
        (
            "Poliisi kävi asunnossa naapurin häiriöilmoituksen vuoksi. Asunnossa oli useita "
            "päihtyneitä aikuisia, ja {lapsi} oli yksin omassa huoneessaan. Asunto oli hyvin "
            "epäsiisti eikä jääkaapissa ollut ruokaa. Lapsi vietiin sosiaalipäivystyksen "
            "päätöksellä turvaan."
        ),
        urgent=True,
        family_informed="yes",
        notifier_role="vanhempi konstaapeli",
        danger=True,
    ),
    Concern(
        "emergency_services",
        "obligated",
        "phone",
        (0, 12),
        (
            "Ensihoito kävi kotona äidin lääkeyliannostuksen vuoksi. {lapsi} oli kotona, ja "
            "hänet jätettiin naapurin hoitoon siksi aikaa, kun äiti kuljetettiin sairaalaan. "
            "Sosiaalipäivystykselle ilmoitettiin tilanteesta."
        ),
        urgent=True,
        family_informed="unknown",
        notifier_role="ensihoitaja",
        danger=True,
    ),
    Concern(
        "youth_services",
        "obligated",
        "in_person",
        (12, 17),
        (
            "Nuorisotalolla {lapsi} on kertonut, ettei uskalla mennä kotiin isäpuolen vuoksi. "
            "Nuori on viettänyt useita öitä kavereiden luona, ja hän on ollut huonovointinen ja "
            "väsynyt."
        ),
        family_informed="no",
        notifier_role="nuoriso-ohjaaja",
    ),
    Concern(
        "parish",
        "obligated",
        "phone",
        (0, 17),
        (
            "Seurakunnan diakoniatyöntekijä on huolissaan perheen tilanteesta: perhe on hakenut "
            "toistuvasti ruoka-apua, sähköt on uhattu katkaista ja vanhemmat ovat hyvin "
            "väsyneitä. Lapset ovat jääneet pois harrastuksista."
        ),
        kind="contact_shl35",
        family_informed="yes",
        notifier_role="diakoniatyöntekijä",
    ),
    Concern(
        "social_services",
        "obligated",
        "electronic",
        (3, 17),
        (
            "Aikuissosiaalityön asiakkaana oleva isä on menettämässä asuntonsa vuokrarästien "
            "vuoksi. Perheessä on kouluikäisiä lapsia, ja häätö on määrätty kuukauden päähän. "
            "Isä on antanut luvan yhteydenottoon."
        ),
        kind="contact_shl35",
        family_informed="yes",
        notifier_role="sosiaalityöntekijä",
    ),
    Concern(
        "",
        "anonymous",
        "phone",
        (0, 12),
        (
            "Naapuri kertoo, että viereisestä asunnosta kuuluu lähes joka ilta huutoa ja "
            "esineiden paiskomista. Lapset ovat usein myöhään illalla pihalla ilman aikuista. "
            "Ilmoittaja ei halunnut kertoa nimeään."
        ),
    ),
    Concern(
        "",
        "anonymous",
        "electronic",
        (6, 17),
        (
            "Nimetön ilmoittaja kertoo, että {lapsi} on ollut useana yönä ulkona ja "
            "käyttänyt alkoholia. Ilmoittajan mukaan vanhemmat eivät tiedä, missä nuori liikkuu."
        ),
    ),
    Concern(
        "",
        "private",
        "phone",
        (0, 14),
        (
            "Lapsen isoäiti on huolissaan, koska lapsen äiti on hänen mukaansa alkanut käyttää "
            "uudelleen päihteitä ja jättää lapsen iltaisin yksin. Isoäiti on ottanut lapsen "
            "luokseen viikonlopuksi eikä tiedä, miten toimia."
        ),
        family_informed="no",
        notifier_role="isoäiti",
    ),
    Concern(
        "",
        "private",
        "phone",
        (0, 17),
        (
            "Isä, joka ei asu lapsen kanssa, kertoo olevansa huolissaan lapsen arjesta äidin "
            "luona: lapsi on kertonut olevansa paljon yksin ja että äidin uusi puoliso "
            "huutaa hänelle. Vanhemmat ovat riidelleet tapaamisista pitkään."
        ),
        family_informed="no",
        notifier_role="lapsen isä",
    ),
)

PRE_BIRTH_CONCERNS: tuple[Concern, ...] = (
    Concern(
        "health_care",
        "obligated",
        "phone",
        (0, 0),
        (
            "Äitiysneuvolan asiakkaana oleva odottava äiti (rv 27) kertoi käyttäneensä "
            "raskauden alussa amfetamiinia ja kannabista. Hänellä ei ole vakituista asuntoa, "
            "ja kumppani on tuomittu väkivaltarikoksesta. Äiti on lupautunut HAL-poliklinikan "
            "seurantaan mutta on jättänyt käyntejä väliin."
        ),
        kind="pre_birth",
        family_informed="yes",
        notifier_role="terveydenhoitaja",
        organisation_hint="neuvola",
    ),
    Concern(
        "health_care",
        "obligated",
        "electronic",
        (0, 0),
        (
            "Odottava äiti (rv 32) on psykiatrisessa hoidossa vaikean masennuksen vuoksi, ja "
            "hänellä on aiemmin ollut psykoottisia jaksoja. Tukiverkosto puuttuu, ja "
            "perheen esikoinen on sijoitettuna. Neuvola arvioi, että perhe tarvitsee tukea heti "
            "lapsen syntymän jälkeen."
        ),
        kind="pre_birth",
        family_informed="yes",
        notifier_role="kätilö",
        organisation_hint="neuvola",
    ),
    Concern(
        "health_care",
        "obligated",
        "phone",
        (0, 0),
        (
            "Raskausviikolla 30 oleva äiti kertoi neuvolassa, että puoliso on kuristanut häntä "
            "riidan aikana kaksi viikkoa sitten. Äiti asuu edelleen puolison kanssa eikä ole "
            "valmis hakeutumaan turvakotiin. Neuvola on huolissaan vauvan turvallisuudesta "
            "syntymän jälkeen."
        ),
        kind="pre_birth",
        police_report=True,
        family_informed="no",
        notifier_role="terveydenhoitaja",
        organisation_hint="neuvola",
    ),
)

#: Per county, sector → organisation names (``{kunta}`` is the child's municipality).
ORGANISATIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "keski-suomi": {
        "school": (
            "Koivurinteen koulu, {kunta}",
            "Harjun yhtenäiskoulu, {kunta}",
            "Rantakylän koulu, {kunta}",
            "Keskuskoulu, {kunta}",
        ),
        "early_education": (
            "Päiväkoti Vekara, {kunta}",
            "Päiväkoti Satakieli, {kunta}",
            "Mäntylän päiväkoti, {kunta}",
        ),
        "health_care": (
            "Keski-Suomen hyvinvointialue, neuvola ({kunta})",
            "Keski-Suomen hyvinvointialue, yhteispäivystys",
        ),
        "child_psychiatry": ("Keski-Suomen hyvinvointialue, nuorisopsykiatrian poliklinikka",),
        "mental_health_substance": (
            "Keski-Suomen hyvinvointialue, päihdepoliklinikka",
            "A-klinikka, {kunta}",
        ),
        "police": ("Sisä-Suomen poliisilaitos",),
        "emergency_services": ("Keski-Suomen pelastuslaitos, ensihoito",),
        "youth_services": ("Nuorisotila Kohtaamo, {kunta}",),
        "parish": ("{kunta}, seurakunnan diakoniatyö",),
        "social_services": ("Keski-Suomen hyvinvointialue, aikuissosiaalityö",),
    },
    "pohjanmaa": {
        "school": (
            "Björkbacka skola, {kunta}",
            "Keskuskoulu, {kunta}",
            "Kyrkoby skola, {kunta}",
            "Rantakoulu, {kunta}",
        ),
        "early_education": ("Daghemmet Solstrålen, {kunta}", "Päiväkoti Tuulikello, {kunta}"),
        "health_care": (
            "Pohjanmaan hyvinvointialue, neuvola – rådgivningen ({kunta})",
            "Pohjanmaan hyvinvointialue, yhteispäivystys – samjouren",
        ),
        "child_psychiatry": ("Pohjanmaan hyvinvointialue, nuorisopsykiatria – ungdomspsykiatri",),
        "mental_health_substance": ("Pohjanmaan hyvinvointialue, päihdepalvelut",),
        "police": ("Pohjanmaan poliisilaitos",),
        "emergency_services": ("Pohjanmaan pelastuslaitos, ensihoito",),
        "youth_services": ("Ungdomsgården, {kunta}", "Nuorisotalo, {kunta}"),
        "parish": ("{kunta}, församlingens diakoni",),
        "social_services": ("Pohjanmaan hyvinvointialue, aikuissosiaalityö",),
    },
}

URGENCY_NOTES = {
    "urgent": (
        "Kiireellinen: lapsen turvallisuus arvioitava heti. Sosiaalipäivystys teki "
        "kotikäynnin samana iltana ja sopi lapsen turvallisesta yöpaikasta.",
        "Kiireellinen: otettiin heti yhteys huoltajaan ja poliisiin; lapsen tapaaminen "
        "järjestettiin samana päivänä.",
    ),
    "not_urgent": (
        "Ei välitöntä vaaraa: lapsi on turvassa, ja huoltaja on tavoitettu. Ei kiireellisiä "
        "lastensuojelutoimia.",
        "Ei kiireellinen: tilanne ei vaadi välittömiä toimia. Asia käsitellään seitsemän "
        "arkipäivän kuluessa.",
        "Ei välitöntä vaaraa. Lapsi asuu toisen vanhemman luona, joka huolehtii hänestä.",
    ),
}

NO_ACTION_REASONS = (
    "Tilanne selvitettiin puhelimitse huoltajan kanssa: poissaolot johtuivat pitkittyneestä "
    "sairaudesta, josta on lääkärintodistus. Lastensuojelun tarvetta ei ole; perheelle "
    "kerrottiin oppilashuollon palveluista.",
    "Asia on jo hoidossa: perhe on lapsiperheiden sosiaalipalveluiden asiakkaana, ja "
    "perhetyö jatkuu sovitusti. Ilmoitus käsitellään perhetyön tapaamisessa.",
    "Ilmoitus koski kertaluonteista riitaa, joka on selvitetty vanhempien kanssa. Perheellä "
    "on tukiverkosto, eikä lastensuojelun tarvetta ole.",
    "Nuori ja huoltaja tavattiin. Tilanne on rauhoittunut, nuori on palannut kouluun ja "
    "käy nuorisopsykiatrian poliklinikalla. Ei palvelutarpeen arviointia.",
)

ASSESSMENT_SUMMARIES = {
    "child_welfare_client": (
        "Arvioinnissa tavattiin lasta ja vanhempia kolme kertaa ja kuultiin koulua. "
        "Vanhemman päihteiden käyttö vaikuttaa lapsen arkeen, eikä perhe ole hyötynyt "
        "peruspalveluista. Kasvuolosuhteet vaarantavat lapsen kehitystä: lastensuojelun "
        "asiakkuus alkaa ja asiakassuunnitelma laaditaan.",
        "Perheen väkivaltatilanteet ovat toistuneet, ja lapsi on oireillut koulussa. "
        "Vanhemmat ovat sitoutuneet muutokseen, mutta tarvitsevat tehostettua tukea. "
        "Lastensuojelun avohuollon tukitoimet ovat tarpeen.",
        "Nuoren koulunkäynti on keskeytynyt ja päihteiden käyttö lisääntynyt. Huoltajien "
        "keinot eivät riitä, ja nuori tarvitsee tiivistä tukea. Lastensuojelun asiakkuus "
        "alkaa.",
    ),
    "other_social_services": (
        "Perheen tilanteeseen vaikuttavat ensisijaisesti vanhempien uupumus ja taloudelliset "
        "vaikeudet. Lastensuojelun tarvetta ei ole; perheelle järjestetään "
        "sosiaalihuoltolain mukaista perhetyötä ja ohjataan perheneuvolaan.",
        "Lapsen arki on turvattu, mutta perhe hyötyy kotipalvelusta ja vertaistuesta. "
        "Asiakkuus jatkuu lapsiperheiden sosiaalipalveluissa.",
    ),
    "no_need": (
        "Arvioinnissa ei tullut esiin huolta lapsen kasvuolosuhteista. Ilmoituksen tilanne "
        "oli kertaluonteinen, ja vanhemmat ovat hakeneet apua itse. Sosiaalihuollon "
        "palvelutarvetta ei ole.",
        "Koulu ja terveydenhuolto eivät ole havainneet huolta, ja perheen tilanne on "
        "vakiintunut. Palvelutarvetta ei ole.",
    ),
}

DELAY_REASONS = (
    "Huoltajat peruivat sovitut tapaamiset kahdesti, ja lisäksi odotettiin lastenpsykiatrian "
    "lausuntoa.",
    "Tiimissä oli sairauspoissaoloja, ja tulkin saatavuus viivästytti tapaamisia.",
)

# --- The child's view (LsL 20 §) -----------------------------------------------------------

CHILD_VIEWS = {
    "small": (
        "{lapsi} piirsi perheensä ja kertoi leikkivänsä mielellään äidin kanssa. Iltaisin "
        "häntä pelottaa, kun aikuiset huutavat.",
        "{lapsi} kertoi päiväkodin olevan kivaa ja toivoi, että isi tulisi useammin kotiin.",
    ),
    "school": (
        "{lapsi} kertoi viihtyvänsä koulussa, mutta toivoo, että kotona riideltäisiin "
        "vähemmän. Hän haluaa asua äidin kanssa ja tavata isää viikonloppuisin.",
        "{lapsi} sanoi olevansa usein yksin kotona ja syövänsä iltaisin mitä löytää. Hän "
        "toivoo, että äiti jaksaisi paremmin.",
        "{lapsi} kertoi, että koulussa on kavereita ja kotona on ollut rauhallisempaa. Hän "
        "haluaa jatkaa jalkapalloa.",
    ),
    "teen": (
        "{lapsi} kokee, että aikuiset puuttuvat asioihin liikaa, mutta myöntää, että "
        "koulunkäynti on jäänyt. Hän on valmis tapaamaan tukihenkilöä.",
        "{lapsi} kertoi, ettei halua asua isäpuolen kanssa samassa taloudessa. Hän toivoo "
        "saavansa asua isänsä luona.",
        "{lapsi} sanoi, että kotona on liikaa riitoja ja hän on siksi ollut kavereilla. "
        "Hän haluaa, että joku auttaa perhettä.",
    ),
}

NOT_HEARD_REASONS = {
    "baby": (
        "Lapsi on vauvaikäinen eikä pysty ilmaisemaan näkemystään. Lapsen vointia ja "
        "vuorovaikutusta vanhempien kanssa havainnoitiin kotikäynneillä.",
    ),
    "teen": (
        "Nuori ei saapunut kolmeen sovittuun tapaamiseen yhteydenotoista huolimatta; "
        "näkemystä yritetään selvittää asiakkuuden jatkuessa.",
    ),
    "any": (
        "Asia selvisi ensimmäisessä yhteydenotossa, eikä lapsen kuuleminen ollut tarpeen "
        "(ilmeisen tarpeetonta, LsL 20 §).",
    ),
}

# --- Client plans (LsL 30 §) and measures --------------------------------------------------

PLAN = {
    "service_needs": (
        "Perhe tarvitsee tukea arjen rytmiin, vanhempien jaksamiseen ja lapsen koulunkäyntiin.",
        "Vanhemman päihteettömyyden tukeminen ja lapsen turvallinen arki.",
        "Nuoren koulunkäynnin tukeminen, päihteiden käytön vähentäminen ja perheen "
        "vuorovaikutuksen parantaminen.",
    ),
    "circumstances": (
        "Riidat kotona, vanhemman päihteiden käyttö ja lapsen poissaolot koulusta.",
        "Perheen väkivaltatilanteet ja lapsen turvattomuuden kokemus.",
        "Nuoren kotiintuloajat, koulunkäynti ja kaveripiiri.",
    ),
    "goal_time_estimate": (
        "Tavoitteiden arvioidaan toteutuvan puolessa vuodessa; tilanne arvioidaan "
        "uudelleen tarkistuspalaverissa.",
        "Noin vuosi; välitarkistus kolmen kuukauden kuluttua.",
    ),
    "differing_views": (
        "Isä ei pidä tehostettua perhetyötä tarpeellisena, äiti ja nuori pitävät.",
        "Nuori haluaisi asua isänsä luona; äiti vastustaa.",
    ),
    "child_meetings": (
        "Sosiaalityöntekijä tapaa lapsen kahden kesken koululla ja kotikäynneillä.",
        "Tapaamiset nuoren kanssa nuorisotilalla tai toimistolla, tarvittaessa videoyhteydellä.",
    ),
    "placement_goals": (
        "Turvata lapsen kasvuolosuhteet sijoituksen ajan ja selvittää mahdollisuudet "
        "perheen jälleenyhdistämiseen.",
    ),
    "special_support": (
        "Lapselle terapia ja tukiopetus; vanhemmille vanhemmuuden tuki ja päihdekuntoutus.",
    ),
    "health_and_education": (
        "Lapsi jatkaa omassa koulussaan; terveydenhuolto sijaishuoltopaikkakunnan "
        "neuvolassa tai kouluterveydenhuollossa.",
    ),
    "contact_arrangements": (
        "Tapaamiset vanhempien kanssa joka toinen viikonloppu valvotusti; puhelut sovitusti.",
    ),
    "information_sharing": (
        "Sosiaalityöntekijä kertoo vanhemmille sijoituksen kulusta; sijaishuoltopaikka "
        "tiedottaa sosiaalityöntekijälle lapsen arjen muutoksista.",
    ),
}

SUPPORT = {
    "intensified_family_work": "Tehostettu perhetyö kaksi kertaa viikossa kotona.",
    "support_person": "Tukihenkilö nuorelle, tapaamiset viikoittain.",
    "therapy": "Perheterapia tiimin perheterapeutin kanssa kahden viikon välein.",
    "family_rehabilitation": "Perhekuntoutusjakso perhekuntoutuskeskuksessa.",
    "financial": "Harrastusmaksut ja leiri lastensuojelun taloudellisena tukena.",
    "peer_group": "Vanhempien vertaisryhmä (päihdeperheet).",
    "clarifying": "Verkostopalaveri koulun ja nuorisopsykiatrian kanssa tilanteen selvittämiseksi.",
}

EMERGENCY_PLACES = (
    "Vastaanottoperhe",
    "Lastenkoti Lokkila, vastaanotto-osasto",
    "Perhetukikeskus, kriisiyksikkö",
    "Nuorisokoti Suvanto",
)
FAMILY_CARE_PLACES = ("Sijaisperhe (perhehoito)", "Sukulaissijaisperhe (isovanhemmat)")
INSTITUTION_PLACES = ("Nuorisokoti Suvanto", "Lastenkoti Lokkila")
SUPPORT_PLACEMENT_PLACES = (
    "Perhekuntoutuskeskus (äiti ja lapsi yhdessä)",
    "Nuorisokoti, avohuollon sijoitus",
)
