"""The decision as a document: the instructions the law gives its route, the authority,
30 days, the decider by name, the hearings — and no party's address — in Finnish and
Swedish; its PDF read back."""

from __future__ import annotations

import io

import pypdf
import pytest
from django.urls import reverse

from monia.accounts.models import User
from monia.conftest import CaseWorld, login
from monia.decisions import instructions
from monia.decisions.document import decision_document
from monia.decisions.kinds import DecisionKind
from monia.decisions.models import AuthorityKind
from monia.decisions.tests.document_world import (
    BODY_FI,
    BODY_SV,
    COURT_FI,
    COURT_SV,
    authorities_add,
    decider_make,
    decision_make,
    second_guardian,
)
from monia.people.models import Person
from monia.ui.document import Document

pytestmark = pytest.mark.django_db


def text_of(document: Document) -> str:
    parts = [document.title, document.subject, document.county, document.number]
    for section in document.sections:
        parts.append(section.heading)
        parts += [f"{label}: {value}" for label, value in section.rows]
        parts += list(section.paragraphs)
    return "\n".join([*parts, *document.recipient, *document.footer])


def _guardian(case_a: CaseWorld) -> Person:
    return Person.objects.get(ties_from__to_person=case_a.case.child, ties_from__is_guardian=True)


def _emergency(case_a: CaseWorld, worker_a: User, **extra: object) -> object:
    guardian = _guardian(case_a)
    Person.objects.filter(pk=guardian.pk).update(address="Avoin katu 1, 70100 Kuopio")
    other = second_guardian(case_a.case.child, protected=True)
    return decision_make(
        case_a.case,
        worker_a,
        decider=decider_make(case_a.case.county),
        measure=case_a.emergency,
        parties=[(guardian, "guardian"), (other, "guardian")],
        enforced_at_once=True,
        enforcement_reason="Lapsen turvallisuus ei salli odottaa.",
        **extra,
    )


def test_an_emergency_placement_carries_an_appeal_to_the_administrative_court_in_finnish(
    case_a: CaseWorld, worker_a: User
) -> None:
    authorities_add(case_a.case.county)
    decision = _emergency(case_a, worker_a)
    text = text_of(decision_document(decision, language="fi"))
    assert "Päätös lapsen kiireellisestä sijoituksesta" in text
    assert "Valitusosoitus" in text and "Oikaisuvaatimusohje" not in text
    assert COURT_FI in text and "PL 1744, 70101 Kuopio" in text and "ma–pe 8.00–16.15" in text
    assert "30 päivän kuluessa" in text
    assert "12 vuotta täyttänyt lapsi" in text
    assert "seitsemäntenä päivänä" in text and "kolmantena päivänä" in text
    assert "Oikeudenkäyntimaksua ei peritä" in text and "1455/2015" in text
    assert "Helena Päättäjä, Johtava sosiaalityöntekijä" in text  # the decider by name
    assert "Worker_A Testinen" in text  # the preparer by name
    assert "Kuultu" in text and "Vastustaa sijoitusta." in text
    assert "LsL 92 §" in text and "Lapsen turvallisuus ei salli odottaa." in text
    assert "Alue A" in text and "Aino Esimerkki" in text
    assert "LUONNOS" not in text
    assert "Avoin katu" not in text and "Piilopolku" not in text  # no address of anyone


def test_the_same_decision_in_swedish_names_the_court_in_swedish(
    case_a: CaseWorld, worker_a: User
) -> None:
    authorities_add(case_a.case.county)
    decision = _emergency(case_a, worker_a)
    text = text_of(decision_document(decision, language="sv"))
    assert "Beslut om brådskande placering av ett barn" in text
    assert "Besvärsanvisning" in text and COURT_SV in text and "mån–fre 8.00–16.15" in text
    assert "inom 30 dagar" in text and "fyllt 12 år" in text
    assert "Ingen rättegångsavgift" in text
    assert "Helena Päättäjä" in text and "Område A" in text
    assert "Avoin katu" not in text and "Piilopolku" not in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fi", ["Päätös avohuollon tukitoimista", "Oikaisuvaatimusohje", BODY_FI, "30 päivän"]),
        ("sv", ["Beslut om stödåtgärder", "omprövning", BODY_SV, "inom 30 dagar"]),
    ],
)
def test_a_support_measure_carries_a_request_for_correction_to_the_countys_body(
    case_a: CaseWorld, worker_a: User, language: str, words: list[str]
) -> None:
    authorities_add(case_a.case.county)
    decision = decision_make(
        case_a.case,
        worker_a,
        kind=DecisionKind.SUPPORT_MEASURE,
        parties=[(_guardian(case_a), "guardian")],
    )
    text = text_of(decision_document(decision, language=language))
    for word in words:
        assert word in text
    assert COURT_FI not in text and COURT_SV not in text
    assert "Worker_A Testinen" in text


def test_a_county_without_authorities_tells_the_party_to_ask_and_staff_see_it(
    case_a: CaseWorld, worker_a: User
) -> None:
    county = case_a.case.county
    assert instructions.authorities_missing(county) == list(AuthorityKind)
    decision = decision_make(case_a.case, worker_a, parties=[(_guardian(case_a), "guardian")])
    text = text_of(decision_document(decision, language="fi"))
    assert "Kysy lisätietojen antajalta" in text
    party = decision.parties.get()  # type: ignore[attr-defined]
    url = reverse("decision_letter", args=[case_a.case.pk, decision.pk, party.pk])  # type: ignore[attr-defined]
    warning = login("worker_a", "fi").get(url).content.decode()
    assert "Hyvinvointialue ei ole asettanut, minne valitukset" in warning
    authorities_add(county)
    assert instructions.authorities_missing(county) == []


