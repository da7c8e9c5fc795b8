"""The genogram and ecomap PDFs have a print layout (issue 10, item 18): a title, the
child, the date the figure shows, the figure, its data, and the confidentiality marking
with the page number on every page — in Finnish and in Swedish."""

from __future__ import annotations

import base64
import datetime
import re
import zlib

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from monia.accounts.models import User
from monia.conftest import World
from monia.systemic import diagram_pdf, diagram_services
from monia.systemic.models import TeamMeeting
from monia.systemic.tests.test_genogram import Family, blended_family
from monia.systemic.tests.test_minutes import pdf_text

TODAY = timezone.localdate


@pytest.fixture
def family(world: World, worker_a: User) -> Family:
    family = blended_family(world, worker_a)
    diagram_services.network_tie_add(
        user=worker_a,
        case=family.case,
        name="Keskuskoulu",
        kind="school",
        strength="strong",
        quality="supportive",
        contact_person="Opettaja Olli",
    )
    return family


def _inflate(pdf: bytes) -> bytes:
    """The PDF with its compressed streams written out, for ``pdf_text``."""
    parts, pos = [], 0
    for m in re.finditer(rb"/Filter \[([^\]]*)\] /Length (\d+)\s*>>\s*stream\r?\n", pdf):
        start = m.end()
        data = pdf[start : start + int(m[2])]
        if b"/ASCII85Decode" in m[1]:
            data = base64.a85decode(data.strip(), adobe=True)
        if b"/FlateDecode" in m[1]:
            data = zlib.decompress(data)
        parts += [pdf[pos : m.start()], b"/Length %d >>\nstream\n" % len(data), data]
        pos = start + int(m[2])
    return b"".join([*parts, pdf[pos:]])


def _download(name: str, family: Family, language: str = "fi", query: str = "") -> str:
    client = Client()
    client.force_login(User.objects.get(username="worker_a"))
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    response = client.get(reverse(name, kwargs={"case_id": family.case.pk}) + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return pdf_text(_inflate(response.content))


def test_the_genogram_pdf_has_title_child_date_data_and_marking_on_every_page(
    family: Family,
) -> None:
    text = _download("genogram_pdf", family)
    today = TODAY()
    assert "Alue A" in text
    assert "Sukupuu: Aino Esimerkki" in text
    assert "Lapsi" in text and "Syntymäaika" in text
    assert f"{family.aino.birth_date.day}.{family.aino.birth_date.month}." in text
    assert f"{today.day}.{today.month}.{today.year}" in text
    assert "Sukupuun tiedot" in text and "Henkilöt" in text and "Helmi Esimerkki" in text
    pages = len(re.findall(r"Sivu \d+/(\d+)", text))
    assert pages >= 2  # the figure, then its data
    assert f"Sivu {pages}/{pages}" in text
    assert text.count("Salassa pidettävä") >= 2 * pages  # the top mark and the legal ground
    assert text.count("621/1999") == pages


def test_the_ecomap_pdf_in_swedish_lists_the_network(family: Family) -> None:
    text = _download("ecomap_pdf", family, "sv")
    assert "Nätverkskarta för Aino Esimerkki" in text
    assert "Barn" in text and "Födelsedatum" in text and "Område A" in text
    assert "Keskuskoulu" in text and "Opettaja Olli" in text
    pages = len(re.findall(r"Sida \d+ av (\d+)", text))
    assert pages >= 2 and text.count("Sekretessbelagd") >= 2 * pages


def test_a_saved_version_says_which_meeting_it_shows(family: Family, world: World) -> None:
    worker = User.objects.get(username="worker_a")
    meeting = TeamMeeting.objects.create(
        team=world.team_a1, held_on=datetime.date(2026, 3, 12), opened_by=worker
    )
    (snapshot,) = diagram_services.diagram_snapshot_take(
        case=family.case, meeting=meeting, kinds=["genogram"]
    )
    text = _download("genogram_pdf", family, query=f"?snapshot={snapshot.pk}")
    assert "Tilanne kokouksessa 12.3.2026" in text


def test_an_unborn_child_is_named_as_such(world: World, worker_a: User) -> None:
    from monia.casework.models import Case

    family = blended_family(world, worker_a)
    case = Case.objects.select_related("child", "county").get(pk=family.case.pk)
    case.child.first_names, case.child.last_name, case.child.birth_date = "", "", None
    case.child.expected_birth_date = datetime.date(2027, 2, 1)
    with translation.override("fi"):
        facts = diagram_pdf.print_facts(
            case, title="Sukupuu", language="fi", snapshot=None, data_heading="", tables=[]
        )
    assert facts.child == "syntymätön lapsi" and facts.born == "laskettu aika 1.2.2027"


def test_a_wide_figure_is_printed_landscape(family: Family) -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="400">'
        '<rect width="2000" height="400" fill="#fff"/></svg>'
    )
    facts = diagram_pdf.DiagramPrint("T", "Alue A", "Aino", "1.1.2016", "5.12.2026", "D", [])
    pdf = diagram_pdf.diagram_pdf(svg, facts, language="fi", plain=True)
    box = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", pdf)
    assert box and float(box[1]) > float(box[2])
