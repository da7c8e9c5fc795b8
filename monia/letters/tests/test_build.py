"""Each letter in Finnish and in Swedish, with the facts from the record and the deadlines,
addressed through the contact rule."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.utils import timezone, translation
from pypdf import PdfReader

from monia import deadlines
from monia.letters import build, build_meetings
from monia.letters.build_meetings import MeetingDetails, MeetingPurpose
from monia.letters.recipients import Recipient, Role, recipients_for
from monia.letters.tests.conftest import (
    ERIK_ADDRESS,
    MAIJA_ADDRESS,
    LetterFamily,
    protect,
    text_of,
)
from monia.ui.pdf import date_text, document_pdf

pytestmark = pytest.mark.django_db


def _all_letters(family: LetterFamily, worker: Any, recipient: Recipient, language: str) -> list:
    case = family.case
    details = MeetingDetails(
        purpose=MeetingPurpose.PLAN,
        starts_at=family.meeting.held_at,
        place="Sosiaalitoimisto",
        invited="Maija, Erik, Aino",
        topics="Asiakassuunnitelman tarkistus",
    )
    common = {"recipient": recipient, "sender": worker, "language": language}
    return [
        build.notification_received_letter(intake=family.cw.pending_intake, **common),
        build.assessment_summary_letter(
            assessment=case.assessments.filter(completed_on__isnull=False).get(),
            family_view="Olemme samaa mieltä.",
            **common,
        ),
        build.plan_letter(case=case, **common),
        build_meetings.network_meeting_letter(meeting=family.meeting, **common),
        build_meetings.meeting_letter(case=case, details=details, **common),
    ]


TITLES = {
    "fi": [
        "Saimme lastensuojeluilmoituksen",
        "Yhteenveto palvelutarpeen arvioinnista",
        "Lapsesi asiakassuunnitelma",
        "Kutsu verkostopalaveriin",
        "Kutsu asiakassuunnitelmaneuvotteluun",
    ],
    "sv": [
        "Vi har fått en barnskyddsanmälan",
        "Sammanfattning av bedömningen av servicebehovet",
        "Ditt barns klientplan",
        "Inbjudan till ett nätverksmöte",
        "Inbjudan till ett klientplansmöte",
    ],
}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_letter_builds_in_finnish_and_swedish(
    family: LetterFamily, worker_a: Any, language: str
) -> None:
    letters = _all_letters(family, worker_a, family.to(family.maija), language)
    assert [d.title for d in letters] == TITLES[language]
    for document in letters:
        assert document.language == language
        assert document.subject == "Aino Esimerkki"
        assert document.recipient[0] == "Maija Esimerkki"
        # Every social welfare document names its service task (THL's documentation rules).
        assert (
            document.service_task_line
            == {
                "fi": "Palvelutehtävä: Lastensuojelu",
                "sv": "Serviceuppgift: Barnskydd",
            }[language]
        )
        assert MAIJA_ADDRESS in document.recipient
        assert ERIK_ADDRESS not in text_of(document)


def test_the_notice_of_receipt_gives_the_seven_working_day_and_three_month_dates(
    family: LetterFamily, worker_a: Any
) -> None:
    intake = family.cw.pending_intake
    document = build.notification_received_letter(
        intake=intake, recipient=family.to(family.maija), sender=worker_a
    )
    text = text_of(document)
    due = deadlines.assessment_decision_due(intake.received_at)
    assert due == intake.decision_due
    assert f"Viimeistään {date_text(due)} sosiaalityöntekijä päättää" in text
    assert "7 arkipäivää" in text
    completion = deadlines.assessment_completion_due(intake.received_at)
    assert date_text(completion) in text and "3 kuukauden" in text
    # Never the notification's content nor its notifier (LsL 25 §).
    assert intake.content not in text and "Opettaja Olli" not in text


def test_the_assessment_summary_gives_the_conclusion_and_the_familys_view(
    family: LetterFamily, worker_a: Any
) -> None:
    assessment = family.case.assessments.filter(completed_on__isnull=False).get()
    document = build.assessment_summary_letter(
        assessment=assessment,
        recipient=family.to(family.erik),
        sender=worker_a,
        family_view="Vi håller med.",
    )
    text = text_of(document)
    assert document.language == "sv"
    assert "Tarvitaan tukea." in text and "Vi håller med." in text
    assert "Barnet är nu klient inom barnskyddet." in text
    assert date_text(assessment.completed_on) in text


def test_an_open_assessment_has_no_summary_letter(family: LetterFamily, worker_a: Any) -> None:
    with pytest.raises(build.LetterUnavailable):
        build.assessment_summary_letter(
            assessment=family.cw.open_assessment,
            recipient=family.to(family.maija),
            sender=worker_a,
        )


def test_the_plan_letter_carries_the_review_date_and_the_plans_items(
    family: LetterFamily, worker_a: Any
) -> None:
    plan = family.case.plans.get(status="approved")
    document = build.plan_letter(
        case=family.case, recipient=family.to(family.maija), sender=worker_a
    )
    text = text_of(document)
    assert f"Seuraava tarkistus {date_text(plan.review_due)}" in text
    assert "Perhetyö" in text and "Tuki arkeen" in text


def test_a_swedish_speaking_guardian_gets_swedish_unless_the_worker_chooses_finnish(
    family: LetterFamily, worker_a: Any
) -> None:
    intake = family.cw.pending_intake
    own = build.notification_received_letter(
        intake=intake, recipient=family.to(family.erik), sender=worker_a
    )
    chosen = build.notification_received_letter(
        intake=intake, recipient=family.to(family.erik), sender=worker_a, language="fi"
    )
    assert own.language == "sv" and own.county == "Område A"
    assert chosen.language == "fi" and chosen.county == "Alue A"


def test_a_protected_address_is_never_on_a_letter_to_the_other_guardian_nor_to_herself(
    family: LetterFamily, worker_a: Any
) -> None:
    protect(family.maija)
    to_erik = _all_letters(family, worker_a, family.to(family.erik), "sv")
    to_maija = _all_letters(family, worker_a, family.to(family.maija), "fi")
    for document in [*to_erik, *to_maija]:
        assert MAIJA_ADDRESS not in text_of(document)
        assert "Tampere" not in text_of(document)
    assert ERIK_ADDRESS in to_erik[0].recipient
    assert to_maija[0].recipient == (
        "Maija Esimerkki",
        "Osoitetta ei näytetä: turvakielto.",
        "Lähetä kirje Digi- ja väestötietoviraston kautta.",
    )


def test_the_portal_is_offered_only_to_whom_the_portal_lets_in(
    family: LetterFamily, worker_a: Any
) -> None:
    to_guardian = build_meetings.network_meeting_letter(
        meeting=family.meeting, recipient=family.to(family.maija), sender=worker_a
    )
    to_parent = build_meetings.network_meeting_letter(
        meeting=family.meeting,
        recipient=Recipient(family.maija, Role.PARENT),
        sender=worker_a,
    )
    assert "Minun ääneni" in text_of(to_guardian)
    assert "Minun ääneni" not in text_of(to_parent)
    assert "Maija Esimerkki" in text_of(to_guardian)  # who is invited: names only
    assert "Perhekeskus, Hämeenkatu 1" in text_of(to_guardian)


def test_the_recipients_are_the_guardians_then_the_young_person_from_twelve(
    family: LetterFamily,
) -> None:
    found = recipients_for(family.case, on=timezone.localdate())
    assert [(r.person.first_names, r.role) for r in found] == [
        ("Maija", Role.GUARDIAN),
        ("Erik", Role.GUARDIAN),
    ]  # Aino is 9


@pytest.mark.parametrize(
    ("language", "secrecy"), [("fi", "Salassa pidettävä"), ("sv", "Sekretessbelagd")]
)
def test_the_pdf_reads_back_with_the_title_the_child_and_the_secrecy_mark(
    family: LetterFamily, worker_a: Any, language: str, secrecy: str
) -> None:
    document = build.notification_received_letter(
        intake=family.cw.pending_intake,
        recipient=family.to(family.maija),
        sender=worker_a,
        language=language,
    )
    with translation.override(language):
        reader = PdfReader(io.BytesIO(document_pdf(document)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert document.title in text and "Aino Esimerkki" in text and secrecy in text
    assert reader.metadata is not None and reader.metadata.title == document.title


def test_a_swedish_letter_names_the_controller_once_and_the_workers_title_in_swedish(
    family: LetterFamily, worker_a: Any
) -> None:
    """The county line said "Personuppgiftsansvarig: Personuppgiftsansvarig: Alue A" (the
    frame wrapped the words the document adds itself), in Finnish."""
    county = family.case.county
    county.controller_sv = "Välfärdsområde A:s registratur"
    county.save(update_fields=["controller_sv"])
    worker_a.title, worker_a.title_sv = "Sosiaalityöntekijä", "Socialarbetare"
    worker_a.save(update_fields=["title", "title_sv"])
    family.case.refresh_from_db()
    intake = family.cw.pending_intake
    sv = build.notification_received_letter(
        intake=intake, recipient=family.to(family.erik), sender=worker_a, language="sv"
    )
    assert sv.county_line == "Område A · Personuppgiftsansvarig: Välfärdsområde A:s registratur"
    assert "Titel Socialarbetare" in text_of(sv)
    fi = build.notification_received_letter(
        intake=intake, recipient=family.to(family.maija), sender=worker_a, language="fi"
    )
    assert fi.county_line == "Alue A"
    assert "Nimike Sosiaalityöntekijä" in text_of(fi)
