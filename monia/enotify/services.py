"""Writes for electronic child welfare notifications (sähköinen lastensuojeluilmoitus).

Nothing here sends e-mail, and nothing ever should: a child welfare notification must
never travel over unprotected e-mail (THL handbook), so the notifier gets the reference
on screen only and staff find new notifications in their queue and on the dashboard.

Every function runs in one transaction and raises ``ValidationError`` (field → message)
before writing anything when the input is wrong.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.access.models import AccessLog, Basis
from monia.accounts.models import User
from monia.casework import services as casework_services
from monia.casework.models import Channel, FamilyInformed, Intake, NotifierType
from monia.casework.notifier import IDENTITY_FIELDS, notifier_errors
from monia.enotify import selectors
from monia.enotify.models import (
    CONTENT_MAX_LENGTH,
    ENotification,
    ENotificationAccess,
    ENotificationKind,
    ENotificationStatus,
)
from monia.people.models import Person
from monia.people.services import validate_identity_code
from monia.teams.models import County

# No 0/O or 1/I/L: a reference is read aloud on the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_SUFFIX_LENGTH = 6  # 31**6 ≈ 10**9: the running number alone cannot be enumerated
# Namespace of the per-sender advisory lock (pg_advisory_xact_lock(int, int)).
RATE_LOCK_NAMESPACE = 0x454E  # "EN"
# Intake keys derived from the e-notification's id, never from the client's key.
INTAKE_KEY_NAMESPACE = uuid.UUID("6f1d7c2e-3b7a-4f55-9a43-6a2f0b6c9e11")

OBLIGATED_ONLY = (ENotificationKind.REQUEST_WITH_FAMILY, ENotificationKind.PRE_BIRTH)


class RateLimited(Exception):
    """Too many notifications from one sender: answered with 429."""


def ip_hash_of(ip: str) -> str:
    """HMAC-SHA256 of the sender's address with SECRET_KEY: enough to count repeats,
    never the address itself (the raw IP is not stored anywhere)."""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()


def reference_for(number: int, *, year: int) -> str:
    """``LS-2026-000123-K7QX9M``: the running number for people, a random suffix so that
    references cannot be guessed one after another."""
    suffix = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_SUFFIX_LENGTH))
    return f"LS-{year}-{number:06d}-{suffix}"


def reference_decoy() -> str:
    """A reference shown to a robot caught by the honeypot: looks real, names nothing."""
    year = timezone.localdate().year
    return reference_for(secrets.randbelow(1_000_000), year=year)


def _next_id() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [ENotification._meta.db_table]
        )
        return int(cursor.fetchone()[0])


def _sender_lock(ip_hash: str) -> None:
    """Serialise one sender's submissions so the rate limit cannot be raced."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s, %s)",
            [RATE_LOCK_NAMESPACE, int(ip_hash[:7], 16)],
        )


# --- Validation -------------------------------------------------------------


def _validate_notifier(data: dict[str, Any], errors: dict[str, str]) -> None:
    """The notifier rule of LsL 25 § (``casework.notifier``), as for a professional who
    fills in the form themselves. An anonymous person's identity, typed before they chose
    to stay anonymous, is dropped here and never stored."""
    kind = data["notifier_type"]
    if kind == NotifierType.ANONYMOUS:
        for field in IDENTITY_FIELDS:
            data[field] = ""
        data["notifier_sector"] = ""
    errors.update(
        notifier_errors(
            notifier_type=kind,
            name=data.get("notifier_name", ""),
            organisation=data.get("notifier_organisation", ""),
            sector=data.get("notifier_sector", ""),
            phone=data.get("notifier_phone", ""),
            email=data.get("notifier_email", ""),
            self_reported=True,
        )
    )
    if data["kind"] in OBLIGATED_ONLY and kind != NotifierType.OBLIGATED:
        errors["kind"] = _(
            "A request made together with the family and a pre-birth notification are "
            "made by professionals. Choose a child welfare notification."
        )


