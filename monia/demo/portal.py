"""Demo data for the participation portal: a showcase young person of the demo worker's
caseload gets last week's network meeting (to answer "Were you heard?"), a planned one
with a remote link and the school nurse invited, a message from the worker and the family
versions of its documents (the plan in the worker's plain words), and the county its
emergency social services number and address. Demo identification lists such
clients first (``monia.portal.demo``)."""

from __future__ import annotations

import datetime

from django.utils import timezone, translation

from monia import deadlines
from monia.accounts.models import Role, User
from monia.casework.models import Case, CaseStage
from monia.demo import kin
from monia.demo.steps import TeamStaff
from monia.network.models import Organisation

EMERGENCY_PHONES = {"keski-suomi": "014 266 0149", "pohjanmaa": "06 218 9555"}  # synthetic

# What the worker writes, in the young person's language (Swedish or else Finnish).
_WORDS = {
    "fi": {
        "place": "Perhekeskus, neuvotteluhuone 2",
        "agenda": "Miten koulu ja kotiarki sujuvat.\nMitä tukea jatketaan ja kuka tekee mitä.",
        "message": (
            "Hei {name}! Verkostopalaveri on ensi viikolla. Voit kertoa etukäteen Minun "
            "ääneni -sivulla, mitä haluat aikuisten tietävän. Vastaan viesteihin arkipäivisin."
        ),
        "plan": (
            "Haluamme, että koulupäivät sujuvat ja kotona on rauhallista.\n"
            "Perhetyöntekijä käy kotona kerran viikossa.\n"
            "{worker} tapaa sinua kerran kuussa.\n"
            "Katsomme suunnitelmaa yhdessä uudelleen puolen vuoden päästä."
        ),
        "held_place": "Koulu, oppilashuollon huone",
        "held_agenda": "Koulupäivien sujuminen ja poissaolot.",
        "minutes": (
            "Käytiin läpi syksyn poissaolot ja aamujen vaikeudet. Koulu järjestää "
            "tukiopetusta kahdesti viikossa."
        ),
        "family_view": "Äiti toivoo tukea aamuihin; hän kokee, että tilanne on parantunut.",
        "family_view_father": "Isä toivoo tukea aamuihin; hän kokee, että tilanne on parantunut.",
        "child_view": "Nuori kertoi, että aamut ovat raskaita, mutta tukiopetus auttaa.",
        "action": "Tapaamiset terveydenhoitajan kanssa koululla kerran kuussa: miten aamut sujuvat",
        "school": "Koulu",
    },
    "sv": {
        "place": "Familjecentret, mötesrum 2",
        "agenda": (
            "Hur skolan och vardagen hemma går.\nVilket stöd som fortsätter och vem som gör vad."
        ),
        "message": (
            "Hej {name}! Nätverksmötet är nästa vecka. Du kan på förhand berätta på sidan "
            "Min röst vad du vill att de vuxna ska veta. Jag svarar på meddelanden på vardagar."
        ),
        "plan": (
            "Vi vill att skoldagarna går bra och att det är lugnt hemma.\n"
            "Familjearbetaren kommer hem till er en gång i veckan.\n"
            "{worker} träffar dig en gång i månaden.\n"
            "Vi tittar på planen tillsammans igen om ett halvt år."
        ),
        "held_place": "Skolan, elevvårdens rum",
        "held_agenda": "Hur skoldagarna går och frånvaron.",
        "minutes": (
            "Vi gick igenom höstens frånvaro och de svåra morgnarna. Skolan ordnar "
            "stödundervisning två gånger i veckan."
        ),
        "family_view": "Mamman önskar stöd på morgnarna; hon tycker att läget har blivit bättre.",
        "family_view_father": (
            "Pappan önskar stöd på morgnarna; han tycker att läget har blivit bättre."
        ),
        "child_view": "Den unga sa att morgnarna är tunga men att stödundervisningen hjälper.",
        "action": "Träffar med hälsovårdaren i skolan en gång i månaden: hur morgnarna går",
        "school": "Skolan",
    },
}


