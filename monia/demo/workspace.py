"""The showcase team's systemic workspace in the demo: today's weekly meeting with
reflections, hypotheses and next steps, next week's meeting with its proposed agenda,
flags for the next one, genogram ties, ecomaps, life events and the county's expert group
with a case put to it; the school nurse's consultation and contribution request — all
through the services."""

from __future__ import annotations

import datetime
import random

from django.db.models import Q
from django.utils import timezone

from monia.accounts.models import User
from monia.casework.models import Case, CaseStage, ServiceNeedsAssessment
from monia.demo import kin, workdays
from monia.demo.families import years_before
from monia.demo.names import title_fields
from monia.demo.steps import TeamStaff
from monia.experts import services as expert_services
from monia.network.models import Organisation
from monia.people.models import Gender, Relationship
from monia.people.selectors import guardians_of
from monia.systemic import diagram_services, selectors, services

#: The weekly meeting's hypotheses: (statement, what supports it, how it is tested, what it
#: takes for granted of the family, ``kin``). Each case gets one that fits its family, and
#: no two cases of the meeting (two children of one family among them) the same one.
HYPOTHESES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "Äidin uupumus selittää aamujen vaikeudet ja koulupoissaolot.",
        "Koulun havainnot myöhästymisistä; äiti kertoo nukkuvansa huonosti.",
        "Kotikäynti aamulla ja keskustelu äidin jaksamisesta.",
        ("lives_with_mother",),
    ),
    (
        "Lapsi kantaa vastuuta nuoremmista sisaruksista.",
        "Lapsi kertoo hoitavansa pikkusiskoa iltaisin.",
        "Lapsen oma tapaaminen ilman vanhempia.",
        ("younger_sister",),
    ),
    (
        "Isän muutto pois on laukaissut lapsen oireilun.",
        "Oireilu alkoi kuukausi eron jälkeen.",
        "Verkostopalaveri, johon isä kutsutaan.",
        ("parents_apart",),
    ),
    (
        "Vanhempien erilaiset säännöt saavat lapsen koettelemaan rajoja.",
        "Vanhemmat kertovat sopivansa kotiintuloajoista eri tavoin.",
        "Vanhempien yhteinen tapaaminen perheterapeutin kanssa.",
        ("father",),
    ),
    (
        "Kaverien menetys koulun vaihdon jälkeen selittää lapsen vetäytymisen.",
        "Vetäytyminen alkoi syyslukukaudella uudessa koulussa.",
        "Kysytään lapselta itseltään ja koulukuraattorilta.",
        (),
    ),
    (
        "Perheen rahahuolet kuormittavat arkea enemmän kuin perhe kertoo.",
        "Laskuja on jäänyt maksamatta; vanhempi kertoo valvovansa öisin.",
        "Keskustelu toimeentulosta ja ohjaus talous- ja velkaneuvontaan.",
        (),
    ),
)
REFLECTION = {
    "worries": "Poissaolot ovat jatkuneet ja lapsi vetäytyy kaveripiiristä.",
    "working_well": "Äiti on sitoutunut yhteistyöhön ja perhetyö on alkanut.",
    "family_view": "Perhe toivoo tukea erityisesti aamuihin ja koulumatkoihin.",
    "therapist_action": "Perheterapeutti tapaa perheen kahdesti ennen seuraavaa kokousta.",
}
NETWORK = [
    ("Mummo", "relative", "strong", "supportive"),
    ("Keskuskoulu", "school", "moderate", "stressful"),
    ("Jalkapalloseura", "hobby", "moderate", "supportive"),
    ("Lasten- ja nuorisopsykiatria", "child_psychiatry", "weak", "mixed"),
    ("Paras kaveri", "friend", "strong", "supportive"),
]