def _validate_child(data: dict[str, Any], errors: dict[str, str], today: datetime.date) -> None:
    """The child's data as far as the notifier knows it; an identity code must be valid."""
    if data["kind"] == ENotificationKind.PRE_BIRTH:
        expected = data.get("child_expected_birth_date")
        if expected is None:
            errors["child_expected_birth_date"] = _("Give the expected date of birth.")
        elif expected < today:
            errors["child_expected_birth_date"] = _(
                "The expected date of birth has passed: make a child welfare notification."
            )
        if data.get("child_identity_code", "").strip() or data.get("child_birth_date"):
            errors["child_birth_date"] = _(
                "A pre-birth notification concerns an unborn child: leave the identity code "
                "and the date of birth empty."
            )
        if not data.get("guardians", "").strip():
            errors["guardians"] = _("Give the name of the expectant parent.")
        return
    data["child_expected_birth_date"] = None
    if not (data.get("child_first_names", "").strip() or data.get("child_last_name", "").strip()):
        errors["child_last_name"] = _("Give the child's name.")
    code = data.get("child_identity_code", "").strip()
    birth = data.get("child_birth_date")
    if code:
        try:
            parsed = validate_identity_code(code)
        except ValidationError as exc:
            errors["child_identity_code"] = exc.message_dict["identity_code"][0]
        else:
            data["child_identity_code"] = parsed.value
            if birth is not None and birth != parsed.birth_date:
                errors["child_birth_date"] = _(
                    "The date of birth does not match the identity code."
                )
    if birth is not None and birth > today:
        errors["child_birth_date"] = _("The date of birth cannot be in the future.")


def _validate(data: dict[str, Any], today: datetime.date) -> None:
    errors: dict[str, str] = {}
    if data["kind"] not in ENotificationKind.values:
        errors["kind"] = _("Choose the kind of notification.")
    content = data.get("content", "").strip()
    if not content:
        errors["content"] = _("Describe your concern about the child.")
    elif len(content) > CONTENT_MAX_LENGTH:
        errors["content"] = _("Shorten the text to at most %(max)d characters.") % {
            "max": CONTENT_MAX_LENGTH
        }
    if "kind" not in errors:
        _validate_notifier(data, errors)
        _validate_child(data, errors, today)
    if errors:
        raise ValidationError(errors)


# --- Submission -------------------------------------------------------------


@transaction.atomic
def enotification_submit(
    *,
    county: County,
    ip_hash: str,
    submission_key: uuid.UUID,
    kind: str,
    notifier_type: str,
    content: str,
    notifier_name: str = "",
    notifier_organisation: str = "",
    notifier_sector: str = "",
    notifier_phone: str = "",
    notifier_email: str = "",
    child_first_names: str = "",
    child_last_name: str = "",
    child_identity_code: str = "",
    child_birth_date: datetime.date | None = None,
    child_expected_birth_date: datetime.date | None = None,
    child_municipality: str = "",
    guardians: str = "",
    family_informed: str = FamilyInformed.UNKNOWN,
    crime_suspected: bool = False,
) -> ENotification:
    """Store a notification from the public form; received_at is now (the 7-working-day
    decision of LsL 26 § counts from it).

    Safe to repeat: the same submission key returns the first notification. Raises
    ``RateLimited`` when the sender has sent too many, before looking at the input.
    """
    casework_services.submission_lock(submission_key)
    existing = ENotification.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing
    now = timezone.now()
    _sender_lock(ip_hash)
    if selectors.rate_exceeded(ip_hash=ip_hash, now=now):
        raise RateLimited
    data = dict(locals())
    for name in ("county", "existing", "now"):
        data.pop(name)
    _validate(data, timezone.localdate(now))
    number = _next_id()
    fields = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}
    return ENotification.objects.create(
        id=number,
        county=county,
        reference=reference_for(number, year=timezone.localdate(now).year),
        received_at=now,
        **fields,
    )


# --- Handling by staff -----------------------------------------------------------


