"""Writes for a person's contact details, the marking of non-disclosure for personal safety
(turvakielto) and corrections of family relations.

A value recorded once is changed only by a correction with a reason; the old value stays in
the history (the client's right to rectification, GDPR art. 16). Every function checks
everything first and raises ``ValidationError`` (field → translated message) before
writing, so nothing is ever half-saved; the caller adds the chronology row in the same
transaction.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.people.models import (
    ContactDetail,
    ContactDetailCorrection,
    ContactKind,
    Correction,
    PartnershipStatus,
    Person,
    PersonCorrection,
    Relationship,
    RelationshipCorrection,
    RelationshipKind,
)
from monia.people.services import _as_text

if TYPE_CHECKING:
    from monia.accounts.models import User

# A phone number as people write it: digits with spaces, dashes, slashes, brackets, a leading +.
PHONE = re.compile(r"^\+?[0-9 ()/-]+$")
PHONE_DIGITS = (5, 15)  # a short service number … the longest international number (E.164)

CONTACT_FIELDS = ("kind", "value", "note", "valid_from", "valid_until")
RELATIONSHIP_FIELDS = (
    "kind",
    "is_guardian",
    "lives_with",
    "partnership_status",
    "started_on",
    "ended_on",
)


def _reason_error(reason: str, errors: dict[str, str]) -> None:
    if not reason.strip():
        errors["reason"] = _("Give the reason for the correction.")


def _contact_errors(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    kind, value = values.get("kind", ""), values.get("value", "").strip()
    if kind not in ContactKind.values:
        errors["kind"] = _("Choose what kind of contact detail this is.")
    if not value:
        errors["value"] = _("Give the phone number, the e-mail address or the address.")
    elif kind == ContactKind.PHONE:
        digits = sum(c.isdigit() for c in value)
        if not PHONE.match(value) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
            errors["value"] = _(
                "Give the phone number with digits only, for example 040 123 4567 or "
                "+358 40 123 4567."
            )
    elif kind == ContactKind.EMAIL:
        try:
            validate_email(value)
        except ValidationError:
            errors["value"] = _("Give the e-mail address in the form name@example.fi.")
    start, end = values.get("valid_from"), values.get("valid_until")
    if start is not None and end is not None and end < start:
        errors["valid_until"] = _("The end date cannot be before the start date.")
    return errors


@transaction.atomic
def contact_detail_add(
    *,
    user: User,
    person: Person,
    kind: str,
    value: str,
    note: str = "",
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
) -> ContactDetail:
    """Record a new phone number, e-mail address or further address of a person. The same
    detail recorded again (the form sent again after "Back", a double click) is returned,
    not listed twice."""
    values = {"kind": kind, "value": value, "valid_from": valid_from, "valid_until": valid_until}
    errors = _contact_errors(values)
    if errors:
        raise ValidationError(errors)
    Person.objects.select_for_update().filter(pk=person.pk).first()  # one addition at a time
    same = person.contact_details.filter(
        kind=kind, value=value.strip(), valid_from=valid_from, valid_until=valid_until
    ).first()
    if same is not None:
        return same
    return ContactDetail.objects.create(
        person=person,
        kind=kind,
        value=value.strip(),
        note=note.strip(),
        valid_from=valid_from,
        valid_until=valid_until,
        added_by=user,
    )


def _changes(
    instance: Model, values: dict[str, Any], fields: tuple[str, ...]
) -> list[tuple[str, str, str]]:
    """(field, old, new) for each value that differs from the instance's, as text."""
    found = []
    for name in fields:
        if name not in values:
            continue
        value = values[name]
        if isinstance(value, str):
            value = value.strip()
            values[name] = value
        old, new = _as_text(getattr(instance, name)), _as_text(value)
        if old != new:
            found.append((name, old, new))
    return found


def _corrected(
    instance: Model,
    values: dict[str, Any],
    fields: tuple[str, ...],
    make: type[Correction],
    link: dict[str, Model],
    *,
    user: User,
    reason: str,
) -> list[Any]:
    """Apply the changed values to ``instance`` and build their correction rows (unsaved);
    "nothing was changed" when no value differs."""
    rows = []
    for name, old, new in _changes(instance, values, fields):
        rows.append(
            make(
                field=name,
                old_value=old,
                new_value=new,
                reason=reason.strip(),
                corrected_by=user,
                **link,
            )
        )
        setattr(instance, name, values[name])
    if not rows:
        raise ValidationError(_("Nothing was changed: correct a value, or go back."))
    return rows