def workspace_build(
    *, staff: TeamStaff, county_code: str, rng: random.Random, today: datetime.date
) -> None:
    worker, coordinator = staff.workers[0], staff.consultant
    cases = list(
        Case.objects.filter(team=staff.team, designated_worker=worker, stage=CaseStage.CLIENT)
        .select_related("child")
        .order_by("pk")[:4]
    )
    if not cases or today != timezone.localdate():
        return  # a meeting can only be opened for today or later
    # This week's meeting: today, or the last working day when the demo is loaded on a
    # weekend or a holiday (its memo and attendance are then recorded when it loads).
    held_on = workdays.meeting_day(today)
    meeting = services.meeting_open(
        user=coordinator, team=staff.team, held_on=held_on, today=held_on
    )
    taken: set[str] = set()  # the meeting's hypotheses so far
    for n, case in enumerate(cases[:3]):
        item = meeting.items.filter(case=case).first() or services.agenda_add(
            meeting=meeting, case=case
        )
        services.reflection_save(user=coordinator, item=item, data=REFLECTION, lock_version=0)
        statement, supports, test = _hypothesis(case, n, taken)
        services.hypothesis_add(
            user=coordinator,
            case=case,
            meeting=meeting,
            statement=statement,
            supports=supports,
            test=test,
        )
        services.next_step_add(
            user=coordinator,
            case=case,
            meeting=meeting,
            description="Sovi kotikäynti ja kysy lapsen oma näkemys.",
            owner=worker,
            due_on=workdays.on_or_after(today + datetime.timedelta(days=7 + n)),
        )
        _diagrams(case, worker)
    members = selectors.meeting_members(meeting)  # one member sent apologies
    away = [m.pk for m in members if m.pk not in (coordinator.pk, worker.pk)][-1:]
    statuses = {m.pk: "apologised" if m.pk in away else "present" for m in members}
    services.meeting_attendance_record(user=coordinator, meeting=meeting, statuses=statuses)
    services.meeting_close(user=coordinator, meeting=meeting)
    # Next week's meeting is open, its short agenda proposed; attendance is taken then.
    services.meeting_open(
        user=coordinator,
        team=staff.team,
        held_on=workdays.on_or_after(held_on + datetime.timedelta(days=7)),
    )
    apart = "parents_apart" in kin.family_facts(cases[-1].child)
    services.flag_raise(
        user=staff.therapist,
        case=cases[-1],
        reason="Perheen tilanne on muuttunut: "
        + ("isä on muuttanut pois." if apart else "perhe on saanut häätöuhan."),
    )
    title, description = LIFE_EVENTS["parents_apart" in kin.family_facts(cases[0].child)]
    services.life_event_add(
        user=worker,
        case=cases[0],
        occurred_on=today - datetime.timedelta(days=rng.randint(200, 400)),
        title=title,
        description=description,
    )
    _expert_group(staff, cases[-1], today)


#: The life event of the first case: a separation where the parents have separated.
LIFE_EVENTS = {
    True: ("Vanhemmat erosivat", "Isä muutti omaan asuntoon."),
    False: ("Muutto uuteen asuntoon", "Perhe muutti pienempään asuntoon."),
}


def _hypothesis(case: Case, n: int, taken: set[str]) -> tuple[str, str, str]:
    """The ``n``th case's hypothesis: the first from the ``n``th on that fits the child's
    family and is not ``taken`` by another case of the meeting (a sibling's included)."""
    facts = kin.family_facts(case.child)
    for k in range(len(HYPOTHESES)):
        statement, supports, test, needs = HYPOTHESES[(n + k) % len(HYPOTHESES)]
        if statement not in taken and kin.fits(needs, facts):
            taken.add(statement)
            return statement, supports, test
    raise RuntimeError("more cases on the demo meeting than hypotheses")  # pragma: no cover


def _diagrams(case: Case, worker: object) -> None:
    for name, kind, strength, quality in NETWORK:
        diagram_services.network_tie_add(
            user=worker,
            case=case,
            name=name,
            kind=kind,  # type: ignore[arg-type]
            strength=strength,
            quality=quality,
        )
    parents = list(
        Relationship.objects.filter(to_person=case.child, kind="biological_parent").values_list(
            "from_person_id", flat=True
        )[:2]
    )
    if parents:
        diagram_services.emotional_tie_add(
            user=worker,
            case=case,
            person_a_id=parents[0],  # type: ignore[arg-type]
            person_b_id=case.child_id,
            quality="close",
        )
    if len(parents) == 2:
        diagram_services.emotional_tie_add(
            user=worker,
            case=case,
            person_a_id=parents[0],  # type: ignore[arg-type]
            person_b_id=parents[1],
            quality="conflictual",
        )