def _intake_data(en: ENotification, *, team: Any) -> dict[str, Any]:
    """The intake's fields copied from the e-notification; received_at is the submission
    time, so the decision deadline counts from receipt (LsL 26 § 3 mom)."""
    lines = [en.content]
    if en.guardians:
        lines.append(_("Guardians as given by the notifier: %(g)s") % {"g": en.guardians})
    lines.append(_("Electronic notification %(ref)s") % {"ref": en.reference})
    return {
        "team": team,
        "kind": en.kind,
        "channel": Channel.ELECTRONIC,
        "received_at": en.received_at,
        "notifier_type": en.notifier_type,
        "notifier_sector": en.notifier_sector,
        "notifier_name": en.notifier_name,
        "notifier_organisation": en.notifier_organisation,
        "notifier_phone": en.notifier_phone,
        "notifier_email": en.notifier_email,
        "family_informed": en.family_informed,
        "family_participated": en.kind == ENotificationKind.REQUEST_WITH_FAMILY,
        "police_report_suspected": en.crime_suspected,
        "content": "\n\n".join(lines),
        "submission_key": uuid.uuid5(INTAKE_KEY_NAMESPACE, str(en.pk)),
    }


@transaction.atomic
def enotification_convert(
    *,
    user: User,
    enotification: ENotification,
    child: Person | None = None,
    new_child: dict[str, Any] | None = None,
) -> Intake:
    """Record the e-notification as an Intake of an existing child or of a child created
    here (channel "electronic"); the team is the county's intake team, else the worker's.
    The reads of the notification so far move into the child's access log. A repeat
    returns the same intake."""
    en = ENotification.objects.select_for_update().get(pk=enotification.pk)
    if en.status == ENotificationStatus.CONVERTED and en.intake is not None:
        return en.intake
    if en.status != ENotificationStatus.NEW:
        raise ValidationError(_("This notification has already been handled."))
    if en.county_id != user.county_id:
        raise ValidationError(_("This notification belongs to another county."))
    team = en.county.intake_team or user.team
    if team is None:
        raise ValidationError(_("Neither the county nor you have a team to receive the intake."))
    data = _intake_data(en, team=team)
    if child is not None:
        intake = casework_services.intake_record(user=user, child=child, **data)
    elif new_child is not None:
        intake = casework_services.intake_record_for_new_child(user=user, child=new_child, **data)
    else:
        raise ValidationError(_("Find the child or add the child's details."))
    en.status = ENotificationStatus.CONVERTED
    en.intake = intake
    en.handled_by = user
    en.handled_at = timezone.now()
    en.save(update_fields=["status", "intake", "handled_by", "handled_at"])
    _reads_move_to_child(en, intake)
    return intake


def _reads_move_to_child(en: ENotification, intake: Intake) -> None:
    """The notification now names a child: the reads of it so far join the child's access
    log (703/2023 § 11), each at its own time, and leave ``ENotificationAccess``. Readers
    lock the notification's row (``selectors._locked``), so none is left behind."""
    reads = ENotificationAccess.objects.filter(enotification=en)
    AccessLog.objects.bulk_create(
        [
            AccessLog(
                at=read.at,
                user_id=read.user_id,
                county_id=en.county_id,  # the reader's county: only its staff read it
                person_id=intake.case.child_id,
                case_id=intake.case_id,
                purpose=read.purpose,
                basis=Basis.INTAKE_REGISTRATION,
            )
            for read in reads
        ]
    )
    reads.delete()


@transaction.atomic
def enotification_reject_spam(*, user: User, enotification: ENotification) -> ENotification:
    """Set aside an obvious spam submission; it stays stored for the record."""
    en = ENotification.objects.select_for_update().get(pk=enotification.pk)
    if en.status != ENotificationStatus.NEW or en.county_id != user.county_id:
        raise ValidationError(_("This notification has already been handled."))
    en.status = ENotificationStatus.REJECTED_SPAM
    en.handled_by = user
    en.handled_at = timezone.now()
    en.save(update_fields=["status", "handled_by", "handled_at"])
    return en
