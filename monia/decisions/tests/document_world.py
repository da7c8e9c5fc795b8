"""Decisions made directly with the ORM for the document, letter and portal tests: the
services that sign decisions are another module's; these rows satisfy the same database
constraints (a signed decision has its decider, date, texts, number and signing time)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from monia.accounts.models import User
from monia.casework.models import Case
from monia.decisions.kinds import DecisionKind, appeal_route
from monia.decisions.models import (
    AppealAuthority,
    AuthorityKind,
    Decision,
    DecisionParty,
    DecisionService,
)
from monia.people import hetu
from monia.people.models import Person
from monia.people.services import person_create, relationship_create
from monia.teams.models import County

COURT_FI = "Itä-Suomen hallinto-oikeus"
COURT_SV = "Östra Finlands förvaltningsdomstol"
BODY_FI = "Yksilöasioiden jaosto"
BODY_SV = "Sektionen för individärenden"


def authorities_add(county: County) -> None:
    AppealAuthority.objects.create(
        county=county,
        kind=AuthorityKind.ADMINISTRATIVE_COURT,
        name_fi=COURT_FI,
        name_sv=COURT_SV,
        address="PL 1744, 70101 Kuopio",
        email="ita-suomi.hao@oikeus.fi",
        phone="029 56 42500",
        hours_fi="ma–pe 8.00–16.15",
        hours_sv="mån–fre 8.00–16.15",
    )
    AppealAuthority.objects.create(
        county=county,
        kind=AuthorityKind.INDIVIDUAL_MATTERS_BODY,
        name_fi=BODY_FI,
        name_sv=BODY_SV,
        address="PL 99, 70100 Kuopio",
        email="kirjaamo@alue.example",
    )


def decider_make(county: County) -> User:
    return User.objects.create_user(
        username="decider_a",
        password="x-not-used-1234",
        role="senior_official",
        county=county,
        first_name="Helena",
        last_name="Päättäjä",
        title="Johtava sosiaalityöntekijä",
    )


def decision_make(
    case: Case,
    preparer: User,
    *,
    kind: str = DecisionKind.EMERGENCY_PLACEMENT,
    decider: User | None = None,
    signed: bool = True,
    parties: list[tuple[Person, str]] = (),  # type: ignore[assignment]
    unheard: list[tuple[Person, str, str]] = (),  # type: ignore[assignment]
    **extra: Any,
) -> Decision:
    today = timezone.localdate()
    fields: dict[str, Any] = dict(
        case=case,
        kind=kind,
        appeal_route=appeal_route(kind),
        matter="Lapsen turvallisuus kotona",
        decision_text="Lapsi sijoitetaan kiireellisesti perhekotiin.",
        facts="Koulun ilmoitus 1.11. ja kotikäynti 2.11.",
        reasons="Lapsen terveys ja kehitys ovat välittömässä vaarassa.",
        provisions="LsL 38 §, 39 §",
        preparer=preparer,
        created_by=preparer,
        info_person=preparer,
        info_street="Torikatu 1",
        info_postal_code="70100",
        info_town="Kuopio",
        info_phone="017 000 000",
    )
    if signed:
        fields.update(
            decider=decider or preparer,
            decided_on=today - datetime.timedelta(days=3),
            signed_at=timezone.now() - datetime.timedelta(days=3),
            number=f"LS-{Decision.objects.count() + 1}/2026",
        )
    fields.update(extra)
    decision = Decision.objects.create(**fields)
    for person, role in parties:
        DecisionParty.objects.create(
            decision=decision,
            person=person,
            role=role,
            heard=True,
            heard_on=today - datetime.timedelta(days=4),
            method="in_person",
            view="Vastustaa sijoitusta.",
        )
    for person, role, reason in unheard:
        DecisionParty.objects.create(
            decision=decision, person=person, role=role, heard=False, not_heard_reason=reason
        )
    if signed:  # parties first: the database refuses them on a signed decision
        Decision.objects.filter(pk=decision.pk).update(state="signed")
        decision.refresh_from_db()
    return decision


def service_add(decision: Decision, person: Person, user: User, sent_on: datetime.date) -> None:
    from monia import deadlines

    served = deadlines.served_on(sent_on, "letter")
    DecisionService.objects.create(
        decision=decision,
        party=decision.parties.get(person=person),
        channel="letter",
        sent_on=sent_on,
        served_on=served,
        appeal_ends=deadlines.appeal_ends(served),
        recorded_by=user,
    )


def second_guardian(child: Person, *, protected: bool = False, language: str = "fi") -> Person:
    """Another guardian of the child, with an address; under non-disclosure if asked."""
    person = person_create(
        county=child.county,
        first_names="Pekka",
        last_name="Toinen",
        identity_code=hetu.make_synthetic(datetime.date(1983, 3, 3), 951),
    )
    Person.objects.filter(pk=person.pk).update(
        address="Piilopolku 7 B 12, 70200 Kuopio",
        non_disclosure=protected,
        non_disclosure_since=datetime.date(2026, 1, 1) if protected else None,
        language=language,
    )
    relationship_create(
        from_person=person, to_person=child, kind="biological_parent", is_guardian=True
    )
    person.refresh_from_db()
    return person