def _expert_group(staff: TeamStaff, case: Case, today: datetime.date) -> None:
    """The county's expert group (LsL 14 §), its next session and one case put to it."""
    # A bilingual county's group serves its Swedish-language team too: named in both.
    bilingual = staff.team.county.bilingual
    group = expert_services.expert_group_create(
        county=staff.team.county,
        name="Lastensuojelun asiantuntijaryhmä"
        + (" – Barnskyddets sakkunniggrupp" if bilingual else ""),
    )
    for name, expertise, org in [
        ("Kaarina Kehitys", "child_development", "Lastenpsykologia"),
        ("Heikki Hoito", "health", "Lastentautien poliklinikka"),
        ("Liisa Laki", "law", "Hyvinvointialueen lakimies"),
    ]:
        expert_services.expert_member_add(
            group=group, name=name, expertise=expertise, organisation=org
        )
    session = expert_services.expert_session_create(
        group=group,
        held_on=workdays.on_or_after(today + datetime.timedelta(days=14)),
        location="Sosiaalitoimisto, neuvotteluhuone 2"
        + (" – Socialbyrån, mötesrum 2" if bilingual else ""),
    )
    expert_services.expert_case_present(
        user=staff.workers[0],
        session=session,
        case=case,
        mode="pseudonymised",
        pseudonym="Lapsi A",
        question=(
            "Perheen tilanne ei ole parantunut puolen vuoden avohuollon tuella. "
            "Riittääkö nykyinen tuki, vai mitä tutkimuksia tai tukea suosittelette "
            "ennen suunnitelman tarkistusta?"
        ),
    )


ORGANISATIONS = [
    ("Keskuskoulu", "school"),
    ("Terveysasema", "health_care"),
    ("Lasten- ja nuorisopsykiatrian poliklinikka", "child_psychiatry"),
    ("Nuorisopalvelut", "youth_services"),
    ("Mannerheimin Lastensuojeluliitto, paikallisosasto", "ngo"),
]
# The bilingual county's partner school is a Swedish-language one: its nurse (sofia) meets
# the Swedish-language team's showcase young person there, who reads her portal in Swedish.
BILINGUAL_SCHOOL = "Kyrkoby skola"
PARTNERS = {  # county code → (username, first name, last name, title in Finnish)
    "keski-suomi": ("terhi", "Terhi", "Mäkinen", "Kouluterveydenhoitaja"),
    "pohjanmaa": ("sofia", "Sofia", "Lindholm", "Kouluterveydenhoitaja"),
}


def network_build(
    *,
    staff: TeamStaff,
    county_code: str,
    today: datetime.date,
    password_hash: str,
    email_domain: str,
) -> None:
    """The county's partner registry, one school nurse, one case shared with her, and a
    consultation and a statement request addressed to her."""
    from monia.accounts.models import Role
    from monia.network import services as network_services

    county = staff.team.county
    county.intake_team = staff.team  # e-notifications land in the showcase team's queue
    county.save(update_fields=["intake_team"])
    organisations = [
        network_services.organisation_create(
            county=county,
            name=BILINGUAL_SCHOOL if county.bilingual and sector == "school" else name,
            sector=sector,
        )
        for name, sector in ORGANISATIONS
    ]
    username, first, last, title = PARTNERS[county_code]
    nurse = User(
        username=username,
        first_name=first,
        last_name=last,
        **title_fields(title),
        email=f"{username}@{email_domain}",
        role=Role.PARTNER,
        county=county,
        organisation=organisations[0],
        password=password_hash,
    )
    nurse.save()
    case = (
        Case.objects.filter(
            team=staff.team, designated_worker=staff.workers[0], stage=CaseStage.CLIENT
        )
        .order_by("pk")
        .first()
    )
    referred = _long_client(staff, today)
    if referred is not None:
        _referrals(referred, staff.workers[0], organisations[2], today)
    if case is not None:
        network_services.grant_create(
            user=staff.workers[0],
            case=case,
            organisation=organisations[0],
            partner=nurse,
            basis="guardian_consent",
            consent_given_by=_consenting_guardian(case),
            scope=["basic", "plan"],
            ends_on=today + datetime.timedelta(days=180),
        )
    _consultation(staff, organisations[0], nurse, today)
    _contribution_request(staff, organisations[0], nurse, today)


def _consenting_guardian(case: Case) -> str:
    """Who gave the consent, as the worker notes it: the mother, unless she is not a
    guardian of the child (the children live with their father, who has sole custody)."""
    mother = guardians_of(case.child).filter(from_person__gender=Gender.FEMALE).exists()
    return "Huoltaja (äiti)" if mother else "Huoltaja (isä)"


