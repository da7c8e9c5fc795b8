"""Writes for persons and their relationships: creating a person (warning of likely
duplicates), correcting their details with the old values kept, and relationships."""

from __future__ import annotations

import dataclasses
import datetime
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.people import hetu, selectors
from monia.people.models import Person, PersonCorrection, Relationship
from monia.teams.models import County

if TYPE_CHECKING:
    from monia.accounts.models import User


class SimilarPersons(ValidationError):
    """The register already has this person, or likely has: the same identity code, or the
    same date of birth and a similar name. ``persons`` are the ones found, for the worker to
    choose from; the caller logs them as shown (``policy.persons_found_for_intake``)."""

    def __init__(self, message: dict[str, str], persons: list[Person]) -> None:
        super().__init__(message)
        self.persons = persons


ALREADY_REGISTERED = gettext_noop(
    "A person with this identity code is already in the register: search for them."
)

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


@dataclasses.dataclass(frozen=True)
class PersonDetails:
    """The details of a new person that ``person_create`` checks before it writes, and
    ``person_errors`` checks for a form; the defaults are ``person_create``'s."""

    first_names: str = ""
    last_name: str = ""
    identity_code: str = ""
    birth_date: datetime.date | None = None
    expected_birth_date: datetime.date | None = None
    language: str = "fi"
    other_language: str = ""
    unidentified: bool = False
    address: str = ""
    description: str = ""

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> PersonDetails:
        """The details among ``values``; the others (gender, municipality …) are left out."""
        names = {field.name for field in dataclasses.fields(cls)}
        return cls(**{name: value for name, value in values.items() if name in names})

    def finds_the_unidentified(self) -> bool:
        """Whether what was typed gives anything to find a child nobody can name yet by: how
        the notifier described the child, or where the child lives (input, not a reading
        of anyone's stored address)."""
        return bool(self.description.strip() or self.address.strip())


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
    address: str = "",
    unidentified: bool = False,
    approximate_age: int | None = None,
    description: str = "",
    today: datetime.date | None = None,
    require_birth: bool = True,
    check_similar: bool = False,
) -> Person:
    """Create a person in a county's register, checking the identity code.

    A child who cannot be identified yet (``unidentified``) is recorded as told: no
    identity code or date of birth, an approximate age, an address and a description.
    ``check_similar``: refuse (``SimilarPersons``) when someone with the same date of
    birth and a similar name is already in the register, until the worker confirms.
    """
    details = PersonDetails(
        first_names=first_names,
        last_name=last_name,
        identity_code=identity_code,
        birth_date=birth_date,
        expected_birth_date=expected_birth_date,
        language=language,
        other_language=other_language,
        unidentified=unidentified,
        address=address,
        description=description,
    )
    identity_code, canonical, birth_date, errors = _details_checked(
        details, today=today or timezone.localdate(), require_birth=require_birth
    )
    if errors:
        raise ValidationError(errors)
    _refuse_duplicates(
        county=county,
        canonical=canonical,
        birth_date=birth_date,
        first_names=first_names,
        last_name=last_name,
        check_similar=check_similar,
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
                address=address.strip(),
                unidentified=unidentified,
                approximate_age=approximate_age if unidentified else None,
                description=description.strip() if unidentified else "",
            )
    except IntegrityError as exc:  # a concurrent insert of the same code
        raise ValidationError({"identity_code": _(ALREADY_REGISTERED)}) from exc


def person_errors(*, require_birth: bool = True, **values: Any) -> dict[str, str]:
    """What ``person_create`` would refuse in these details, as {field: message}, without
    asking the register: for a form that shows them beside its other messages in one
    round. Details it does not check (gender, municipality …) are ignored."""
    return _details_checked(
        PersonDetails.of(values), today=timezone.localdate(), require_birth=require_birth
    )[3]


