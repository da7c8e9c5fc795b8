"""A person's documents and letters are written in the language decided once, beside the
person (``Person.document_language``): Swedish for a Swedish speaker, else Finnish."""

from __future__ import annotations

import pytest

from monia.people.models import Language, Person


@pytest.mark.parametrize(
    ("language", "written"),
    [
        (Language.SWEDISH, "sv"),
        (Language.FINNISH, "fi"),
        (Language.SAMI, "fi"),
        (Language.OTHER, "fi"),
    ],
)
def test_documents_are_swedish_for_a_swedish_speaker_and_finnish_for_everyone_else(
    language: str, written: str
) -> None:
    assert Person(language=language).document_language == written
