"""A `Document` as JSON and back, so a sent letter is shown again in exactly its words."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

from django.utils import translation
from django.utils.translation import gettext

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
    fields["controller"] = _controller_named(data["controller"], data["language"])
    return Document(**fields)


def _controller_named(controller: str, language: str) -> str:
    """The controller's name as kept. A letter saved before December 2026 kept the words
    "Controller: …" with the name, which the heading now adds itself: it was shown as
    "Controller: Controller: …" instead of the words it was sent with."""
    with translation.override(language):
        words = gettext("Controller: %(name)s") % {"name": ""}
    return controller.removeprefix(words)