def _long_client(staff: TeamStaff, today: datetime.date) -> Case | None:
    """The showcase worker's first client whose case opened before the referrals below
    (the first of them is 80 days old): no referral of a case before its notification."""
    return (
        Case.objects.filter(
            team=staff.team,
            designated_worker=staff.workers[0],
            stage=CaseStage.CLIENT,
            opened_at__date__lt=today - datetime.timedelta(days=REFERRAL_DAYS + 7),
        )
        .order_by("pk")
        .first()
    )


REFERRAL_DAYS = 80


def _referrals(case: Case, worker: object, psychiatry: object, today: datetime.date) -> None:
    """One support that began in time and one wait over the target, for the dashboard; each
    step on a working day."""
    from django.utils import timezone as tz

    from monia.network import referral_services

    def days_ago(n: int, hour: int = 10) -> datetime.datetime:
        day = workdays.on_or_before(today - datetime.timedelta(days=n))
        return datetime.datetime.combine(day, datetime.time(hour), tzinfo=tz.get_current_timezone())

    started = referral_services.referral_create(
        user=worker,
        case=case,
        organisation=psychiatry,
        service="Nuorisopsykiatrinen arvio",  # type: ignore[arg-type]
        need_identified_on=workdays.on_or_before(today - datetime.timedelta(days=REFERRAL_DAYS)),
        referred_at=days_ago(78),
        contact_person="Sairaanhoitaja Helena",
    )
    referral_services.referral_advance(
        referral=started, step="accepted", at=days_ago(70), user=worker
    )  # type: ignore[arg-type]
    referral_services.referral_advance(
        referral=started, step="first_contact", at=days_ago(60), user=worker
    )  # type: ignore[arg-type]
    referral_services.referral_create(
        user=worker,
        case=case,
        organisation=psychiatry,
        service="Perheterapia",  # type: ignore[arg-type]
        need_identified_on=workdays.on_or_before(today - datetime.timedelta(days=42)),
        referred_at=days_ago(40),
    )


def _at_school(today: datetime.date, prefix: str = "") -> Q:
    """A child of school age (7 to 17), whom the school nurse knows."""
    return Q(
        **{
            f"{prefix}child__birth_date__gt": years_before(today, 18),
            f"{prefix}child__birth_date__lte": years_before(today, 7),
        }
    )


def _consultation(
    staff: TeamStaff, school: Organisation, nurse: User, today: datetime.date
) -> None:
    """A question to the school nurse about a schoolchild, named with the guardian's consent."""
    from monia.consult import services as consult_services
    from monia.consult.models import ConsultationMode

    case = (
        Case.objects.filter(
            _at_school(today),
            team=staff.team,
            designated_worker=staff.workers[0],
            stage=CaseStage.CLIENT,
        )
        .select_related("child")
        .order_by("pk")
        .first()
    )
    if case is None:
        return
    first_name = case.child.first_names.split()[0]
    consult_services.consultation_ask(
        user=staff.workers[0],
        case=case,
        organisation=school,
        partner=nurse,
        mode=ConsultationMode.CONSENT,
        consent_given_by=_consenting_guardian(case),
        question=(
            f"Miten {first_name} on jaksanut koulussa syksyn aikana? Onko vastaanotollasi "
            "noussut esiin huolia unesta, syömisestä tai mielialasta?"
        ),
    )


def _contribution_request(
    staff: TeamStaff, school: Organisation, nurse: User, today: datetime.date
) -> None:
    """The school's part in an assessment under way: the nurse's statement is asked for.
    Its due date must lie ahead of the real today, so only a demo of today has it."""
    from monia.contrib import services as contrib_services
    from monia.contrib.models import RequestBasis

    if today != timezone.localdate():
        return
    open_ones = ServiceNeedsAssessment.objects.filter(
        case__team=staff.team,
        case__designated_worker=staff.workers[0],
        completed_on__isnull=True,
        completion_due__gte=today + datetime.timedelta(days=7),
    ).order_by("pk")
    assessment = open_ones.filter(_at_school(today, "case__")).first() or open_ones.first()
    if assessment is None:
        return
    contrib_services.request_create(
        user=staff.workers[0],
        assessment=assessment,
        organisation=school,
        partner=nurse,
        basis=RequestBasis.LSL_41_REQUEST,
        questions=(
            "Mitä olette havainneet lapsen voinnista ja arjesta? Onko lapsi ollut poissa, "
            "ja mitä tukea olette jo antaneet? Mitä lapsi itse on kertonut?"
        ),
        due_on=workdays.on_or_before(
            min(assessment.completion_due, today + datetime.timedelta(days=14))
        ),
    )
