"""A `Document` as JSON and back, so a sent letter is shown again in exactly its words."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

from monia.ui.document import Document, Section


def document_to_json(document: Document) -> dict[str, Any]:
    data = dataclasses.asdict(document)
    data["date"] = document.date.isoformat() if document.date else None
    return data


def document_from_json(data: dict[str, Any]) -> Document:
    sections = tuple(
        Section(
            heading=s["heading"],
            paragraphs=tuple(s["paragraphs"]),
            rows=tuple((label, value) for label, value in s["rows"]),
        )
        for s in data["sections"]
    )
    fields = {**data, "sections": sections}
    fields["date"] = datetime.date.fromisoformat(data["date"]) if data["date"] else None
    fields["recipient"] = tuple(data["recipient"])
    fields["footer"] = tuple(data["footer"])
    return Document(**fields)
