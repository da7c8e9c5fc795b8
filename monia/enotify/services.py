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
from django.utils.translation import ngettext

from monia.access.log_writes import Read, reads_log
from monia.access.models import Basis
from monia.accounts.models import User
from monia.attachments import services as attachment_services
from monia.attachments.models import OwnerKind
from monia.casework import services as casework_services
from monia.casework.case_services import submission_saved
from monia.casework.models import Channel, FamilyInformed, Intake, NotifierType
from monia.casework.notifier import IDENTITY_FIELDS, notifier_errors
from monia.enotify import gate, selectors
from monia.enotify.models import (
    APPROXIMATE_AGE_MAX,
    CONTENT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    ENotification,
    ENotificationAccess,
    ENotificationKind,
    ENotificationStatus,
)
from monia.people.models import Person
from monia.people.services import identity_checked
from monia.teams.models import County

# No 0/O or 1/I/L: a reference is read aloud on the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_SUFFIX_LENGTH = 6  # 31**6 ≈ 10**9: the running number alone cannot be enumerated
# Namespace of the per-sender advisory lock (pg_advisory_xact_lock(int, int)).
RATE_LOCK_NAMESPACE = 0x454E  # "EN"
SESSION_LOCK_NAMESPACE = 0x4553  # "ES": one form session's submissions
# Intake keys derived from the e-notification's id, never from the client's key.
INTAKE_KEY_NAMESPACE = uuid.UUID("6f1d7c2e-3b7a-4f55-9a43-6a2f0b6c9e11")

OBLIGATED_ONLY = (ENotificationKind.REQUEST_WITH_FAMILY, ENotificationKind.PRE_BIRTH)


class RateLimited(Exception):
    """Far more notifications from one address or one form than any workplace sends
    (``gate.decide``): answered with 429 and the filled form, never a lost text."""


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


def _child_told(data: dict[str, Any]) -> bool:
    """Whether the notifier said who the child is: a name or an identity code, or — for a
    child they cannot name — where the child lives or was seen, or a description."""
    told = ("child_first_names", "child_last_name", "child_identity_code")
    described = ("child_address", "child_description")
    return any(str(data.get(f) or "").strip() for f in (*told, *described)) or bool(
        data.get("child_birth_date")
    )


def _validate_description(data: dict[str, Any], errors: dict[str, str]) -> None:
    age = data.get("child_approximate_age")
    if age is not None and not 0 <= age <= APPROXIMATE_AGE_MAX:
        errors["child_approximate_age"] = _(
            "A child is under 18: give an age from 0 to 17, or leave it empty."
        )
    if len(str(data.get("child_description") or "").strip()) > DESCRIPTION_MAX_LENGTH:
        errors["child_description"] = _(
            "Shorten the description to at most %(max)d characters."
        ) % {"max": DESCRIPTION_MAX_LENGTH}


def _validate_child(data: dict[str, Any], errors: dict[str, str], today: datetime.date) -> None:
    """The child's data as far as the notifier knows it; an identity code must be valid.
    A child who cannot be named is described instead (LsL 25 §: a notification is made
    whatever the notifier knows)."""
    _validate_description(data, errors)
    if data["kind"] == ENotificationKind.PRE_BIRTH:
        data["child_approximate_age"] = None
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
    if not _child_told(data):
        errors["child_first_names"] = _(
            "Give the child's name. If you do not know it, describe the child: the "
            "approximate age, where the child lives or was seen, and what the child "
            "looks like."
        )
    _validate_child_identity(data, errors, today)


def _validate_child_identity(
    data: dict[str, Any], errors: dict[str, str], today: datetime.date
) -> None:
    """The register's one check of an identity code and a date of birth
    (``identity_checked``), its messages under the form's ``child_`` field names. The date
    stays as the notifier typed it: the code, when valid, is stored normalised."""
    code = data.get("child_identity_code", "")
    birth = data.get("child_birth_date")
    data["child_identity_code"], _canonical, _birth, checked = identity_checked(
        code, birth, today=today
    )
    errors.update({f"child_{field}": message for field, message in checked.items()})


def _errors(data: dict[str, Any], today: datetime.date) -> dict[str, str]:
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
    return errors


# --- Submission -------------------------------------------------------------


def _form_session_lock(form_session: str) -> None:
    """Serialise one form session's submissions, as ``_sender_lock`` does an address's
    (always taken after it, so two locks never wait on each other in a circle)."""
    if form_session:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)",
                [SESSION_LOCK_NAMESPACE, int(form_session[:7], 16)],
            )


def _gate(
    ip_hash: str, form_session: str | None, answer: gate.Answer, now: datetime.datetime
) -> gate.Gate:
    """The gate's decision for this sender (``gate.decide``), their submissions serialised
    so the counts cannot be raced. ``form_session`` None: not sent through the public form
    (a caller in Monia itself), so there is no form session to check."""
    _sender_lock(ip_hash)
    _form_session_lock(form_session or "")
    counts = selectors.send_counts(ip_hash=ip_hash, form_session=form_session or "", now=now)
    return gate.decide(counts, session_valid=form_session != "", answer=answer)


