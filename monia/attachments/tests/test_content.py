"""The kind of a file is read from its content: names and the browser's word are ignored."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monia.attachments import content
from monia.attachments.testing import (
    EXE_BYTES,
    HTML_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    odt_bytes,
    office_bytes,
)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PDF_BYTES, content.PDF),
        (PNG_BYTES, content.PNG),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 32, content.JPEG),
        (b"\x00\x00\x00\x18ftypheic" + b"\x00" * 32, content.HEIC),
        (office_bytes("docx"), content.DOCX),
        (odt_bytes(), content.ODT),
    ],
)
def test_allowed_kinds_are_recognised_by_their_content(data: bytes, kind: str) -> None:
    assert content.sniff(io.BytesIO(data)) == kind


@pytest.mark.parametrize(
    "data", [EXE_BYTES, HTML_BYTES, b"plain text", b"PK\x03\x04 not really a zip"]
)
def test_other_content_is_refused_whatever_it_is_called(data: bytes) -> None:
    with pytest.raises(content.Refused) as refused:
        content.sniff(io.BytesIO(data))
    assert refused.value.reason == "type"


def test_a_document_with_macros_is_refused() -> None:
    with pytest.raises(content.Refused) as refused:
        content.sniff(io.BytesIO(office_bytes("docm")))
    assert refused.value.reason == "macro"


def test_an_empty_file_is_refused_as_empty() -> None:
    with pytest.raises(content.Refused) as refused:
        content.sniff(io.BytesIO(b""))
    assert refused.value.reason == "empty"


@pytest.mark.parametrize(
    ("original", "kind", "expected"),
    [
        ("lausunto.pdf", content.PDF, "lausunto.pdf"),
        ("C:\\Users\\x\\kuva.JPEG", content.JPEG, "kuva.jpeg"),
        ("report.exe", content.PDF, "report.exe.pdf"),
        ("../../etc/passwd", content.PDF, "passwd.pdf"),
        ('a<b>:"c|d?*.pdf', content.PDF, "a_b_c_d_.pdf"),
        ("", content.PNG, "attachment.png"),
    ],
)
def test_the_download_name_is_safe_and_ends_in_the_kind_read(
    original: str, kind: str, expected: str
) -> None:
    assert content.safe_name(original, kind) == expected


@given(st.text(max_size=400))
def test_any_name_becomes_a_short_name_without_path_or_control_characters(name: str) -> None:
    safe = content.safe_name(name, content.PDF)
    assert safe.endswith(".pdf") and len(safe) <= content.NAME_MAX
    assert not any(c in safe for c in '/\\<>:"|?*') and all(ord(c) >= 32 for c in safe)
