"""What a mistyped name word means in every search by name (``name_selectors.words_meant``):
a short name with one letter dropped, swapped with its neighbour or wrong still means the
name in the register's vocabulary (``NameWord``), accents aside; a word two errors away,
or an unrelated one, does not."""

from __future__ import annotations

import pytest

from monia.people.models import NameWord
from monia.people.name_selectors import words_meant

pytestmark = pytest.mark.django_db

# Folded, as the database keeps them: "Mäki" is "maki", "Söderström" "soderstrom".
VOCABULARY = (
    "aho",
    "ahonen",
    "aino",
    "akerblom",
    "elias",
    "elsa",
    "juho",
    "korhonen",
    "linders",
    "maki",
    "makela",
    "niemi",
    "nieminen",
    "nylund",
    "oja",
    "soderstrom",
    "veeti",
    "virtanen",
)


@pytest.fixture(autouse=True)
def vocabulary() -> None:
    NameWord.objects.bulk_create([NameWord(word=w) for w in VOCABULARY], ignore_conflicts=True)


def _meant(typed: str) -> set[str]:
    (found,) = words_meant([typed])
    return set(found) & set(VOCABULARY)  # other tests' persons may have added words


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Nylnd", "nylund"),
        ("Lindrs", "linders"),
        ("Ahnen", "ahonen"),
        ("Korhnen", "korhonen"),
        ("Elas", "elias"),
        ("Veti", "veeti"),
    ],
)
def test_a_short_name_with_a_letter_dropped_still_means_it(typed: str, meant: str) -> None:
    assert meant in _meant(typed)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Nyulnd", "nylund"),
        ("Nylnud", "nylund"),
        ("Mkai", "maki"),
        ("Nimei", "niemi"),
        ("Aion", "aino"),
        ("Esla", "elsa"),
        ("Jhuo", "juho"),
        ("Virtnaen", "virtanen"),
    ],
)
def test_two_neighbouring_letters_swapped_still_mean_the_name(typed: str, meant: str) -> None:
    assert meant in _meant(typed)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Mäkl", "maki"),
        ("Niwmi", "niemi"),
        ("Nylumd", "nylund"),
        ("Lindets", "linders"),
        ("Aimo", "aino"),
        ("Juhi", "juho"),
    ],
)
def test_one_wrong_letter_in_a_short_name_still_means_it(typed: str, meant: str) -> None:
    assert meant in _meant(typed)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Makl", "maki"),  # Mäki typed without the dots, and one letter wrong
        ("Mäkl", "maki"),
        ("MÄKI", "maki"),
        ("Åkrblom", "akerblom"),  # Åkerblom, a letter dropped
        ("Akerbolm", "akerblom"),
        ("Södrström", "soderstrom"),
        ("Nylünd", "nylund"),
    ],
)
def test_finnish_and_swedish_letters_are_folded_before_the_errors_are_counted(
    typed: str, meant: str
) -> None:
    assert meant in _meant(typed)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Nylnd", {"nylund"}),
        ("Mäkl", {"maki"}),
        ("Niemi", {"niemi", "nieminen"}),  # and the names it begins
        ("Lindrs", {"linders"}),
    ],
)
def test_a_mistyped_short_name_means_only_the_names_one_error_away(
    typed: str, meant: set[str]
) -> None:
    assert _meant(typed) == meant


@pytest.mark.parametrize("typed", ["Nlnd", "Nylnt", "Mkl", "Ahi", "Xyzq", "Sanna", "Hämäläinen"])
def test_a_word_two_errors_from_every_name_or_unrelated_means_none(typed: str) -> None:
    assert _meant(typed) == set()
