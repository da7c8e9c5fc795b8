"""The genogram's and the ecomap's words (Diagram.labels): every one in the reader's
language, a word of two meanings by its context, English where a drawing is given none."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from monia.accounts.models import User
from monia.conftest import World, login
from monia.systemic.diagram_svg import english
from monia.systemic.diagram_views import ECOMAP, GENOGRAM, Diagram
from monia.systemic.tests.test_genogram import NS, Family, blended_family


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("diagram", [GENOGRAM, ECOMAP], ids=["genogram", "ecomap"])
def test_every_diagram_word_is_translated(diagram: Diagram, language: str) -> None:
    with translation.override(language):
        labels = diagram.labels()
    as_written = english(diagram.words)
    assert labels.keys() == as_written.keys()
    assert [k for k in labels if labels[k] == as_written[k] or not labels[k]] == []


def test_a_close_relationship_is_close_not_the_closing_of_something() -> None:
    words = {}
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            words[language] = GENOGRAM.labels()["quality.close"]
    assert words == {"fi": "Läheinen", "sv": "Nära", "en": "Close"}


def test_a_drawing_given_no_words_speaks_english() -> None:
    with translation.override("fi"):
        assert english(GENOGRAM.words)["legend"] == "Legend"
        assert english(ECOMAP.words)["kind.ngo"] == "NGO"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_genogram_page_draws_its_legend_in_the_readers_language(
    language: str, world: World, worker_a: User
) -> None:
    family: Family = blended_family(world, worker_a)
    page = login("worker_a", language=language).get(
        reverse("genogram", kwargs={"case_id": family.case.pk})
    )
    html = page.content.decode()
    root = ET.fromstring(html[html.index("<svg") : html.index("</svg>") + 6])  # noqa: S314
    with translation.override(language):
        labels = GENOGRAM.labels()
    legend = root.find(".//s:g[@class='legend']", NS)
    assert legend is not None
    items = {g.get("data-key"): "".join(g.itertext()) for g in legend.iterfind("s:g", NS)}
    assert "quality.conflictual" in items and len(items) > 4
    assert items == {key: labels[key] for key in items}
    heading = legend.find("s:text", NS)
    assert heading is not None and heading.text == labels["legend"] != "Legend"
