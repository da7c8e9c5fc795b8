"""Writes on a family's contact details and relations from a case: each runs in one
transaction with its chronology row. The chronology names the person only — never a
contact detail or the reason, which may hold one: family workers read the chronology, and a
protected address is not theirs to see (monia/access/contact.py)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from monia.accounts.models import User
from monia.casework.case_services import event_write
from monia.casework.models import Case, EventKind
from monia.people import contact_services
from monia.people.models import (
    ContactDetail,
    ContactDetailCorrection,
    Person,
    PersonCorrection,
    Relationship,
    RelationshipCorrection,
)


@transaction.atomic
def case_contact_detail_add(
    *, user: User, case: Case, person: Person, **values: Any
) -> ContactDetail:
    detail = contact_services.contact_detail_add(user=user, person=person, **values)
    event_write(case=case, kind=EventKind.CONTACT_CHANGED, actor=user, detail=person.recorded_name)
    return detail


@transaction.atomic
def case_contact_detail_correct(
    *, user: User, case: Case, detail: ContactDetail, reason: str, values: dict[str, Any]
) -> list[ContactDetailCorrection]:
    rows = contact_services.contact_detail_correct(
        user=user, detail=detail, reason=reason, values=values
    )
    event_write(
        case=case, kind=EventKind.CONTACT_CHANGED, actor=user, detail=detail.person.recorded_name
    )
    return rows


@transaction.atomic
def case_non_disclosure_set(
    *,
    user: User,
    case: Case,
    person: Person,
    marked: bool,
    since: datetime.date | None,
    reason: str,
) -> PersonCorrection:
    row = contact_services.non_disclosure_set(
        user=user, person=person, marked=marked, since=since, reason=reason
    )
    kind = EventKind.NON_DISCLOSURE_MARKED if marked else EventKind.NON_DISCLOSURE_REMOVED
    event_write(case=case, kind=kind, actor=user, detail=person.recorded_name)
    return row


@transaction.atomic
def case_relationship_correct(
    *, user: User, case: Case, relationship: Relationship, reason: str, values: dict[str, Any]
) -> list[RelationshipCorrection]:
    rows = contact_services.relationship_correct(
        user=user, relationship=relationship, reason=reason, values=values
    )
    names = f"{relationship.from_person.recorded_name} – {relationship.to_person.recorded_name}"
    event_write(case=case, kind=EventKind.RELATIONSHIP_CORRECTED, actor=user, detail=names)
    return rows
