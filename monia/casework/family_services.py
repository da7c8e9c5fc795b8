"""Writes on the child's family: a parent, guardian or other relative recorded as a person
of the register with a tie to the child.

The register is asked first, as for an intake's new child (``people.services.person_create``
with ``check_similar``): the person with the identity code typed is that person, never a
second one; the likely duplicates (born the same day, a similar name:
``people.selectors.persons_similar``) are offered to choose from (``SimilarPersons``) until
the worker chooses one or confirms a different person. A person already in the child's
family is not added again, and says so; the same form sent again after "Back" (its key)
records once.

Runs in one transaction with the chronology row; raises ``ValidationError`` (field →
translated message) before touching anything when the input is wrong.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.accounts.models import User
from monia.casework.case_services import event_write, submission_saved
from monia.casework.models import Case, EventKind
from monia.people import selectors as people_selectors
from monia.people.models import Person, Relationship
from monia.people.services import (
    SimilarPersons,
    identity_checked,
    person_create,
    relationship_create,
)

CODE_UNDER_ANOTHER_NAME = gettext_noop(
    "A person with this identity code is already in the register, under another name. "
    "Check the identity code; if it is right, choose them below."
)
SIMILAR_IN_REGISTER = gettext_noop(
    "Someone with the same date of birth and a similar name is already in the register. "
    "Choose them, or confirm that this is a different person."
)
CHOSEN_NOT_FOUND = gettext_noop(
    "The person chosen does not match the details given. Check the details and choose again."
)


@dataclass(frozen=True)
class FamilyMemberAdded:
    person: Person
    #: The person was in the register already: their recorded details stay as they are.
    from_register: bool = False


@transaction.atomic
def family_member_add(
    *,
    user: User,
    case: Case,
    kind: str,
    first_names: str,
    last_name: str,
    identity_code: str = "",
    birth_date: datetime.date | None = None,
    gender: str = "unknown",
    is_guardian: bool = False,
    lives_with: bool = False,
    language: str = "fi",
    other_language: str = "",
    interpreter_needed: bool = False,
    existing_id: int | None = None,
    check_similar: bool = True,
    submission_key: uuid.UUID | None = None,
) -> FamilyMemberAdded:
    """Record a parent, guardian or other relative of the child, as a person and a tie.

    ``existing_id``: the register's person the worker chose among those offered.
    ``check_similar``: False once the worker confirmed a different person than the likely
    duplicates offered (an identity code in the register is never a different person).
    """
    if not first_names.strip():
        raise ValidationError({"first_names": _("Give the first names.")})
    Case.objects.select_for_update().filter(pk=case.pk).first()  # one addition at a time
    sent = submission_saved(Relationship.objects.filter(to_person_id=case.child_id), submission_key)
    if sent is not None:  # the form sent again ("Back", a double click): recorded once
        return FamilyMemberAdded(sent.from_person)
    _code, canonical, birth_date, errors = identity_checked(
        identity_code, birth_date, today=timezone.localdate()
    )
    if errors:
        raise ValidationError(errors)
    found = _in_register(
        case=case,
        canonical=canonical,
        birth_date=birth_date,
        first_names=first_names,
        last_name=last_name,
        existing_id=existing_id,
        check_similar=check_similar,
    )
    if found is not None:
        _refuse_in_family(case, found)
        person = found
    else:
        _refuse_same_names(case, first_names, last_name, birth_date)
        person = person_create(
            county=case.county,
            first_names=first_names,
            last_name=last_name,
            identity_code=identity_code,
            birth_date=birth_date,
            gender=gender,
            language=language,
            other_language=other_language,
            interpreter_needed=interpreter_needed,
            require_birth=False,
        )
    relationship_create(
        from_person=person,
        to_person=case.child,
        kind=kind,
        is_guardian=is_guardian,
        lives_with=lives_with,
        submission_key=submission_key,
    )
    event_write(
        case=case, kind=EventKind.FAMILY_MEMBER_ADDED, actor=user, detail=person.recorded_name
    )
    return FamilyMemberAdded(person, from_register=found is not None)


def _in_register(
    *,
    case: Case,
    canonical: str,
    birth_date: datetime.date | None,
    first_names: str,
    last_name: str,
    existing_id: int | None,
    check_similar: bool,
) -> Person | None:
    """The register's person the details typed are, or None for a new person. Refuses with
    ``SimilarPersons`` (the persons to choose from) while the worker has a choice to make."""
    county_id = case.county_id
    same = None
    if canonical:
        same = people_selectors.person_by_identity_code(county_id=county_id, canonical=canonical)
    similar: list[Person] = []
    if birth_date is not None:
        similar = [
            p
            for p in people_selectors.persons_similar(
                county_id=county_id,
                birth_date=birth_date,
                first_names=first_names,
                last_name=last_name,
            )
            # Someone with another identity code is someone else.
            if not canonical or p.identity_code_canonical in ("", canonical)
        ]
    if same is not None:
        # The identity code is the person's: theirs when the name typed is like theirs,
        # else the worker checks the code (never a second person with the same code).
        if existing_id == same.pk or (existing_id is None and same in similar):
            return same
        raise SimilarPersons({"identity_code": _(CODE_UNDER_ANOTHER_NAME)}, [same])
    if existing_id is not None:
        chosen = next((p for p in similar if p.pk == existing_id), None)
        if chosen is not None:
            return chosen
        if similar:
            raise SimilarPersons({"person": _(CHOSEN_NOT_FOUND)}, similar)
        raise ValidationError({"person": _(CHOSEN_NOT_FOUND)})
    if check_similar and similar:
        raise SimilarPersons({"person": _(SIMILAR_IN_REGISTER)}, similar)
    return None


def _refuse_in_family(case: Case, person: Person) -> None:
    """Nothing is added for the child themself or a person already in the child's family."""
    if person.pk == case.child_id:
        raise ValidationError(
            _("%(name)s is the child of this case: nothing was added.") % {"name": person.full_name}
        )
    if people_selectors.person_in_family(case.child, person.pk) is not None:
        raise ValidationError(
            _("%(name)s is already in this child's family: nothing was added.")
            % {"name": person.full_name}
        )


def _refuse_same_names(
    case: Case, first_names: str, last_name: str, birth_date: datetime.date | None
) -> None:
    """A new person with the very names and date of birth of one in the child's family (no
    date, or a different person confirmed) is that family member, not another."""
    same = people_selectors.family_member_named(case.child, first_names, last_name, birth_date)
    if same is not None:
        _refuse_in_family(case, same)
