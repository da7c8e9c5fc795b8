"""What a file is, read from its content — never from its name or the browser's word.

Pure Python (the standard library's ``zipfile``), no Django: an allow-list of kinds that a
child welfare record needs, each recognised by its own signature.

- PDF: ``%PDF-`` in the first kilobyte (the header the PDF standard allows there).
- PNG, JPEG: their magic numbers. HEIC/HEIF (a phone's photo): an ISO-BMFF ``ftyp`` box of
  a HEIF brand.
- Office documents are zip containers, told apart by what is inside: Word, Excel and
  PowerPoint (OOXML) by the main part's content type in ``[Content_Types].xml``;
  OpenDocument text, spreadsheet and presentation by the ``mimetype`` member. A document
  with macros (``vbaProject.bin`` or a macro-enabled content type) is refused: a macro is a
  program.
- Not accepted: the old binary Office formats (.doc, .xls: OLE containers that carry macros
  and cannot be checked as simply), archives, executables, HTML, SVG (a picture that can
  run script), text files. Each of these is refused whatever its name says.

Only the zip's directory and one small member are read: a zip bomb is never unpacked.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
HEIC = "image/heic"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"

# The allowed kinds and the file name extensions each may carry (the first is added to a
# name that has none of them: a PDF called "report.exe" is downloaded as "report.pdf").
EXTENSIONS: dict[str, tuple[str, ...]] = {
    PDF: ("pdf",),
    PNG: ("png",),
    JPEG: ("jpg", "jpeg"),
    HEIC: ("heic", "heif"),
    DOCX: ("docx",),
    XLSX: ("xlsx",),
    PPTX: ("pptx",),
    ODT: ("odt",),
    ODS: ("ods",),
    ODP: ("odp",),
}

# The main part of each OOXML kind, as [Content_Types].xml names it (the macro-enabled
# variants have other names and are therefore not found).
_OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"heim", b"heis", b"hevm", b"mif1", b"msf1"}
_MEMBER_MAX_BYTES = 256 * 1024  # [Content_Types].xml is a few kilobytes


class Refused(Exception):
    """The content is not of an allowed kind; ``reason`` says why, for the message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "empty" | "type" | "macro"


def _zip_kind(file: BinaryIO) -> str | None:
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    with archive:
        names = {info.filename: info for info in archive.infolist()}
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise Refused("macro")
        mimetype = names.get("mimetype")
        if mimetype is not None and mimetype.file_size <= 100:
            declared = archive.read(mimetype).decode("ascii", "replace").strip()
            return declared if declared in (ODT, ODS, ODP) else None
        types = names.get("[Content_Types].xml")
        if types is None or types.file_size > _MEMBER_MAX_BYTES:
            return None
        xml = archive.read(types).decode("utf-8", "replace")
        if "macroEnabled" in xml:
            raise Refused("macro")
        found = {kind for main, kind in _OOXML_MAIN.items() if f'ContentType="{main}"' in xml}
        return found.pop() if len(found) == 1 else None


def sniff(file: BinaryIO) -> str:
    """The allowed content type of ``file`` (read from its start, then rewound), or
    ``Refused``."""
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    if not head:
        raise Refused("empty")
    kind: str | None = None
    if b"%PDF-" in head:
        kind = PDF
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = PNG
    elif head.startswith(b"\xff\xd8\xff"):
        kind = JPEG
    elif head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        kind = HEIC
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(file)
        file.seek(0)
    if kind is None:
        raise Refused("type")
    return kind


@dataclass(frozen=True)
class Detected:
    content_type: str
    name: str  # the sanitised name to download the file as


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
NAME_MAX = 150


def clean_name(original: str) -> str:
    """The original name's last path part, without control or reserved characters."""
    name = unicodedata.normalize("NFC", original or "").replace("\\", "/").split("/")[-1]
    return _UNSAFE.sub("_", name).strip(" .")[:NAME_MAX]


def safe_name(original: str, content_type: str) -> str:
    """The name a file is downloaded as: ``clean_name``, at most 150 characters, ending in
    an extension of its kind."""
    name = clean_name(original)
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    allowed = EXTENSIONS[content_type]
    if ext.lower() not in allowed:
        stem, ext = name, allowed[0]
    stem = stem.strip(" .")[: NAME_MAX - len(ext) - 1] or "attachment"
    return f"{stem}.{ext.lower()}"