def _details_checked(
    details: PersonDetails, *, today: datetime.date, require_birth: bool
) -> tuple[str, str, datetime.date | None, dict[str, str]]:
    """A new person's identity code as stored, its canonical form, the date of birth (from
    the code when there is one) and every message about the details, all at once."""
    identity_code, birth_date = details.identity_code, details.birth_date
    if details.unidentified:
        errors = _unidentified_errors(details)
        identity_code, canonical = "", ""
    else:
        identity_code, canonical, birth_date, errors = identity_checked(
            identity_code, birth_date, today=today
        )
        # A code given but wrong has its own message; no date is asked for beside it.
        no_date = birth_date is None and details.expected_birth_date is None
        if require_birth and no_date and not identity_code.strip():
            errors["birth_date"] = _(
                "Give the identity code, the date of birth or, for an unborn child, "
                "the expected date of birth. A child who cannot be identified yet is "
                "recorded as not identified."
            )
        if not details.first_names.strip() and birth_date is not None:
            errors["first_names"] = _("Give the first names.")
        if not details.last_name.strip():
            errors["last_name"] = _("Give the last name.")
    if details.language == "other" and not details.other_language.strip():
        errors["other_language"] = _("Name the language.")
    return identity_code, canonical, birth_date, errors


def identity_checked(
    identity_code: str, birth_date: datetime.date | None, *, today: datetime.date
) -> tuple[str, str, datetime.date | None, dict[str, str]]:
    """The identity code as stored, its canonical form, the date of birth (from the code
    when there is one) and what is wrong with them, every message at once: a code that is
    no code is told under ``identity_code`` (canonical empty) and the date typed is still
    checked. Never raises."""
    errors: dict[str, str] = {}
    canonical = ""
    identity_code = identity_code.strip()
    if identity_code:
        try:
            parsed = hetu.parse(identity_code)
        except hetu.InvalidIdentityCode as exc:
            errors["identity_code"] = identity_code_error(exc)
        else:
            identity_code, canonical = parsed.value, parsed.canonical
            if birth_date is not None and birth_date != parsed.birth_date:
                errors["birth_date"] = _("The date of birth does not match the identity code.")
            birth_date = parsed.birth_date
    if birth_date is not None and birth_date > today:
        errors["birth_date"] = _("The date of birth cannot be in the future.")
    return identity_code, canonical, birth_date, errors


def _unidentified_errors(details: PersonDetails) -> dict[str, str]:
    errors: dict[str, str] = {}
    if (
        details.identity_code.strip()
        or details.birth_date is not None
        or details.expected_birth_date is not None
    ):
        errors["unidentified"] = _(
            "A child with an identity code or a date of birth is identified: untick this box."
        )
    if not details.finds_the_unidentified():
        errors["description"] = _(
            "Describe the child as the notifier did, or give the address where the child lives."
        )
    return errors


def _refuse_duplicates(
    *,
    county: County,
    canonical: str,
    birth_date: datetime.date | None,
    first_names: str,
    last_name: str,
    check_similar: bool,
) -> None:
    if canonical:
        same = selectors.person_by_identity_code(county_id=county.pk, canonical=canonical)
        if same is not None:
            raise SimilarPersons({"identity_code": _(ALREADY_REGISTERED)}, [same])
    if check_similar and birth_date is not None:
        similar = selectors.persons_similar(
            county_id=county.pk, birth_date=birth_date, first_names=first_names, last_name=last_name
        )
        if similar:
            raise SimilarPersons(
                {
                    "person": _(
                        "Someone with the same date of birth and a similar name is already "
                        "in the register. Choose them, or confirm that this is another child."
                    )
                },
                similar,
            )


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
    submission_key: uuid.UUID | None = None,
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
        submission_key=submission_key,
    )


# What a worker may correct on a person's page (the client's right to rectification).
CORRECTABLE_FIELDS = (
    "first_names",
    "last_name",
    "identity_code",
    "birth_date",
    "gender",
    "language",
    "other_language",
    "interpreter_needed",
    "municipality",
    "address",
    "approximate_age",
    "description",
)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


