"""The showcase team's systemic workspace in the demo: today's weekly meeting with
reflections, hypotheses and next steps, flags for the next one, genogram ties, ecomaps,
life events and the county's expert group — all through the services."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from monia.casework.models import Case, CaseStage
from monia.demo.steps import TeamStaff
from monia.experts import services as expert_services
from monia.people.models import Relationship
from monia.systemic import diagram_services, selectors, services

HYPOTHESES = [
    (
        "Äidin uupumus selittää aamujen vaikeudet ja koulupoissaolot.",
        "Koulun havainnot myöhästymisistä; äiti kertoo nukkuvansa huonosti.",
        "Kotikäynti aamulla ja keskustelu äidin jaksamisesta.",
    ),
    (
        "Lapsi kantaa vastuuta nuoremmista sisaruksista.",
        "Lapsi kertoo hoitavansa pikkusiskoa iltaisin.",
        "Lapsen oma tapaaminen ilman vanhempia.",
    ),
    (
        "Isän muutto pois on laukaissut lapsen oireilun.",
        "Oireilu alkoi kuukausi eron jälkeen.",
        "Verkostopalaveri, johon isä kutsutaan.",
    ),
]
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
    meeting = services.meeting_open(user=coordinator, team=staff.team, held_on=today)
    for n, case in enumerate(cases[:3]):
        item = meeting.items.filter(case=case).first() or services.agenda_add(
            meeting=meeting, case=case
        )
        services.reflection_save(user=coordinator, item=item, data=REFLECTION, lock_version=0)
        statement, supports, test = HYPOTHESES[n % len(HYPOTHESES)]
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
            due_on=today + datetime.timedelta(days=7 + n),
        )
        _diagrams(case, worker)
    members = selectors.meeting_members(meeting)  # one member sent apologies
    away = [m.pk for m in members if m.pk not in (coordinator.pk, worker.pk)][-1:]
    statuses = {m.pk: "apologised" if m.pk in away else "present" for m in members}
    services.meeting_attendance_record(user=coordinator, meeting=meeting, statuses=statuses)
    services.meeting_close(user=coordinator, meeting=meeting)
    services.flag_raise(
        user=staff.therapist,
        case=cases[-1],
        reason="Perheen tilanne on muuttunut: isä on muuttanut pois.",
    )
    services.life_event_add(
        user=worker,
        case=cases[0],
        occurred_on=today - datetime.timedelta(days=rng.randint(200, 400)),
        title="Vanhemmat erosivat",
        description="Isä muutti toiselle paikkakunnalle.",
    )
    _expert_group(staff, county_code, today)


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


def _expert_group(staff: TeamStaff, county_code: str, today: datetime.date) -> None:
    group = expert_services.expert_group_create(
        county=staff.team.county, name="Lastensuojelun asiantuntijaryhmä"
    )
    for name, expertise, org in [
        ("Kaarina Kehitys", "child_development", "Lastenpsykologia"),
        ("Heikki Hoito", "health", "Lastentautien poliklinikka"),
        ("Liisa Laki", "law", "Hyvinvointialueen lakimies"),
    ]:
        expert_services.expert_member_add(
            group=group, name=name, expertise=expertise, organisation=org
        )
    expert_services.expert_session_create(
        group=group,
        held_on=today + datetime.timedelta(days=14),
        location="Sosiaalitoimisto, neuvotteluhuone 2",
    )


ORGANISATIONS = [
    ("Keskuskoulu", "school"),
    ("Terveysasema", "health_care"),
    ("Lasten- ja nuorisopsykiatrian poliklinikka", "child_psychiatry"),
    ("Nuorisopalvelut", "youth_services"),
    ("Mannerheimin Lastensuojeluliitto, paikallisosasto", "ngo"),
]
PARTNERS = {  # county code → (username, first name, last name, title)
    "keski-suomi": ("terhi", "Terhi", "Terveydenhoitaja", "Kouluterveydenhoitaja"),
    "pohjanmaa": ("sofia", "Sofia", "Skolhälsovårdare", "Skolhälsovårdare"),
}


def network_build(
    *,
    staff: TeamStaff,
    county_code: str,
    today: datetime.date,
    password_hash: str,
    email_domain: str,
) -> None:
    """The county's partner registry, one school nurse and one case shared with her."""
    from monia.accounts.models import Role, User
    from monia.network import services as network_services

    county = staff.team.county
    county.intake_team = staff.team  # e-notifications land in the showcase team's queue
    county.save(update_fields=["intake_team"])
    organisations = [
        network_services.organisation_create(county=county, name=name, sector=sector)
        for name, sector in ORGANISATIONS
    ]
    username, first, last, title = PARTNERS[county_code]
    nurse = User(
        username=username,
        first_name=first,
        last_name=last,
        title=title,
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
    if case is not None:
        _referrals(case, staff.workers[0], organisations[2], today)
        network_services.grant_create(
            user=staff.workers[0],
            case=case,
            organisation=organisations[0],
            partner=nurse,
            basis="guardian_consent",
            consent_given_by="Huoltaja (äiti)",
            scope=["basic", "plan"],
            ends_on=today + datetime.timedelta(days=180),
        )


def _referrals(case: Case, worker: object, psychiatry: object, today: datetime.date) -> None:
    """One support that began in time and one wait over the target, for the dashboard."""
    from django.utils import timezone as tz

    from monia.network import referral_services

    def days_ago(n: int, hour: int = 10) -> datetime.datetime:
        day = today - datetime.timedelta(days=n)
        return datetime.datetime.combine(day, datetime.time(hour), tzinfo=tz.get_current_timezone())

    started = referral_services.referral_create(
        user=worker,
        case=case,
        organisation=psychiatry,
        service="Nuorisopsykiatrinen arvio",  # type: ignore[arg-type]
        need_identified_on=today - datetime.timedelta(days=80),
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
        need_identified_on=today - datetime.timedelta(days=42),
        referred_at=days_ago(40),
    )
