"""A family for the letters: case_a's child Aino, her Finnish-speaking guardian Maija and a
Swedish-speaking guardian Erik, a planned network meeting."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from monia.casework.models import Case
from monia.conftest import CaseWorld
from monia.letters.recipients import Recipient, Role
from monia.netmeet.models import NetworkMeeting
from monia.netmeet.services import invitee_add, meeting_plan
from monia.people import hetu
from monia.people.models import Person
from monia.people.services import person_create, relationship_create

MAIJA_ADDRESS = "Salainen polku 7, 33100 Tampere"
ERIK_ADDRESS = "Strandvägen 3, 10600 Ekenäs"


@dataclass
class LetterFamily:
    cw: CaseWorld
    case: Case
    maija: Person
    erik: Person
    meeting: NetworkMeeting

    def to(self, person: Person) -> Recipient:
        return Recipient(person, Role.GUARDIAN)


@pytest.fixture
def family(case_a: CaseWorld, worker_a: Any) -> LetterFamily:
    case = case_a.case
    maija = Person.objects.get(ties_from__to_person=case.child, ties_from__is_guardian=True)
    Person.objects.filter(pk=maija.pk).update(address=MAIJA_ADDRESS, municipality="Tampere")
    erik = person_create(
        county=case.county,
        first_names="Erik",
        last_name="Lindqvist",
        identity_code=hetu.make_synthetic(datetime.date(1983, 3, 3), 951),
        language="sv",
    )
    Person.objects.filter(pk=erik.pk).update(address=ERIK_ADDRESS, municipality="Raseborg")
    relationship_create(
        from_person=erik, to_person=case.child, kind="biological_parent", is_guardian=True
    )
    meeting = meeting_plan(
        user=worker_a,
        case=case,
        held_at=timezone.now() + datetime.timedelta(days=10),
        place="Perhekeskus, Hämeenkatu 1",
        agenda="Koulunkäynnin tuki ja arjen sujuminen.",
    )
    invitee_add(meeting=meeting, role="guardian", family_member_name="Maija Esimerkki")
    maija.refresh_from_db()
    erik.refresh_from_db()
    return LetterFamily(cw=case_a, case=case, maija=maija, erik=erik, meeting=meeting)


def protect(person: Person) -> None:
    """Non-disclosure for personal safety, as the worker records it from the register."""
    Person.objects.filter(pk=person.pk).update(
        non_disclosure=True, non_disclosure_since=timezone.localdate()
    )
    person.refresh_from_db()


def text_of(document: Any) -> str:
    """Every word of a Document, to look for facts and for leaks."""
    parts = [document.title, document.subject, document.county, document.controller]
    parts += [*document.recipient, *document.footer, document.legal_ground]
    for section in document.sections:
        parts += [section.heading, *section.paragraphs]
        parts += [f"{label} {value}" for label, value in section.rows]
    return "\n".join(parts)
