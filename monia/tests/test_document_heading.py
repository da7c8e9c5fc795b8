"""A document's heading names the county, and the controller only when it is another body."""

from __future__ import annotations

from monia.ui.document import Document


def _document(*, county: str, controller: str, language: str = "fi") -> Document:
    return Document(
        title="Päätös",
        subject="Eeli Korhonen",
        date=None,
        language=language,
        county=county,
        controller=controller,
        sections=(),
    )


def test_a_county_that_is_its_own_controller_is_named_once() -> None:
    document = _document(
        county="Keski-Suomen hyvinvointialue", controller="Keski-Suomen hyvinvointialue"
    )
    assert document.county_line == "Keski-Suomen hyvinvointialue"


def test_another_controller_is_named_as_the_controller_in_the_documents_language() -> None:
    swedish = _document(
        county="Mellersta Finlands välfärdsområde",
        controller="Keski-Suomen hyvinvointialue",
        language="sv",
    )
    assert swedish.county_line == (
        "Mellersta Finlands välfärdsområde · Personuppgiftsansvarig: Keski-Suomen hyvinvointialue"
    )
    finnish = _document(county="Alue A", controller="Alueen A rekisterinpitäjä")
    assert finnish.county_line == "Alue A · Rekisterinpitäjä: Alueen A rekisterinpitäjä"


def test_a_document_names_its_service_task_in_its_own_language() -> None:
    base = _document(county="Alue A", controller="Alue A")
    assert base.service_task_line == ""  # none given: no line
    finnish = Document(**{**base.__dict__, "service_task": "Lastensuojelu"})
    swedish = Document(**{**base.__dict__, "language": "sv", "service_task": "Barnskydd"})
    assert finnish.service_task_line == "Palvelutehtävä: Lastensuojelu"
    assert swedish.service_task_line == "Serviceuppgift: Barnskydd"
