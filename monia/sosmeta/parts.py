"""The parts every national document shares: the client, a professional (laatija,
päätöksentekijä), the service task and the signature."""

from __future__ import annotations

from typing import Any

from monia.accounts.models import User
from monia.casework.models import Case
from monia.people.models import Person
from monia.sosmeta import codes, schemas
from monia.sosmeta.document import Document


def person(p: Person) -> dict[str, Any]:
    """Surname, first names and, when known, the identity code (henkilötunnus)."""
    entry: dict[str, Any] = {"sukunimi": p.last_name, "etunimet": p.first_names}
    if p.identity_code:
        entry["henkilotunnus"] = {"system": schemas.IDENTITY_CODE_SYSTEM, "value": p.identity_code}
    return {k: v for k, v in entry.items() if v}


def professional(user: User | None, *, title: bool = True) -> dict[str, Any] | None:
    """A worker by name (User: first_name, last_name) and title (tehtävänimike)."""
    if user is None:
        return None
    entry = {"sukunimi": user.last_name, "etunimet": user.first_name}
    if title:
        entry["tehtavanimike"] = user.title
    return {k: v for k, v in entry.items() if v}


def put_professional(doc: Document, path: str, user: User | None) -> None:
    """A professional where the definition may or may not have a title field."""
    entry = professional(user, title=schemas.has_field(doc.oid, f"{path}.tehtavanimike"))
    doc.put(path, entry)


def client(doc: Document, case: Case, path: str = "asiakas") -> None:
    doc.put(path, person(case.child))


def service_task(doc: Document, case: Case, path: str) -> None:
    doc.code(path, codes.service_task(case.service_task))


def signature(doc: Document, path: str = "allekirjoitus.allekirjoituksen_tyyppi") -> None:
    doc.code(path, codes.SIGNED_ELECTRONICALLY)
