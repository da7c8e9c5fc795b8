"""The case page reads in order: its links grouped by area, a measure's details shown, and
one date format (j.n.Y) in every casework template."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.urls import reverse
from django.utils import timezone

from monia.casework import measure_services, stages
from monia.casework.models import Case
from monia.conftest import CaseWorld, login

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "casework"
EVERYTHING = frozenset({"view", "record", "decide"})


def _groups(html: str) -> dict[str, list[str]]:
    nav = html.split('class="case-links"')[1].split("</nav>")[0]
    found = {}
    for part in nav.split("<h2 ")[1:]:
        title = part.split(">", 1)[1].split("</h2>")[0]
        found[title] = re.findall(r"<a href=\"[^\"]+\">([^<]+)</a>", part)
    return found


def test_the_case_page_groups_its_links_by_area(case_a: CaseWorld, worker_a: Any) -> None:
    html = login("worker_a").get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    groups = _groups(html)
    assert list(groups) == [
        "Kirjaukset",
        "Perhe ja verkosto",
        "Lapsen ja perheen kanssa",
        "Yhteistyö muiden ammattilaisten kanssa",
        "Tiimi",
    ]
    assert groups["Kirjaukset"] == [
        "Lue koko kronologia",
        "Aikajana",
        "Asiakaskertomus",
        "Päätökset",
        "Kirjoita asiakaskertomusmerkintä",
    ]
    assert "Esitä asiantuntijaryhmälle" in groups["Yhteistyö muiden ammattilaisten kanssa"]


def test_a_family_worker_sees_no_decision_links(case_a: CaseWorld, family_worker_a: Any) -> None:
    page = login("family_worker_a").get(reverse("case_detail", args=[case_a.case.pk]))
    groups = _groups(page.content.decode())
    assert groups["Yhteistyö muiden ammattilaisten kanssa"] == [
        "Verkostopalaverit",
        "Palvelut ja lähetteet",
    ]
    assert "Tiimi" in groups  # a family worker records: may flag for reflection


def test_a_closed_case_offers_reading_not_new_work() -> None:
    groups = stages.case_links(Case(stage="closed"), allowed=EVERYTHING)
    names = {link.url_name for g in groups for link in g.links}
    assert "case_chronology" in names and "genogram" in names
    assert "expert_case_new" not in names and "case_flag" not in names
    assert "case_notes" in names and "note_new" not in names


def test_every_link_group_names_a_url_of_the_case() -> None:
    for group in stages.case_links(Case(stage="client"), allowed=EVERYTHING):
        for link in group.links:
            assert reverse(link.url_name, args=[1]).startswith("/")


def test_a_measures_details_show_on_the_case_page(case_a: CaseWorld, worker_a: Any) -> None:
    measure_services.measure_record(
        user=worker_a,
        case=case_a.case,
        kind="community_support",
        support_type="intensified_family_work",
        decided_on=timezone.localdate(),
        started_on=timezone.localdate(),
        details="Perhetyöntekijä käy kotona kahdesti viikossa.",
    )
    html = login("worker_a").get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    assert "Perhetyöntekijä käy kotona kahdesti viikossa." in html


def test_casework_templates_write_dates_in_one_format() -> None:
    """j.n.Y everywhere (with the weekday before or the time after where it matters), never
    07.12.2027 or 2027-12-07; ISO only where a browser's date input needs it."""
    allowed = {"j.n.Y", "D j.n.Y", "j.n.Y H:i", "c"}  # "c": <time datetime="…"> for machines
    for path in TEMPLATES.glob("*.html"):
        for fmt in re.findall(r"\|date:[\"']([^\"']*)[\"']", path.read_text(encoding="utf-8")):
            assert fmt in allowed, (path.name, fmt)


def test_dates_written_by_the_services_are_j_n_y_too(case_a: CaseWorld, worker_a: Any) -> None:
    measure = measure_services.emergency_placement_extend(
        user=worker_a, measure=case_a.emergency, decided_on=timezone.localdate()
    )
    assert measure.extended_to is not None
    event = case_a.case.events.get(kind="measure_extended")
    d = measure.extended_to
    assert event.detail == f"{d.day}.{d.month}.{d.year}"
