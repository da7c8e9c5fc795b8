"""Every PDF Monia writes is PDF/A-2b and says what it is: each kind (the client plan, the
team's minutes, the genogram, the ecomap, a `Document`) downloaded or rendered and read back
with pypdf — its text (the title, the child, the date, "Salassa pidettävä"), its PDF/A
identification in XMP, the sRGB output intent, every font embedded, the same title in the
document information and in XMP. And a `Document` says the same words on the screen and in
its PDF. (A full validator such as veraPDF is not run: see docs/records.md.)"""

from __future__ import annotations

import datetime
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.lib.units import mm

from monia.conftest import CaseWorld, login
from monia.systemic import services
from monia.ui import pdf
from monia.ui.document import Document, Section

pytestmark = pytest.mark.django_db

SECRET_FI = "Salassa pidettävä"
NS = {
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}


def _day(day: datetime.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _xmp(reader: PdfReader) -> ET.Element:
    metadata = reader.trailer["/Root"]["/Metadata"].get_object()
    assert "/Filter" not in metadata  # left readable to any tool, as XMP is meant to be
    return ET.fromstring(metadata.get_data())  # noqa: S314 - our own output


def _xmp_value(xmp: ET.Element, name: str) -> str:
    prefix, local = name.split(":")
    node = xmp.find(f".//{{{NS[prefix]}}}{local}")
    assert node is not None, name
    return " ".join(node.itertext()).strip()


def _fonts(resources: Any) -> list[DictionaryObject]:
    """Every font a page's resources name, in forms (XObjects) too."""
    resources = resources.get_object() if resources is not None else {}
    found = [f.get_object() for f in resources.get("/Font", {}).values()]
    for xobject in resources.get("/XObject", {}).values():
        found += _fonts(xobject.get_object().get("/Resources"))
    return found


def _assert_pdfa(content: bytes, *, title: str, words: list[str]) -> None:
    assert content.startswith(b"%PDF-1.7")
    reader = PdfReader(io.BytesIO(content))
    assert not reader.is_encrypted
    text = _text(reader)
    for word in [*words, SECRET_FI]:
        assert word in text, word
    xmp = _xmp(reader)
    assert _xmp_value(xmp, "pdfaid:part") == "2"
    assert _xmp_value(xmp, "pdfaid:conformance") == "B"
    assert _xmp_value(xmp, "dc:title") == reader.metadata.title == title
    assert _xmp_value(xmp, "dc:language") == "fi"
    assert _xmp_value(xmp, "pdf:Keywords") == reader.metadata["/Keywords"] == SECRET_FI
    description = _xmp_value(xmp, "dc:description")
    assert description == reader.metadata.subject and words[1] in description
    (intent,) = reader.trailer["/Root"]["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data()[36:40] == b"acsp"  # an ICC profile
    assert len(reader.trailer["/ID"]) == 2
    root = reader.trailer["/Root"]
    assert "/Names" not in root and "/OpenAction" not in root  # no JavaScript, no actions
    for page in reader.pages:
        fonts = _fonts(page.get("/Resources"))
        assert fonts
        for font in fonts:
            assert font["/Subtype"] == "/TrueType", font.get("/BaseFont")
            assert "/FontFile2" in font["/FontDescriptor"], font.get("/BaseFont")


# --- Each kind of PDF, as it is downloaded --------------------------------------------------


def _plan(case_a: CaseWorld) -> bytes:
    response = login("worker_a").get(reverse("plan_pdf", args=[case_a.case.pk]), {"lang": "fi"})
    assert response.status_code == 200
    return response.content


def _minutes(case_a: CaseWorld) -> bytes:
    from monia.accounts.models import User

    worker = User.objects.get(username="worker_a")
    meeting = services.meeting_open(user=worker, team=case_a.case.team, held_on=TODAY())
    item = meeting.items.filter(case=case_a.case).first() or services.agenda_add(
        meeting=meeting, case=case_a.case
    )
    data = {"worries": "Huoli", "working_well": "", "family_view": "", "therapist_action": ""}
    services.reflection_save(user=worker, item=item, data=data, lock_version=0)
    url = reverse("meeting_minutes_pdf", kwargs={"meeting_id": meeting.pk})
    response = login("worker_a").get(url, {"lang": "fi"})
    assert response.status_code == 200
    return response.content


def _diagram(name: str) -> Callable[[CaseWorld], bytes]:
    def download(case_a: CaseWorld) -> bytes:
        response = login("worker_a", language="fi").get(reverse(name, args=[case_a.case.pk]))
        assert response.status_code == 200
        return response.content

    return download


TODAY = timezone.localdate


@pytest.mark.parametrize(
    ("download", "heading", "title"),
    [
        (_plan, "Asiakassuunnitelma (LsL 30 §)", "Asiakassuunnitelma {approved}"),
        (_minutes, "Tiimikokouksen pöytäkirja", "Tiimikokouksen pöytäkirja {team} {today}"),
        (_diagram("genogram_pdf"), "Sukupuu", "Sukupuu: {child} {today}"),
        (_diagram("ecomap_pdf"), "Verkostokartta", "Verkostokartta: {child} {today}"),
    ],
    ids=["plan", "minutes", "genogram", "ecomap"],
)
def test_every_pdf_monia_writes_is_pdfa_2b_with_title_child_date_and_marking(
    case_a: CaseWorld, download: Callable[[CaseWorld], bytes], heading: str, title: str
) -> None:
    case = case_a.case
    child = case.child.full_name
    approved = case.plans.get(status="approved").approved_on
    day = _day(approved if download is _plan else TODAY())
    names = {"child": child, "today": _day(TODAY()), "approved": _day(approved)}
    names["team"] = case.team.name
    _assert_pdfa(download(case_a), title=title.format(**names), words=[heading, child, day])


# --- A Document: PDF/A, and the same words as on the screen -----------------------------


def _document(**changes: Any) -> Document:
    fields: dict[str, Any] = {
        "title": "Päätös kiireellisestä sijoituksesta",
        "subject": "Aino Esimerkki",
        "date": datetime.date(2026, 3, 5),
        "language": "fi",
        "county": "Alue A",
        "controller": "Sosiaali- ja terveyslautakunta",
        "number": "DNRO 12/2026",
        "recipient": ("Maija Esimerkki", "Esimerkkitie 1 A 2", "00100 Helsinki"),
        "legal_ground": "Salassa pidettävä (JulkL 24.1 § 25 k)",
        "sections": (
            Section("Päätös", ("Aino sijoitetaan kiireellisesti perhekotiin.",)),
            Section(
                "Perustelut",
                ("Lapsen terveys ja kehitys ovat välittömässä vaarassa.\n\nLsL 38 §.",),
                (("Valmistelija", "Sosiaalityöntekijä Sari Suunnittelija"),),
            ),
            Section("Muutoksenhaku", rows=(("Valitusaika", ""),)),
        ),
        "footer": ("Lisätietoja antaa Sari Suunnittelija, puh. 09 123 4567",),
    }
    return Document(**(fields | changes))


def test_a_document_pdf_is_pdfa_with_its_title_child_and_date() -> None:
    content = pdf.document_pdf(_document())
    words = ["Päätös kiireellisestä sijoituksesta", "Aino Esimerkki", "5.3.2026"]
    _assert_pdfa(content, title=words[0], words=words)


def test_a_plain_document_pdf_is_the_same_bytes_every_time() -> None:
    assert pdf.document_pdf(_document(), plain=True) == pdf.document_pdf(_document(), plain=True)


def test_a_swedish_document_is_marked_in_swedish_whatever_the_users_language() -> None:
    with translation.override("fi"):
        content = pdf.document_pdf(_document(language="sv"))
    reader = PdfReader(io.BytesIO(content))
    assert "Sekretessbelagd" in _text(reader)
    assert reader.metadata["/Keywords"] == "Sekretessbelagd"
    assert _xmp_value(_xmp(reader), "dc:language") == "sv"


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []

    def handle_data(self, data: str) -> None:
        self.words += data.split()


def _body_words(content: bytes) -> list[str]:
    """The words of the PDF's pages without the marks drawn in the margins (the secrecy
    marking and running head at the top, the legal ground and page number at the foot)."""
    words: list[str] = []
    reader = PdfReader(io.BytesIO(content))
    top = float(reader.pages[0].mediabox.height) - pdf.MARGIN  # A4 portrait, every page

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if 22 * mm <= y <= top:
            words.extend(text.split())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return words


@pytest.mark.parametrize("long", [False, True], ids=["one page", "several pages"])
def test_the_screen_and_the_pdf_say_the_same_words(long: bool) -> None:
    document = _document()
    if long:
        paragraphs = tuple(f"Kappale {n}: lapsen tilanne arvioitiin uudelleen." for n in range(90))
        document = _document(sections=(*document.sections, Section("Liite", paragraphs)))
    html = _Words()
    html.feed(render_to_string("ui/document.html", {"document": document}))
    content = pdf.document_pdf(document)
    assert len(PdfReader(io.BytesIO(content)).pages) == (3 if long else 1)
    assert _body_words(content) == html.words
    for heading in ("Päätös", "Perustelut", "Muutoksenhaku"):
        assert heading in html.words
    assert re.search(r"Sivu 1/\d", _text(PdfReader(io.BytesIO(content))))
