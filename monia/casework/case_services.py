"""Writes on the case itself, and what every casework write shares.

Shared: the chronology row (``event_write``), the submission lock that makes a double
click record one thing, and the date checks. The case's own writes: closing it when
nothing is pending, the designated worker (LsL 13 b §) and the client relationship. The
child's family is written in ``family_services``.

Every function runs in one transaction that also writes the chronology row, and
raises ``ValidationError`` (field → translated message) before touching anything
when the input is wrong, so nothing is ever half-saved.
"""

from __future__ import annotations

import datetime
import uuid
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from monia import deadlines
from monia.accounts.models import User
from monia.casework.models import (
    Case,
    CaseStage,
    ChronologyEvent,
    ClientNote,
    ClientRelationship,
    DesignatedWorkerAssignment,
    EventKind,
    MeasureKind,
)
from monia.people.models import Person

# A receipt time a little ahead of the server clock is a clock skew, not the future.
CLOCK_SKEW = datetime.timedelta(minutes=5)


M = TypeVar("M", bound=models.Model)


def today() -> datetime.date:
    return timezone.localdate()


def submission_lock(key: uuid.UUID | None) -> None:
    """Serialise repeats of one form submission, so a double click records one thing.

    Must run inside the caller's transaction; the lock is released at its end.
    """
    if key is not None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key.int & 0x7FFF_FFFF_FFFF_FFFF])


def submission_saved(rows: QuerySet[M], key: uuid.UUID | None) -> M | None:
    """What one form session saved already, found under the lock of its key
    (``submission_lock``), for a form that nobody known sends (the public e-notification).
    A signed-in sender's form uses ``sent_before``. ``rows``: where the caller's form saves
    (e.g. one case's letters); a key saved elsewhere (another case's) is refused, not left
    to the table's unique key. Inside the caller's transaction."""
    submission_lock(key)
    if key is None:
        return None
    saved = rows.model._base_manager.filter(submission_key=key).first()
    if saved is not None and not rows.filter(pk=saved.pk).exists():
        raise ValidationError(_("This form was sent already. Open a new form."))
    return saved


def sent_before(
    rows: QuerySet[M], key: uuid.UUID | None, *, owner: str, user: User | Person
) -> M | None:
    """What one form session saved already (a double click, "Back" and send), found under
    the lock of its key (``submission_lock``): the caller answers with it instead of saving
    again. A key first sent by someone else is refused. ``owner``: the saved row's field of
    its sender's id, ``user`` the sender (a client of a peer group writes as their person
    row). Inside the caller's transaction."""
    saved = submission_saved(rows, key)
    if saved is not None and getattr(saved, owner) != user.pk:
        raise ValidationError(_("This form was sent already. Open a new form."))
    return saved


def moment(
    on: datetime.date | None, *, not_before: datetime.datetime | None = None
) -> datetime.datetime:
    """When a dated step happened, for the chronology: now for today, else noon that day
    (Helsinki) — never before the step it follows (``not_before``)."""
    if on is None or on >= today():
        at = timezone.now()
    else:
        at = datetime.datetime.combine(on, datetime.time(12), tzinfo=deadlines.HELSINKI)
    return max(at, not_before) if not_before is not None else at


def event_write(
    *,
    case: Case,
    kind: str,
    actor: User | None,
    detail: str = "",
    occurred_at: datetime.datetime | None = None,
    client_note: ClientNote | None = None,
) -> ChronologyEvent:
    return ChronologyEvent.objects.create(
        case=case,
        kind=kind,
        actor=actor,
        detail=detail,
        occurred_at=occurred_at or timezone.now(),
        client_note=client_note,
    )


def _check_date(
    errors: dict[str, str],
    field: str,
    value: datetime.date | None,
    *,
    not_before: datetime.date | None = None,
    before_message: str = "",
) -> None:
    if value is None:
        return
    if value > today():
        errors[field] = _("The date cannot be in the future.")
    elif not_before is not None and value < not_before:
        errors[field] = before_message


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def _pending_work(case: Case) -> bool:
    return (
        case.intakes.filter(decision="").exists()
        or case.assessments.filter(completed_on__isnull=True).exists()
        or case.client_relationships.filter(closed_on__isnull=True).exists()
    )


def _close_if_done(case: Case, user: User, *, on: datetime.date) -> None:
    """Close the case when nothing is pending; the designated worker's assignment ends too."""
    if not _pending_work(case):
        at = moment(on, not_before=case.opened_at)
        case.stage = CaseStage.CLOSED
        case.closed_at = at
        case.save(update_fields=["stage", "closed_at"])
        DesignatedWorkerAssignment.objects.filter(case=case, ended_on__isnull=True).update(
            ended_on=on
        )
        event_write(case=case, kind=EventKind.CASE_CLOSED, actor=user, occurred_at=at)


def _open_client_relationship(*, case: Case, user: User, on: datetime.date) -> None:
    if case.client_relationships.filter(closed_on__isnull=True).exists():
        return
    ClientRelationship.objects.create(case=case, opened_on=on)
    case.stage = CaseStage.CLIENT
    case.save(update_fields=["stage"])
    # Never before the notification that opened the case (a night's emergency placement).
    at = moment(on, not_before=case.opened_at)
    event_write(case=case, kind=EventKind.CLIENT_OPENED, actor=user, occurred_at=at)


@transaction.atomic
def designated_worker_assign(*, user: User, case: Case, worker: User, on: datetime.date) -> Case:
    """Name the social worker who owns the case: responsible for it from the intake on, the
    child's designated social worker once a client (LsL 13 b §); the history stays."""
    if case.stage == CaseStage.CLOSED:
        raise ValidationError({"worker": _("The case is closed.")})
    if not worker.is_qualified_social_worker or worker.county_id != case.county_id:
        raise ValidationError(
            {"worker": _("The designated worker must be a qualified social worker of the county.")}
        )
    DesignatedWorkerAssignment.objects.filter(case=case, ended_on__isnull=True).update(ended_on=on)
    DesignatedWorkerAssignment.objects.create(case=case, worker=worker, started_on=on)
    case.designated_worker = worker
    case.save(update_fields=["designated_worker"])
    event_write(
        case=case,
        kind=EventKind.WORKER_ASSIGNED,
        actor=user,
        detail=worker.display_name,
        occurred_at=moment(on),
    )
    return case


@transaction.atomic
def client_relationship_close(*, user: User, case: Case, closed_on: datetime.date) -> Case:
    relationship = case.client_relationships.filter(closed_on__isnull=True).first()
    if relationship is None:
        raise ValidationError(_("The child is not a client now."))
    if case.measures.filter(ended_on__isnull=True).exclude(kind=MeasureKind.AFTERCARE).exists():
        raise ValidationError(_("End the ongoing measures first."))
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "closed_on",
        closed_on,
        not_before=relationship.opened_on,
        before_message=_("The client relationship cannot close before it opened."),
    )
    _raise(errors)
    relationship.closed_on = closed_on
    relationship.save(update_fields=["closed_on"])
    DesignatedWorkerAssignment.objects.filter(case=case, ended_on__isnull=True).update(
        ended_on=closed_on
    )
    event_write(case=case, kind=EventKind.CLIENT_CLOSED, actor=user, occurred_at=moment(closed_on))
    _close_if_done(case, user, on=closed_on)
    return case
