"""Master data kept in Finnish with Swedish and English variants (monia/ui/languages.py): a
county's controller, a staff member's title. A reader, or a document, gets the variant in
its language, and the Finnish text when that variant was left empty."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.utils import translation

from monia.teams.models import County
from monia.ui.languages import in_language


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sv", "Socialarbetare"), ("sv-fi", "Socialarbetare"), ("en", "Social worker"),
     ("fi", "Sosiaalityöntekijä"), (None, "Sosiaalityöntekijä"), ("de", "Sosiaalityöntekijä")],
)  # fmt: skip
def test_the_readers_language_or_finnish(language: str | None, expected: str) -> None:
    texts = {"fi": "Sosiaalityöntekijä", "sv": "Socialarbetare", "en": "Social worker"}
    assert in_language(language, **texts) == expected


@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_variant_falls_back_to_finnish(empty: str) -> None:
    assert in_language("sv", fi="Perheterapeutti", sv=empty, en="Family therapist") == (
        "Perheterapeutti"
    )
    assert in_language("en", fi="Perheterapeutti", sv="Familjeterapeut", en=empty) == (
        "Perheterapeutti"
    )


@pytest.mark.django_db
def test_the_controller_in_a_documents_language_and_the_readers(world: Any) -> None:
    county = world.county_a
    assert county.localized_controller("sv") == "Alue A"  # no Swedish name yet: Finnish
    county.controller_sv = "Område A"
    assert county.localized_controller("sv") == "Område A"
    assert county.localized_controller("fi") == county.localized_controller("en") == "Alue A"
    with translation.override("sv"):
        assert county.display_controller == "Område A"
    with translation.override("en"):
        assert county.display_controller == "Alue A"  # a county has no English name


@pytest.mark.django_db
def test_the_title_in_a_documents_language_and_the_readers(worker_a: Any) -> None:
    worker_a.title, worker_a.title_sv = "Sosiaalityöntekijä", "Socialarbetare"
    assert worker_a.localized_title("sv") == "Socialarbetare"
    assert worker_a.localized_title("en") == "Sosiaalityöntekijä"  # no English title yet
    worker_a.title_en = "Social worker"
    with translation.override("en"):
        assert worker_a.display_title == "Social worker"
    with translation.override("fi"):
        assert worker_a.display_title == "Sosiaalityöntekijä"


@pytest.mark.django_db
def test_a_county_that_is_its_own_controller_gets_its_swedish_name_as_the_controllers() -> None:
    """The migration's data step: the usual county names itself as the controller; another
    controller's Swedish name is not guessed."""
    migration = importlib.import_module("monia.teams.migrations.0008_county_controller_in_swedish")
    own = County.objects.create(
        code="own", name_fi="Alue X", name_sv="Område X", controller="Alue X"
    )
    other = County.objects.create(
        code="other", name_fi="Alue Y", name_sv="Område Y", controller="Yhtymä Y"
    )
    migration.controller_sv_from_the_county_name(apps, None)
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.controller_sv == "Område X"
    assert other.controller_sv == ""
