"""docs/asvs.md and docs/security.md stay true: every test they name exists, every ASVS 4.0.3
requirement of the levels Monia aims at has exactly one row, and the threat model names each
trust boundary (issue 11)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASVS = ROOT / "docs" / "asvs.md"
SECURITY = ROOT / "docs" / "security.md"

# OWASP ASVS 4.0.3: the level 2 requirements of V1–V14 and the level 3 ones of V4, V7 and V8
# (only V8.1.5 and V8.1.6 are level 3 alone), by section: the last numbers of their ids.
REQUIRED: dict[str, tuple[int, ...]] = {
    "V1.1": (1, 2, 3, 4, 5, 6, 7),
    "V1.2": (1, 2, 3, 4),
    "V1.4": (1, 4, 5),
    "V1.5": (1, 2, 3, 4),
    "V1.6": (1, 2, 3, 4),
    "V1.7": (1, 2),
    "V1.8": (1, 2),
    "V1.9": (1, 2),
    "V1.10": (1,),
    "V1.11": (1, 2),
    "V1.12": (2,),
    "V1.14": (1, 2, 3, 4, 5, 6),
    "V2.1": (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
    "V2.2": (1, 2, 3),
    "V2.3": (1, 2, 3),
    "V2.4": (1, 2, 3, 4, 5),
    "V2.5": (1, 2, 3, 4, 5, 6, 7),
    "V2.6": (1, 2, 3),
    "V2.7": (1, 2, 3, 4, 5, 6),
    "V2.8": (1, 2, 3, 4, 5, 6, 7),
    "V2.9": (1, 2, 3),
    "V2.10": (1, 2, 3, 4),
    "V3.1": (1,),
    "V3.2": (1, 2, 3, 4),
    "V3.3": (1, 2, 3, 4),
    "V3.4": (1, 2, 3, 4, 5),
    "V3.5": (1, 2, 3),
    "V3.7": (1,),
    "V4.1": (1, 2, 3, 5),
    "V4.2": (1, 2),
    "V4.3": (1, 2, 3),
    "V5.1": (1, 2, 3, 4, 5),
    "V5.2": (1, 2, 3, 4, 5, 6, 7, 8),
    "V5.3": (1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
    "V5.4": (1, 2, 3),
    "V5.5": (1, 2, 3, 4),
    "V6.1": (1, 2, 3),
    "V6.2": (1, 2, 3, 4, 5, 6),
    "V6.3": (1, 2),
    "V6.4": (1, 2),
    "V7.1": (1, 2, 3, 4),
    "V7.2": (1, 2),
    "V7.3": (1, 3, 4),
    "V7.4": (1, 2, 3),
    "V8.1": (1, 2, 3, 4, 5, 6),
    "V8.2": (1, 2, 3),
    "V8.3": (1, 2, 3, 4, 5, 6, 7, 8),
    "V9.1": (1, 2, 3),
    "V9.2": (1, 2, 3, 4),
    "V10.2": (1, 2),
    "V10.3": (1, 2, 3),
    "V11.1": (1, 2, 3, 4, 5, 6, 7, 8),
    "V12.1": (1, 2, 3),
    "V12.2": (1,),
    "V12.3": (1, 2, 3, 4, 5, 6),
    "V12.4": (1, 2),
    "V12.5": (1, 2),
    "V12.6": (1,),
    "V13.1": (1, 3, 4, 5),
    "V13.2": (1, 2, 3, 5, 6),
    "V13.3": (1, 2),
    "V13.4": (1, 2),
    "V14.1": (1, 2, 3, 4),
    "V14.2": (1, 2, 3, 4, 5, 6),
    "V14.3": (2, 3),
    "V14.4": (1, 2, 3, 4, 5, 6, 7),
    "V14.5": (1, 2, 3, 4),
}
STATUSES = ("Met", "Partly", "Not met", "N/A", "Process", "In progress")
ROW = re.compile(r"^\| (V\d+\.\d+\.\d+) \| ([^|]+) \| ([^|]+) \| ([^|]*) \|$")
TEST_REF = re.compile(r"`(monia/[\w/]+\.py)::(test_\w+)`")


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in ASVS.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            rows.append((match[1], match[2].strip(), match[3].strip(), match[4].strip()))
        else:
            assert not line.startswith("| V"), f"a row that does not parse: {line}"
    return rows


def test_every_required_asvs_requirement_has_exactly_one_row() -> None:
    ids = [row[0] for row in _rows()]
    required = [f"{section}.{n}" for section, numbers in REQUIRED.items() for n in numbers]
    assert len(required) == 261
    assert sorted(set(ids) - set(required)) == [], "rows for requirements not asked for"
    assert sorted(set(required) - set(ids)) == [], "requirements without a row"
    assert len(ids) == len(set(ids)), "a requirement with two rows"


def test_every_row_has_a_status_and_a_met_row_its_evidence() -> None:
    for rid, _summary, status, shown in _rows():
        assert status.startswith(STATUSES), f"{rid}: unknown status {status!r}"
        if status.startswith("Met"):
            assert TEST_REF.search(shown) or shown.startswith("no test:"), (
                f"{rid} is met: name the test that shows it, or say why none can"
            )
        if status.startswith("In progress"):
            assert status.startswith("In progress (issue 11 item"), rid


def test_every_test_the_documents_name_exists() -> None:
    missing = []
    for doc in (ASVS, SECURITY):
        for path, name in TEST_REF.findall(doc.read_text(encoding="utf-8")):
            source = ROOT / path
            if not source.is_file() or not re.search(
                rf"^def {name}\(", source.read_text(encoding="utf-8"), re.M
            ):
                missing.append(f"{doc.name}: {path}::{name}")
    assert missing == []


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_links_into_the_security_page_reach_a_heading() -> None:
    text = SECURITY.read_text(encoding="utf-8")
    anchors = {_anchor(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}
    links = re.findall(r"\]\(#([\w-]+)\)", text)
    links += re.findall(r"\]\(security\.md#([\w-]+)\)", ASVS.read_text(encoding="utf-8"))
    assert links
    assert sorted(set(links) - anchors) == []


def test_the_threat_model_names_every_trust_boundary() -> None:
    text = SECURITY.read_text(encoding="utf-8")
    model = text[text.index("## Threat model") : text.index("## Database roles")]
    for part in ("### Assets", "### Actors", "### Trust boundaries", "### Residual risks"):
        assert part in model
    for boundary in (
        "Browser ↔ Monia",
        "Partner ↔ Monia",
        "Portal ↔ Monia",
        "Monia ↔ database",
        "Monia ↔ identity providers",
        "Monia ↔ mail",
    ):
        assert f"**{boundary}**" in model, boundary
    assert "[docs/asvs.md](asvs.md)" in text
