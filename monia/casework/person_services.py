"""Writes on the persons of a case: correcting a child's or family member's details and
linking a child recorded as not identified to the identified person.

Every function runs in one transaction that also writes the chronology row, and raises
``ValidationError`` (field → translated message) before touching anything when the input
is wrong, so nothing is ever half-saved.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.attachments.models import Attachment
from monia.casework.case_services import _raise, event_write, today
from monia.casework.models import Case, CaseStage, DesignatedWorkerAssignment, EventKind
from monia.people import services as people_services
from monia.people.models import Person, PersonCorrection


@transaction.atomic
def case_person_correct(
    *, user: User, case: Case, person: Person, reason: str, values: dict[str, Any]
) -> list[PersonCorrection]:
    """Correct the details of the case's child or of a family member; the old values stay
    in the person's history and the chronology records the correction."""
    corrections = people_services.person_correct(
        user=user, person=person, reason=reason, values=values
    )
    if not corrections:
        return corrections  # the same correction sent again: recorded once already
    person.refresh_from_db()
    event_write(
        case=case,
        kind=EventKind.PERSON_CORRECTED,
        actor=user,
        detail=f"{person.recorded_name}: {reason.strip()}",
    )
    return corrections


@transaction.atomic
def child_identify(*, user: User, case: Case, person: Person, reason: str) -> Case:
    """The child recorded as not identified is ``person``: the case becomes theirs — or,
    when they already have an open case and this one is still at intake, its intakes join
    that case and this one closes. The reads of the unidentified record show in the
    child's access log (703/2023 § 11) through ``Person.merged_into``. Returns the case
    the intakes are in now."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    unknown = Person.objects.select_for_update().get(pk=case.child_id)
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = _("Give the reason: how the child was identified.")
    if not unknown.unidentified or unknown.merged_into_id is not None:
        errors["person"] = _("This child is identified already: correct the details instead.")
    elif (
        person.pk == unknown.pk
        or person.unidentified
        or person.merged_into_id is not None
        or person.county_id != case.county_id
    ):
        errors["person"] = _("Choose an identified child in the register.")
    elif not person.may_be_child_on(today()):
        errors["person"] = _(
            "Only a child under 18 can be the child of an intake: record an adult "
            "as a family member."
        )
    _raise(errors)
    other = (
        Case.objects.select_for_update()
        .filter(child=person)
        .exclude(stage=CaseStage.CLOSED)
        .first()
    )
    target = case
    if other is not None and case.stage != CaseStage.CLOSED:
        if case.stage != CaseStage.INTAKE:
            raise ValidationError(
                {
                    "person": _(
                        "This child already has an open case, and this case has moved on "
                        "from intake: ask the senior official to join the cases."
                    )
                }
            )
        target = _join_intakes(user=user, case=case, into=other)
    else:
        case.child = person
        case.save(update_fields=["child"])
    # The reads of the unidentified record stay its own (the access log is append-only);
    # the child's "who has seen my data" takes them in through ``merged_into``.
    people_services.person_merge(unknown=unknown, into=person)
    event_write(
        case=target,
        kind=EventKind.CHILD_IDENTIFIED,
        actor=user,
        detail=f"{unknown.recorded_name} → {person.recorded_name}: {reason.strip()}",
    )
    return target


def _join_intakes(*, user: User, case: Case, into: Case) -> Case:
    """Move an intake-stage case's intakes, chronology and client notes into the child's
    open case and close it; the closed case keeps a line saying where they went."""
    case.intakes.update(case=into)
    case.events.update(case=into)
    case.notes.update(case=into)  # the child's client notes follow (their text never changes)
    # ... and so do the files of the intakes and notes, read through the case they are in.
    Attachment.objects.filter(case=case).filter(
        Q(intake__isnull=False) | Q(note__isnull=False)
    ).update(case=into)
    at = timezone.now()
    case.stage = CaseStage.CLOSED
    case.closed_at = at
    case.save(update_fields=["stage", "closed_at"])
    DesignatedWorkerAssignment.objects.filter(case=case, ended_on__isnull=True).update(
        ended_on=today()
    )
    event_write(case=case, kind=EventKind.CASE_CLOSED, actor=user, occurred_at=at)
    return into
