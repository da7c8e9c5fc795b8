"""A national document being written: values put at dotted paths of its definition.

The definition decides the shape: a field the schema makes an array gets a list (one item
for the value given), an object on the way is created, and an empty value (None, "" or an
empty list) is left out, so a required field Monia has not recorded shows up as a
validation problem instead of as an empty string. Coded fields take their code system
from the definition (``schemas.coded``).
"""

from __future__ import annotations

import datetime
from typing import Any

from monia.sosmeta import schemas


def iso(value: datetime.date | datetime.datetime | None) -> str | None:
    """A date as the definitions write it (2025-03-04); a moment with its offset."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


class Document:
    """One instance of the definition ``oid`` (its OID with the version)."""

    def __init__(self, oid: str) -> None:
        self.oid = oid
        self.root = schemas.root_key(oid)
        self.body: dict[str, Any] = {}

    def put(self, path: str, value: Any) -> Document:
        """Set the field at ``path`` (below the root key); an empty value is skipped."""
        if _empty(value):
            return self
        *parents, last = path.split(".")
        target = self.body
        walked: list[str] = []
        for part in parents:
            walked.append(part)
            target = self._child(target, part, ".".join(walked))
        leaf = ".".join([*walked, last])
        if schemas.is_array(self.oid, leaf) and not isinstance(value, list):
            value = [value]
        target[last] = value
        return self

    def code(self, path: str, value: tuple[str, str] | None) -> Document:
        """Set a coded field from (code, display); the system comes from the schema."""
        if value is None:
            return self
        code, display = value
        return self.put(path, schemas.coded(self.oid, path, code, str(display)))

    def codes(self, path: str, values: list[tuple[str, str]]) -> Document:
        coded = [schemas.coded(self.oid, path, code, str(display)) for code, display in values]
        return self.put(path, coded)

    def _child(self, target: dict[str, Any], part: str, path: str) -> dict[str, Any]:
        if schemas.is_array(self.oid, path):
            items: list[dict[str, Any]] = target.setdefault(part, [{}])
            return items[-1]
        child: dict[str, Any] = target.setdefault(part, {})
        return child

    def instance(self) -> dict[str, Any]:
        return {self.root: self.body}

    def result(self) -> tuple[str, dict[str, Any]]:
        return self.oid, self.instance()

    def has(self, path: str) -> bool:
        """Whether the definition has a field at ``path``."""
        return schemas.has_field(self.oid, path)