def _question_error(answer: gate.Answer) -> str:
    if answer is gate.Answer.WRONG:
        return _(
            "The answer was not right. Answer the new question below. Everything you "
            "wrote is still here."
        )
    return _(
        "Before we can receive the notification, answer the question below: it shows "
        "that a person is sending it. Everything you wrote is still here."
    )


@attachment_services.files_atomic()
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
    child_approximate_age: int | None = None,
    child_municipality: str = "",
    child_address: str = "",
    child_description: str = "",
    guardians: str = "",
    family_informed: str = FamilyInformed.UNKNOWN,
    crime_suspected: bool = False,
    form_session: str | None = None,
    answer: gate.Answer = gate.Answer.NOT_ASKED,
    upload: Any = None,
) -> ENotification:
    """Store a notification from the public form; received_at is now (the 7-working-day
    decision of LsL 26 § counts from it).

    Safe to repeat: the same submission key returns the first notification. A busy
    address or a reused form must answer the human question first (``ValidationError``
    on ``challenge_answer``, with the input's own errors); far past any real workload
    ``RateLimited`` is raised. Neither stores anything. ``upload``: one file the notifier
    attached, checked with the rest (its error is shown with the others) and stored with
    the notification or not at all.
    """
    # The notifier is nobody known: no sender to compare (``sent_before`` refuses another's).
    existing = submission_saved(ENotification.objects.all(), submission_key)
    if existing is not None:
        return existing
    now = timezone.now()
    decision = _gate(ip_hash, form_session, answer, now)
    if decision is gate.Gate.REFUSE:
        raise RateLimited
    data = dict(locals())
    for name in ("county", "existing", "now", "decision", "form_session", "answer", "upload"):
        data.pop(name)
    errors = _errors(data, timezone.localdate(now))
    checked = None
    if upload is not None:
        try:
            checked = attachment_services.attachment_check(upload)
        except ValidationError as exc:
            errors.update({field: messages[0] for field, messages in exc.message_dict.items()})
    if decision is gate.Gate.ASK:
        errors["challenge_answer"] = _question_error(answer)
    if errors:
        raise ValidationError(errors)
    number = _next_id()
    fields = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}
    en = ENotification.objects.create(
        id=number,
        county=county,
        reference=reference_for(number, year=timezone.localdate(now).year),
        received_at=now,
        form_session=form_session or "",
        **fields,
    )
    if checked is not None:
        attachment_services.attachment_add(
            checked=checked,
            owner_kind=OwnerKind.ENOTIFICATION,
            county_id=county.pk,
            case_id=None,
            uploaded_by=None,
            now=now,
            enotification=en,
        )
    return en


# --- Handling by staff -----------------------------------------------------------


def _child_as_described(en: ENotification) -> str:
    """The approximate age, address and description of the child, in one line each, so
    the intake keeps what the notifier told of a child they could not name."""
    parts = []
    if en.child_approximate_age is not None:
        age = en.child_approximate_age
        parts.append(ngettext("about %(n)d year old", "about %(n)d years old", age) % {"n": age})
    if en.child_address:
        parts.append(en.child_address)
    if en.child_description:
        parts.append(en.child_description)
    return "; ".join(parts)


def _intake_data(en: ENotification, *, team: Any) -> dict[str, Any]:
    """The intake's fields copied from the e-notification; received_at is the submission
    time, so the decision deadline counts from receipt (LsL 26 § 3 mom)."""
    lines = [en.content]
    described = _child_as_described(en)
    if described:
        lines.append(_("The child as described by the notifier: %(d)s") % {"d": described})
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
    check_similar: bool = False,
) -> Intake:
    """Record the e-notification as an Intake of an existing child or of a child created
    here (channel "electronic"); the team is the county's intake team, else the worker's.
    ``check_similar``: refuse a new child the register likely has already (``SimilarPersons``)
    until the worker confirms. The reads of the notification so far move into the child's
    access log. A repeat returns the same intake."""
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
        intake = casework_services.intake_record_for_new_child(
            user=user, child=new_child, check_similar=check_similar, **data
        )
    else:
        raise ValidationError(_("Find the child or add the child's details."))
    en.status = ENotificationStatus.CONVERTED
    en.intake = intake
    en.handled_by = user
    en.handled_at = timezone.now()
    en.save(update_fields=["status", "intake", "handled_by", "handled_at"])
    _reads_move_to_child(en, intake)
    attachment_services.attachments_join_intake(enotification_id=en.pk, intake=intake)
    return intake


def _reads_move_to_child(en: ENotification, intake: Intake) -> None:
    """The notification now names a child: the reads of it so far join the child's access
    log (703/2023 § 11), each at its own time. They are copied, not moved: both logs are
    append-only (the database refuses to delete their rows), and "who has seen my data"
    reads only the access log, so no read is shown twice. Each read is an event of its own,
    at its own time. Readers lock the notification's
    row (``selectors._locked``), and a notification is converted once, so none is left
    behind or copied twice."""
    reads = ENotificationAccess.objects.filter(enotification=en).order_by("at", "pk")
    for read in reads:
        reads_log(
            at=read.at,
            user_id=read.user_id,
            county_id=en.county_id,  # the reader's county: only its staff read it
            purpose=read.purpose,
            reads=[Read(intake.case.child_id, intake.case_id, Basis.INTAKE_REGISTRATION)],
        )


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