@transaction.atomic
def person_correct(
    *, user: User, person: Person, reason: str, values: dict[str, Any]
) -> list[PersonCorrection]:
    """Correct a person's recorded details; each changed value is kept in the history with
    the reason (GDPR art. 16). An identity code is checked (check character, unique in the
    county) and brings its date of birth; a child not identified until now becomes
    identified by an identity code or a date of birth. Returns the corrections made."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    values = {field: values[field] for field in CORRECTABLE_FIELDS if field in values}
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = _("Give the reason for the correction.")
    identity_code, canonical, birth_date, identity_errors = identity_checked(
        values.get("identity_code", person.identity_code),
        values.get("birth_date", person.birth_date),
        today=timezone.localdate(),
    )
    errors.update(identity_errors)
    if "identity_code" in values:
        values["identity_code"] = identity_code
    if "birth_date" in values or identity_code:
        values["birth_date"] = birth_date
    if values.get("language", person.language) == "other" and not _as_text(
        values.get("other_language", person.other_language)
    ):
        errors["other_language"] = _("Name the language.")
    elif values.get("language", person.language) != "other":
        values["other_language"] = ""
    if canonical and canonical != person.identity_code_canonical:
        taken = selectors.person_by_identity_code(county_id=person.county_id, canonical=canonical)
        if taken is not None:
            errors["identity_code"] = _("Another person in the register has this identity code.")
    if not _as_text(values.get("last_name", person.last_name)) and not person.unidentified:
        errors["last_name"] = _("Give the last name.")
    if errors:
        raise ValidationError(errors)
    if person.unidentified and (identity_code or birth_date is not None):
        values["unidentified"] = False
    corrections = []
    for field, value in values.items():
        if isinstance(value, str):
            value = value.strip()
        if _as_text(getattr(person, field)) == _as_text(value):
            continue
        corrections.append(
            PersonCorrection(
                person=person,
                field=field,
                old_value=_as_text(getattr(person, field)),
                new_value=_as_text(value),
                reason=reason.strip(),
                corrected_by=user,
            )
        )
        setattr(person, field, value)
    if not corrections:
        if _sent_again(person, user=user, reason=reason):
            return []
        raise ValidationError(_("Nothing was changed: correct a value, or go back."))
    person.identity_code_canonical = canonical if person.identity_code else ""
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError as exc:  # a concurrent correction to the same code
        raise ValidationError(
            {"identity_code": _("Another person in the register has this identity code.")}
        ) from exc
    return PersonCorrection.objects.bulk_create(corrections)


def _sent_again(person: Person, *, user: User, reason: str) -> bool:
    """Whether a correction that changes nothing is the last one sent again (a double
    click, "Back" and send): the latest correction of the person is this user's, with this
    reason. It saved already, so it is not "Nothing was changed"."""
    last = person.corrections.order_by("-corrected_at", "-pk").first()
    return last is not None and last.corrected_by_id == user.pk and last.reason == reason.strip()


@transaction.atomic
def person_merge(*, unknown: Person, into: Person) -> Person:
    """The person recorded as not identified is ``into``: their ties move to ``into`` (a tie
    ``into`` already has stays once) and the record stays, marked as identified as
    ``into``. The caller moves what refers to them in its own app."""
    ties = Relationship.objects.select_for_update()
    for tie in ties.filter(from_person=unknown).exclude(to_person=into):
        if not ties.filter(from_person=into, to_person_id=tie.to_person_id, kind=tie.kind).exists():
            tie.from_person = into
            tie.save(update_fields=["from_person"])
    for tie in ties.filter(to_person=unknown).exclude(from_person=into):
        if not ties.filter(
            from_person_id=tie.from_person_id, to_person=into, kind=tie.kind
        ).exists():
            tie.to_person = into
            tie.save(update_fields=["to_person"])
    unknown.merged_into = into
    unknown.save(update_fields=["merged_into"])
    return unknown
