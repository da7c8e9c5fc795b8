"""The service letter to each party: in the party's language, addressed only through the
contact rule — a protected party's address never reaches another party's letter — with the
day of service and the end of the appeal time as monia.deadlines counts them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from monia import deadlines
from monia.access import contact
from monia.access.models import AccessLog
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.conftest import CaseWorld, login
from monia.decisions.letters import service_letter
from monia.decisions.tests.document_world import (
    authorities_add,
    decision_make,
    second_guardian,
    service_add,
)
from monia.decisions.tests.test_decision_document import text_of
from monia.people.models import Person

pytestmark = pytest.mark.django_db

OPEN_ADDRESS = "Avoin katu 1, 70100 Kuopio"
HIDDEN = "Piilopolku 7"
SENT = datetime.date(2026, 12, 4)  # a Friday


def _two_guardians(case_a: CaseWorld, worker_a: User, *, language: str = "fi") -> tuple:
    guardian = Person.objects.get(
        ties_from__to_person=case_a.case.child, ties_from__is_guardian=True
    )
    Person.objects.filter(pk=guardian.pk).update(address=OPEN_ADDRESS)
    guardian.refresh_from_db()
    protected = second_guardian(case_a.case.child, protected=True, language=language)
    authorities_add(case_a.case.county)
    decision = decision_make(
        case_a.case, worker_a, parties=[(guardian, "guardian"), (protected, "guardian")]
    )
    return decision, guardian, protected


def test_a_protected_partys_address_never_appears_in_another_partys_letter(
    case_a: CaseWorld, worker_a: User
) -> None:
    decision, guardian, protected = _two_guardians(case_a, worker_a)
    open_party = decision.parties.get(person=guardian)
    protected_party = decision.parties.get(person=protected)
    staff = contact.Reader.staff(worker_a, case_a.case)  # the designated worker: the need
    for reader in (contact.Reader.document(), staff):
        open_letter = text_of(service_letter(decision, open_party, sent_on=SENT, reader=reader))
        assert OPEN_ADDRESS.split(",")[0] in open_letter  # its own address: shown
        assert HIDDEN not in open_letter
    own = service_letter(decision, protected_party, sent_on=SENT, reader=staff)
    assert any(HIDDEN in line for line in own.recipient)  # on its own letter, to the need
    withheld = service_letter(decision, protected_party, sent_on=SENT)
    assert not any(HIDDEN in line for line in withheld.recipient)
    assert "Digi- ja väestötietoviraston kautta" in " ".join(withheld.recipient)
    assert OPEN_ADDRESS not in text_of(withheld)


def test_the_letter_counts_service_and_the_appeal_time_from_the_sending_day(
    case_a: CaseWorld, worker_a: User
) -> None:
    decision, guardian, _protected = _two_guardians(case_a, worker_a)
    party = decision.parties.get(person=guardian)
    served = deadlines.served_on(SENT, "letter")
    ends = deadlines.appeal_ends(served)
    text = text_of(service_letter(decision, party, sent_on=SENT))
    assert served == datetime.date(2026, 12, 11)
    assert "seitsemäntenä päivänä" in text
    assert f"{served.day}.{served.month}.{served.year}" in text
    assert f"{ends.day}.{ends.month}.{ends.year}" in text
    assert "Päätös lapsen kiireellisestä sijoituksesta" in text
    electronic = text_of(service_letter(decision, party, sent_on=SENT, channel="electronic"))
    assert "kolmantena päivänä" in electronic and "7.12.2026" in electronic


def test_a_swedish_speaking_party_gets_the_letter_in_swedish(
    case_a: CaseWorld, worker_a: User
) -> None:
    decision, _guardian, protected = _two_guardians(case_a, worker_a, language="sv")
    letter = service_letter(decision, decision.parties.get(person=protected), sent_on=SENT)
    text = text_of(letter)
    assert letter.language == "sv"
    assert "Delgivning av beslut" in text and "Beslut om brådskande placering" in text
    assert "Myndigheten för digitalisering och befolkningsdata" in text
    assert HIDDEN not in text


def test_the_printable_letter_and_its_pdf_follow_the_staff_reader(
    case_a: CaseWorld, worker_a: User, family_worker_a: User
) -> None:
    decision, guardian, protected = _two_guardians(case_a, worker_a)
    service_add(decision, guardian, worker_a, SENT)
    party = decision.parties.get(person=protected)
    url = reverse("decision_letter", args=[case_a.case.pk, decision.pk, party.pk])
    page = login("worker_a").get(url).content.decode()
    assert HIDDEN in page  # the designated worker has the need; the read is logged
    assert AccessLog.objects.filter(
        user=worker_a, person=protected, purpose=Purpose.PROTECTED_CONTACT
    ).exists()
    family = login("family_worker_a").get(url).content.decode()
    assert HIDDEN not in family and "Digi- ja väestötietoviraston" in family
    assert "Hyvinvointialue ei ole asettanut" not in family  # the authorities are set
    open_url = reverse(
        "decision_letter",
        args=[case_a.case.pk, decision.pk, decision.parties.get(person=guardian).pk],
    )
    open_page = login("worker_a").get(open_url).content.decode()
    assert HIDDEN not in open_page and "11.12.2026" in open_page  # the recorded service
    pdf = login("worker_a").get(
        reverse("decision_letter_pdf", args=[case_a.case.pk, decision.pk, party.pk])
    )
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_draft_has_no_letter(case_a: CaseWorld, worker_a: User) -> None:
    guardian = Person.objects.get(
        ties_from__to_person=case_a.case.child, ties_from__is_guardian=True
    )
    decision = decision_make(case_a.case, worker_a, signed=False, parties=[(guardian, "guardian")])
    party = decision.parties.get()
    url = reverse("decision_letter", args=[case_a.case.pk, decision.pk, party.pk])
    assert login("worker_a").get(url).status_code == 404