def test_a_draft_says_it_is_not_signed(case_a: CaseWorld, worker_a: User) -> None:
    decision = decision_make(case_a.case, worker_a, signed=False)
    fi = decision_document(decision, language="fi")
    assert "LUONNOS – ei allekirjoitettu" in text_of(fi)
    assert "UTKAST – inte undertecknat" in text_of(decision_document(decision, language="sv"))
    assert "Ei vielä allekirjoitettu" in text_of(fi)


def test_a_correction_names_the_decision_it_corrects_and_why(
    case_a: CaseWorld, worker_a: User
) -> None:
    old = decision_make(case_a.case, worker_a)
    new = decision_make(
        case_a.case, worker_a, corrects=old, correction_reason="Sijoituspaikan nimi oli väärin."
    )
    text = text_of(decision_document(new, language="fi"))
    assert f"korjaa päätöksen {old.number}" in text
    assert "Sijoituspaikan nimi oli väärin." in text


def test_the_decision_pdf_reads_back_with_title_child_and_secrecy_marking(
    case_a: CaseWorld, worker_a: User
) -> None:
    authorities_add(case_a.case.county)
    decision = _emergency(case_a, worker_a)
    url = reverse("decision_pdf", args=[case_a.case.pk, decision.pk])  # type: ignore[attr-defined]
    for language, words in {
        "fi": [
            "Päätös lapsen kiireellisestä sijoituksesta",
            "Salassa pidettävä",
            "Valitusosoitus",
            "Palvelutehtävä: Lastensuojelu",
        ],
        "sv": [
            "Beslut om brådskande placering av ett barn",
            "Sekretessbelagd",
            "Besvärsanvisning",
            "Serviceuppgift: Barnskydd",
        ],
    }.items():
        response = login("worker_a").get(url, {"lang": language})
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")
        reader = pypdf.PdfReader(io.BytesIO(response.content))
        text = " ".join(page.extract_text() for page in reader.pages)
        text = " ".join(text.split())
        for word in [*words, "Aino Esimerkki"]:
            assert word in text, (language, word)
        assert "Piilopolku" not in text and "Avoin katu" not in text


def test_another_team_gets_404_for_the_decision_pdf(
    case_a: CaseWorld, worker_a: User, other_team: User
) -> None:
    decision = decision_make(case_a.case, worker_a)
    url = reverse("decision_pdf", args=[case_a.case.pk, decision.pk])
    assert login("other_team").get(url).status_code == 404
    assert login("worker_a").get(url).status_code == 200


def test_the_consents_of_the_measure_and_a_party_not_heard_are_stated(
    case_a: CaseWorld, worker_a: User
) -> None:
    import datetime

    from monia.casework.models import MeasureConsent

    guardian = _guardian(case_a)
    MeasureConsent.objects.create(
        measure=case_a.emergency,
        person=guardian,
        party="guardian",
        answer="objected",
        given_on=datetime.date(2026, 11, 30),
    )
    decision = decision_make(
        case_a.case,
        worker_a,
        measure=case_a.emergency,
        parties=[(guardian, "guardian")],
        unheard=[(case_a.case.child, "child", "Lapsi on 9-vuotias.")],
    )
    fi = text_of(decision_document(decision, language="fi"))
    assert "Suostumukset" in fi and "Vastustanut 30.11.2026." in fi
    assert "Ei kuultu. Syy: Lapsi on 9-vuotias." in fi
    sv = text_of(decision_document(decision, language="sv"))
    assert "Motsatt sig 30.11.2026." in sv and "Inte hörd. Orsak: Lapsi on 9-vuotias." in sv


def test_a_swedish_decision_names_the_controller_and_the_decider_in_swedish(
    case_a: CaseWorld, worker_a: User
) -> None:
    """The county's controller and the decider's title in the document's language, each
    in Finnish where no Swedish one was written."""
    authorities_add(case_a.case.county)
    decision = _emergency(case_a, worker_a)
    county = decision.case.county
    county.controller_sv = "Välfärdsområde A:s registratur"
    county.save(update_fields=["controller_sv"])
    decider = decision.decider
    decider.title_sv = "Ledande socialarbetare"
    decider.save(update_fields=["title_sv"])
    decision.refresh_from_db()
    sv = decision_document(decision, language="sv")
    assert sv.county_line == "Område A · Personuppgiftsansvarig: Välfärdsområde A:s registratur"
    assert "Helena Päättäjä, Ledande socialarbetare" in text_of(sv)
    assert "Johtava sosiaalityöntekijä" not in text_of(sv)
    fi = decision_document(decision, language="fi")
    assert fi.county_line == "Alue A"  # the county is its own controller: named once
    assert "Helena Päättäjä, Johtava sosiaalityöntekijä" in text_of(fi)
    # The preparer has no Swedish title: the Finnish one, rather than none.
    worker_a.title = "Sosiaalityöntekijä"
    worker_a.save(update_fields=["title"])
    decision.refresh_from_db()
    assert "Worker_A Testinen, Sosiaalityöntekijä" in text_of(
        decision_document(decision, language="sv")
    )