@transaction.atomic
def contact_detail_correct(
    *, user: User, detail: ContactDetail, reason: str, values: dict[str, Any]
) -> list[ContactDetailCorrection]:
    """Correct a recorded contact detail (or end it with a date); the old values stay in the
    history with the reason."""
    detail = ContactDetail.objects.select_for_update().get(pk=detail.pk)
    merged = {name: values.get(name, getattr(detail, name)) for name in CONTACT_FIELDS}
    errors = _contact_errors(merged)
    _reason_error(reason, errors)
    if errors:
        raise ValidationError(errors)
    rows = _corrected(
        detail,
        {k: v for k, v in values.items() if k in CONTACT_FIELDS},
        CONTACT_FIELDS,
        ContactDetailCorrection,
        {"detail": detail},
        user=user,
        reason=reason,
    )
    detail.save()
    return ContactDetailCorrection.objects.bulk_create(rows)


@transaction.atomic
def non_disclosure_set(
    *,
    user: User,
    person: Person,
    marked: bool,
    since: datetime.date | None,
    reason: str,
) -> PersonCorrection:
    """Record non-disclosure for personal safety from the population register (``marked``)
    or its removal there; the change, its reason and who made it stay in the person's
    corrections."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = _("Give the reason: for example, the population register shows it.")
    if marked == person.non_disclosure:  # a page sent twice, or by two workers at once
        errors["__all__"] = (
            _("Non-disclosure is already marked.")
            if marked
            else _("Non-disclosure is not marked: there is nothing to remove.")
        )
    if marked and since is None:
        errors["since"] = _("Give the date the population register shows for it.")
    elif marked and since is not None and since > timezone.localdate():
        errors["since"] = _("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    row = PersonCorrection.objects.create(
        person=person,
        field="non_disclosure",
        old_value=_as_text(person.non_disclosure),
        new_value=_as_text(marked),
        reason=reason.strip(),
        corrected_by=user,
    )
    person.non_disclosure = marked
    person.non_disclosure_since = since if marked else None
    person.non_disclosure_marked_by = user if marked else None
    person.save(
        update_fields=["non_disclosure", "non_disclosure_since", "non_disclosure_marked_by"]
    )
    return row


def _relationship_errors(tie: Relationship, values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    merged = {name: values.get(name, getattr(tie, name)) for name in RELATIONSHIP_FIELDS}
    if merged["kind"] not in RelationshipKind.values:
        errors["kind"] = _("Choose the relationship.")
    status = merged["partnership_status"]
    if status and status not in PartnershipStatus.values:
        errors["partnership_status"] = _("Choose the partnership status.")
    start, end = merged["started_on"], merged["ended_on"]
    if start is not None and end is not None and end < start:
        errors["ended_on"] = _("The end date cannot be before the start date.")
    if merged["kind"] != tie.kind and (
        Relationship.objects.filter(
            from_person_id=tie.from_person_id, to_person_id=tie.to_person_id, kind=merged["kind"]
        )
        .exclude(pk=tie.pk)
        .exists()
    ):
        errors["kind"] = _("This relationship is already recorded.")
    return errors


@transaction.atomic
def relationship_correct(
    *, user: User, relationship: Relationship, reason: str, values: dict[str, Any]
) -> list[RelationshipCorrection]:
    """Correct a family relation (its kind, custody, household, partnership, dates); the old
    values stay in the history with the reason."""
    tie = Relationship.objects.select_for_update().get(pk=relationship.pk)
    values = {k: v for k, v in values.items() if k in RELATIONSHIP_FIELDS}
    if values.get("kind", tie.kind) != RelationshipKind.PARTNER:
        values["partnership_status"] = ""  # only partners have one
    errors = _relationship_errors(tie, values)
    _reason_error(reason, errors)
    if errors:
        raise ValidationError(errors)
    rows = _corrected(
        tie,
        values,
        RELATIONSHIP_FIELDS,
        RelationshipCorrection,
        {"relationship": tie},
        user=user,
        reason=reason,
    )
    try:
        with transaction.atomic():
            tie.save()
    except IntegrityError as exc:  # a concurrent correction to the same kind
        raise ValidationError({"kind": _("This relationship is already recorded.")}) from exc
    return RelationshipCorrection.objects.bulk_create(rows)
