"""Writes for persons and their relationships."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.people import hetu
from monia.people.models import Person, Relationship
from monia.teams.models import County

IDENTITY_CODE_MESSAGES = {
    "format": gettext_noop(
        "The identity code must look like DDMMYYCZZZQ, for example 010115A901C."
    ),
    "century": gettext_noop("The identity code has an unknown century sign."),
    "date": gettext_noop("The identity code's date of birth does not exist."),
    "individual_number": gettext_noop("The identity code's individual number is not valid."),
    "checksum": gettext_noop(
        "The identity code's check character does not match: check for a typo."
    ),
}


def identity_code_error(exc: hetu.InvalidIdentityCode) -> str:
    """The translated message for an invalid identity code."""
    return _(IDENTITY_CODE_MESSAGES[exc.code])


def validate_identity_code(value: str) -> hetu.IdentityCode:
    try:
        return hetu.parse(value)
    except hetu.InvalidIdentityCode as exc:
        raise ValidationError({"identity_code": identity_code_error(exc)}) from exc


@transaction.atomic
def person_create(
    *,
    county: County,
    first_names: str,
    last_name: str,
    identity_code: str = "",
    birth_date: datetime.date | None = None,
    expected_birth_date: datetime.date | None = None,
    gender: str = "unknown",
    language: str = "fi",
    other_language: str = "",
    interpreter_needed: bool = False,
    municipality: str = "",
    today: datetime.date | None = None,
    require_birth: bool = True,
) -> Person:
    """Create a person in a county's register, checking the identity code."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    canonical = ""
    if identity_code.strip():
        parsed = validate_identity_code(identity_code)
        identity_code, canonical = parsed.value, parsed.canonical
        if birth_date is not None and birth_date != parsed.birth_date:
            errors["birth_date"] = _("The date of birth does not match the identity code.")
        birth_date = parsed.birth_date
    if birth_date is not None and birth_date > today:
        errors["birth_date"] = _("The date of birth cannot be in the future.")
    if require_birth and birth_date is None and expected_birth_date is None:
        errors["birth_date"] = _(
            "Give the identity code, the date of birth or, for an unborn child, "
            "the expected date of birth."
        )
    if not first_names.strip() and birth_date is not None:
        errors["first_names"] = _("Give the first names.")
    if language == "other" and not other_language.strip():
        errors["other_language"] = _("Name the language.")
    if errors:
        raise ValidationError(errors)
    if (
        canonical
        and Person.objects.filter(county=county, identity_code_canonical=canonical).exists()
    ):
        raise ValidationError(
            {
                "identity_code": _(
                    "A person with this identity code is already in the register: search for them."
                )
            }
        )
    try:
        with transaction.atomic():
            return Person.objects.create(
                county=county,
                identity_code=identity_code,
                identity_code_canonical=canonical,
                first_names=first_names.strip(),
                last_name=last_name.strip(),
                birth_date=birth_date,
                expected_birth_date=expected_birth_date,
                gender=gender,
                language=language,
                other_language=other_language.strip(),
                interpreter_needed=interpreter_needed,
                municipality=municipality.strip(),
            )
    except IntegrityError as exc:  # a concurrent insert of the same code
        raise ValidationError(
            {
                "identity_code": _(
                    "A person with this identity code is already in the register: search for them."
                )
            }
        ) from exc


@transaction.atomic
def relationship_create(
    *,
    from_person: Person,
    to_person: Person,
    kind: str,
    is_guardian: bool = False,
    lives_with: bool = False,
    partnership_status: str = "",
    started_on: datetime.date | None = None,
    ended_on: datetime.date | None = None,
) -> Relationship:
    if from_person.county_id != to_person.county_id:
        raise ValidationError(_("Both persons must be in the same county's register."))
    return Relationship.objects.create(
        county_id=from_person.county_id,
        from_person=from_person,
        to_person=to_person,
        kind=kind,
        is_guardian=is_guardian,
        lives_with=lives_with,
        partnership_status=partnership_status,
        started_on=started_on,
        ended_on=ended_on,
    )
