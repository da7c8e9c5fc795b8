"""Every address Monia shows goes through one rule (``monia.access.contact``): no template
or module reads a person's address or municipality except through a contact card."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from monia.access import contact
from monia.people.models import Person

ROOT = Path(__file__).resolve().parents[2]
# `x.address` / `x.municipality` where x is not a contact card (e.g. `child_card.address`,
# `doc.contact.address`); a form's field (`form.address.as_field_group`) is input, not output.
READ = re.compile(r"(?<![\w.])([\w.]+)\.(address|municipality)\b(?!\.as_field_group)")
CARD = re.compile(r"(^|\.|_)card$|(^|\.)contact$|^self$")
# The rule itself; the demo writes the addresses it makes up (and a notifier's text of them);
# THL's counting modules read the municipality of their own input records (counts per
# municipality, as THL collects them); a list by municipality leaves a protected child out.
ALLOWED = {
    "access/contact.py",
    "demo/families.py",
    "demo/intake_steps.py",
    "demo/contacts.py",
    "reporting/thl.py",
    "reporting/thl_places.py",
}


def _reads(path: Path) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}: {m[0]}"
        for m in READ.finditer(path.read_text(encoding="utf-8"))
        if not CARD.search(m[1])
    ]


def test_no_page_or_module_reads_an_address_except_through_the_contact_rule() -> None:
    found = []
    for path in ROOT.rglob("*"):
        relative = str(path.relative_to(ROOT))
        if path.suffix not in (".html", ".txt", ".py") or relative in ALLOWED:
            continue
        if "/tests/" in relative or "/migrations/" in relative or relative == "conftest.py":
            continue
        found += _reads(path)
    assert found == []


def _person(**fields: object) -> Person:
    return Person(pk=fields.pop("pk", 1), first_names="A", last_name="B", **fields)


@pytest.mark.parametrize(
    ("reader", "sees"),
    [
        (contact.Reader(contact.Audience.STAFF, needs=True), True),
        (contact.Reader(contact.Audience.STAFF, needs=False), False),
        (contact.Reader.client(_person(pk=1)), True),  # their own
        (contact.Reader.client(_person(pk=2)), False),  # another guardian, the child …
        (contact.Reader.document(), False),
        (contact.Reader.api(), False),
    ],
)
def test_a_protected_person_is_seen_only_by_a_reader_with_the_need(
    reader: contact.Reader, sees: bool
) -> None:
    protected = _person(pk=1, non_disclosure=True, address="Piilopolku 7")
    assert reader.sees(protected) is sees
    assert reader.sees(_person(pk=1, address="Avoin katu 1")) is True
