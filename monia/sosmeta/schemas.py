"""THL's national document definitions (Sosmeta) as JSON Schemas, read from ``schemas/``.

Each file is one definition, named by its OID with the version (``1.2.246.537.6.1506.4009
.2023.4.28``): draft-07 JSON Schema plus a ``sosmeta`` keyword with the field names in
Finnish and Swedish, the code system (``classificationOid``) of a coded field and the flag
``nationwideRecordedInformation`` — the fields THL reads for the national statistics.
The files are THL's as published (MIT-licensed mirror, see ``schemas/README.md``); Monia
only reads them. Pure Python: imports nothing of Django or of Monia.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
IDENTITY_CODE_SYSTEM = "urn:oid:1.2.246.21"  # henkilötunnus (DVV)


class UnknownDefinition(LookupError):
    """No definition with this OID and version among Monia's copies."""


@dataclass(frozen=True)
class Problem:
    path: str  # "lastensuojeluilmoitus.asiakas.sukunimi"; "" for the root
    message: str

    def __str__(self) -> str:
        return f"{self.path or '(root)'}: {self.message}"


class SosmetaInvalid(ValueError):
    """An instance that does not validate against its definition; ``problems`` names
    each path and what is wrong there."""

    def __init__(self, oid: str, problems: list[Problem]) -> None:
        self.oid = oid
        self.problems = problems
        listed = "; ".join(str(p) for p in problems)
        super().__init__(f"{oid}: {len(problems)} problem(s): {listed}")


def definitions() -> list[str]:
    """The OID-with-version of every definition at hand."""
    return sorted(p.stem for p in SCHEMA_DIR.glob("*.json"))


@cache
def definition(oid: str) -> dict[str, Any]:
    """The JSON Schema of one definition (cached; callers must not change it)."""
    path = SCHEMA_DIR / f"{oid}.json"
    if "/" in oid or not path.is_file():
        raise UnknownDefinition(oid)
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def root_key(oid: str) -> str:
    """The one top-level property every definition wraps its document in."""
    (key,) = definition(oid)["properties"]
    return str(key)


def title(oid: str) -> str:
    """The definition's Finnish name ("Lastensuojeluilmoitus")."""
    return _name(definition(oid)["properties"][root_key(oid)])


def _name(schema: dict[str, Any], lang: str = "fi") -> str:
    for entry in (schema.get("sosmeta") or {}).get("name", []):
        if entry.get("lang") == lang:
            return str(entry["value"])
    return ""


@cache
def _validator(oid: str) -> Draft7Validator:
    return Draft7Validator(definition(oid))


def problems(oid: str, instance: dict[str, Any]) -> list[Problem]:
    """Everything wrong with ``instance`` as a document of ``oid``, by path."""
    found = []
    for error in _validator(oid).iter_errors(instance):
        path = ".".join(str(p) for p in error.absolute_path)
        found.append(Problem(path, error.message))
    return sorted(found, key=lambda p: (p.path, p.message))


def validate(oid: str, instance: dict[str, Any]) -> None:
    """Raise ``SosmetaInvalid`` listing every path that does not validate."""
    found = problems(oid, instance)
    if found:
        raise SosmetaInvalid(oid, found)


def node(oid: str, path: str) -> dict[str, Any]:
    """The schema of the field at a dotted path ("paatos.ratkaisun_laji"), below the
    root key; an array's path leads to its items."""
    schema: dict[str, Any] = definition(oid)["properties"][root_key(oid)]
    for part in path.split(".") if path else []:
        schema = _items(schema)["properties"][part]
    return schema


def _items(schema: dict[str, Any]) -> dict[str, Any]:
    if schema.get("type") == "array":
        items: dict[str, Any] = schema["items"]
        return items
    return schema


def is_array(oid: str, path: str) -> bool:
    return node(oid, path).get("type") == "array"


def has_field(oid: str, path: str) -> bool:
    try:
        node(oid, path)
    except KeyError:
        return False
    return True


def code_system(oid: str, path: str) -> str:
    """The OID of the code system (koodisto) of a coded field, from its ``sosmeta``
    keyword."""
    meta = _items(node(oid, path)).get("sosmeta") or {}
    values = [entry["value"] for entry in meta.get("classificationOid", [])]
    if not values:
        raise KeyError(f"{oid} {path} is not a coded field")
    return str(values[0])


def system_uri(oid: str, path: str) -> str:
    """The ``system`` a coded field carries: ``urn:oid:<code system>``, or, for a code list
    of the definition's own (an enum in the schema), that list's name."""
    system = _items(node(oid, path)).get("properties", {}).get("system", {})
    if system.get("enum"):
        return str(system["enum"][0])
    return f"urn:oid:{code_system(oid, path)}"


def coded(oid: str, path: str, code: str, display: str) -> dict[str, str]:
    """A coded value {system, code, display}: the system is the field's own code system
    as the definition names it."""
    return {"system": system_uri(oid, path), "code": code, "display": display}


def nationally_recorded(oid: str) -> list[str]:
    """The dotted paths (below the root key) whose ``sosmeta.nationwideRecordedInformation``
    is true: what THL reads from the Kanta archive for the national statistics."""
    found: list[str] = []
    _collect(node(oid, ""), "", found)
    return found


def _collect(schema: dict[str, Any], path: str, found: list[str]) -> None:
    schema = _items(schema) if schema.get("type") == "array" else schema
    meta = schema.get("sosmeta") or {}
    if path and meta.get("nationwideRecordedInformation"):
        found.append(path)
    if meta.get("classificationOid"):
        return  # a coded value's {system, code, display} are one field
    for key, child in schema.get("properties", {}).items():
        _collect(child, f"{path}.{key}" if path else key, found)


def field_name(oid: str, path: str, lang: str = "fi") -> str:
    """A field's name in Finnish or Swedish, as the definition gives it."""
    return _name(_items(node(oid, path)), lang) or _name(node(oid, path), lang)
