"""Makes a PDF that ReportLab wrote into PDF/A-2b (ISO 19005-2, level b: the pages look the
same in any reader, for as long as the archive keeps them). What the level requires, and
what Monia does for each:

- Identification: XMP metadata with ``pdfaid:part`` 2 and ``pdfaid:conformance`` B. Monia
  writes it here, with ``dc:title``, ``dc:language``, ``dc:description`` (the child and the
  date), ``pdf:Keywords`` (the secrecy marking "Salassa pidettävä") and the dates; the
  document information dictionary says the same words (Title, Subject, Keywords), as the
  standard requires of the two.
- Colour: device colours only with an output intent. Monia draws in RGB and grey, so it
  embeds an sRGB ICC profile (LittleCMS's, made by Pillow) as the ``GTS_PDFA1`` intent.
- Fonts: every font embedded. Monia sets all text in Bitstream Vera (TrueType, embedded
  by ReportLab as subsets with a ToUnicode map); ``monia.ui.pdf`` keeps ReportLab's own
  Helvetica out of the page preamble and out of figures, and `make_pdfa` refuses a file
  in which any font is not embedded.
- Forbidden: encryption, JavaScript, launch actions, LZW — Monia writes none of these.
  Transparency is allowed in PDF/A-2 when an output intent gives its blending colour space.
- A document ID in the trailer: qpdf writes one, derived from the content, so a ``plain``
  file is still the same bytes every time.
- Tagged structure (StructTreeRoot, MarkInfo) is needed only for level a, not b.

Monia checks these markers and the fonts in its tests; it does not run a full validator
such as veraPDF. Imports nothing of Monia.
"""

from __future__ import annotations

import functools
import io

import pikepdf
from pikepdf import Array, Dictionary, Name
from PIL import ImageCms

SRGB = "sRGB IEC61966-2.1"
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@functools.cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile (a monitor profile, as the output intent needs)."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def make_pdfa(
    data: bytes, *, title: str, language: str, subject: str = "", keywords: str = ""
) -> bytes:
    """``data`` (a ReportLab PDF) as PDF/A-2b with its XMP metadata and sRGB output intent.
    Streams are copied as they are, so a ``plain`` file keeps its text readable."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _check_fonts(pdf)
        _info(pdf, title=title, subject=subject, keywords=keywords)
        _xmp(pdf, title=title, language=language, subject=subject)
        _output_intent(pdf)
        out = io.BytesIO()
        pdf.save(
            out,
            min_version="1.7",  # PDF/A-2 is built on ISO 32000-1 (PDF 1.7)
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            compress_streams=False,
        )
    return out.getvalue()


def _info(pdf: pikepdf.Pdf, *, title: str, subject: str, keywords: str) -> None:
    info = pdf.docinfo
    info.Title = title
    info.Subject = subject
    info.Keywords = keywords
    if "/Trapped" in info:  # has no XMP twin in Monia's metadata; not needed by PDF/A
        del info.Trapped


def _xmp(pdf: pikepdf.Pdf, *, title: str, language: str, subject: str) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)  # Title, Author, Keywords, Producer, the dates
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
        meta["dc:title"] = title
        meta["dc:language"] = {language}
        meta["dc:description"] = subject


def _output_intent(pdf: pikepdf.Pdf) -> None:
    profile = pikepdf.Stream(pdf, srgb_profile())
    profile.N = 3
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFA1,
        OutputConditionIdentifier=SRGB,
        Info=SRGB,
        DestOutputProfile=profile,
    )
    pdf.Root.OutputIntents = Array([pdf.make_indirect(intent)])


def unembedded_fonts(pdf: pikepdf.Pdf) -> list[str]:
    """The names of the fonts on any page (or in a form or pattern there) without an
    embedded font program."""
    missing = []
    for obj in pdf.objects:
        if isinstance(obj, Dictionary) and obj.get("/Type") == Name.Font:
            descendants = obj.get("/DescendantFonts")
            font = descendants[0] if descendants is not None else obj
            if font.get("/Subtype") == Name.Type3:  # glyphs drawn in the file itself
                continue
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or not any(k in descriptor for k in FONT_FILES):
                missing.append(str(obj.get("/BaseFont", "?")))
    return missing


def _check_fonts(pdf: pikepdf.Pdf) -> None:
    missing = unembedded_fonts(pdf)
    if missing:
        raise ValueError(f"PDF/A needs every font embedded; not embedded: {missing}")