def portal_build(
    *,
    staff: TeamStaff,
    county_code: str,
    today: datetime.date,
    swedish_staff: TeamStaff | None = None,
) -> Case | None:
    """The showcase young person: in a bilingual county a Swedish-speaking client of the
    Swedish-language team where there is one, else a client of the showcase team."""
    from monia.dialogue import services as dialogue_services
    from monia.netmeet import services as netmeet_services
    from monia.portal import family_services
    from monia.portal.document_selectors import case_documents

    county = staff.team.county
    county.social_emergency_phone = EMERGENCY_PHONES.get(county_code, "")
    # Out of office hours a safety alert goes here too (a synthetic address).
    county.social_emergency_email = f"sosiaalipaivystys@{county_code}.example.org"
    county.save(update_fields=["social_emergency_phone", "social_emergency_email"])
    found = [
        (case, team_staff.workers[0])
        for team_staff in ([swedish_staff] if swedish_staff else []) + [staff]
        if (case := _showcase_case(team_staff, today)) is not None
    ]
    if not found:
        return None
    case, worker = found[0]
    first_name = case.child.first_names.split()[0]
    language = "sv" if case.child.language == "sv" else "fi"
    words = _WORDS[language]
    facts = kin.family_facts(case.child)
    if "lives_with_mother" not in facts and "father" in facts:  # she lives with her father
        words = {**words, "family_view": words["family_view_father"]}
    start = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0)
    _held_meeting(case, worker, _working_day(start, -5), words)
    coming = netmeet_services.meeting_plan(
        user=worker,
        case=case,
        held_at=_working_day(start, 6),
        place=words["place"],
        agenda=words["agenda"],
        remote_link="https://meet.example.org/monia-demo",
    )
    school = _school_nurse(case)
    if school is not None:
        organisation, nurse = school
        netmeet_services.invitee_add(
            meeting=coming, role="partner", organisation=organisation, partner=nurse
        )
    netmeet_services.invitee_add(meeting=coming, role="child", family_member_name=first_name)
    dialogue_services.message_send_to_client(
        user=worker,
        case=case,
        client_id=case.child_id,
        body=words["message"].format(name=first_name),
    )
    plan_text = words["plan"].format(worker=worker.first_name)
    # The worker has approved the family version of each document (the plan in her words,
    # the rest as suggested, in the young person's language); the portal shows nothing
    # else of them.
    with translation.override(language):
        for document in case_documents(case):
            text = plan_text if document.kind == "plan" else str(document.suggestion)
            if document.needs_family_version and text:
                family_services.family_version_approve(
                    user=worker, case=case, document_key=document.key, text=text
                )
    return case


def _showcase_case(staff: TeamStaff, today: datetime.date) -> Case | None:
    """The team's first designated worker's first client aged 12–17 with a guardian."""
    oldest = today.replace(year=today.year - 18) + datetime.timedelta(days=1)
    youngest = today.replace(year=today.year - 12)
    return (
        Case.objects.filter(
            team=staff.team,
            designated_worker=staff.workers[0],
            stage=CaseStage.CLIENT,
            child__birth_date__range=(oldest, youngest),
            child__ties_to__is_guardian=True,
        )
        .exclude(child__identity_code="")
        .order_by("pk")
        .first()
    )


def _working_day(start: datetime.datetime, days: int) -> datetime.datetime:
    """``days`` from ``start``, moved on to a working day: no meeting on a Saturday."""
    at = start + datetime.timedelta(days=days)
    while not deadlines.is_working_day(at.date()):
        at += datetime.timedelta(days=1)
    return at


def _school_nurse(case: Case) -> tuple[Organisation, User] | None:
    """The school and its nurse of the county's partner registry (``network_build``)."""
    nurse = (
        User.objects.filter(county_id=case.county_id, role=Role.PARTNER)
        .select_related("organisation")
        .order_by("pk")
        .first()
    )
    if nurse is None or nurse.organisation is None:
        return None
    return nurse.organisation, nurse


def _held_meeting(
    case: Case, worker: User, held_at: datetime.datetime, words: dict[str, str]
) -> None:
    """Last week's network meeting, entered and recorded afterwards: the young person is
    asked "Were you heard?" about it in the portal."""
    from monia.netmeet import services as netmeet_services

    meeting = netmeet_services.meeting_plan(
        user=worker,
        case=case,
        held_at=held_at,
        place=words["held_place"],
        agenda=words["held_agenda"],
        already_held=True,
    )
    school = _school_nurse(case)
    if school is not None:
        netmeet_services.invitee_add(
            meeting=meeting, role="partner", organisation=school[0], partner=school[1]
        )
    netmeet_services.meeting_record(
        user=worker,
        meeting=meeting,
        minutes=words["minutes"],
        family_view=words["family_view"],
        child_view=words["child_view"],
        actions=[
            {
                "description": words["action"],
                "owner_name": school[1].get_full_name() if school else words["school"],
                "owner_organisation": school[0] if school else None,
                "due_on": timezone.localdate() + datetime.timedelta(days=30),
            }
        ],
    )
