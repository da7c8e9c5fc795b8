"""A sent letter is shown again in the words it was sent with: one kept before December
2026 holds "Controller: …" as its controller, and is not shown "Controller: Controller: …"."""

from __future__ import annotations

import datetime

from monia.letters.snapshot import document_from_json, document_to_json
from monia.ui.document import Document


def _kept(controller: str, language: str) -> Document:
    document = Document(
        title="Brev",
        subject="Agnes Nylund",
        date=datetime.date(2026, 11, 2),
        language=language,
        county="Österbottens välfärdsområde",
        controller=controller,
        sections=(),
    )
    return document_from_json(document_to_json(document))


def test_a_letter_kept_with_the_controllers_word_reads_it_once() -> None:
    kept = _kept("Personuppgiftsansvarig: Pohjanmaan hyvinvointialue", "sv")
    assert kept.county_line == (
        "Österbottens välfärdsområde · Personuppgiftsansvarig: Pohjanmaan hyvinvointialue"
    )


def test_a_letter_kept_with_the_county_as_controller_names_it_once() -> None:
    assert _kept("Österbottens välfärdsområde", "sv").county_line == "Österbottens välfärdsområde"


def test_a_letter_kept_before_the_service_task_was_named_reads_as_it_was_sent() -> None:
    data = document_to_json(_kept("Österbottens välfärdsområde", "sv"))
    del data["service_task"]
    kept = document_from_json(data)
    assert kept.service_task == "" and kept.service_task_line == ""
    named = document_from_json({**data, "service_task": "Barnskydd"})
    assert named.service_task_line == "Serviceuppgift: Barnskydd"
