"""Reads for electronic child welfare notifications.

Who may read them is the staff rule ``policy.may_record_intake``, within the user's own
county; everyone else gets 404, as for a missing notification.

Every read of a notification's content is logged in the same transaction. While the
notification is not linked to a child (no ``Intake`` yet), the child is only text typed
by the notifier, so the read goes to ``ENotificationAccess``; the conversion into an
intake moves those rows into the child's ``AccessLog`` (``services.enotification_convert``),
and reads after it are written there directly, so the child's "who has seen my data"
shows them all (703/2023 § 11).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q, QuerySet

from monia import deadlines
from monia.access import policy
from monia.access.log_writes import Read, reads_log
from monia.access.models import Basis
from monia.access.purposes import Purpose, purpose_checked
from monia.accounts.models import User
from monia.casework.models import Intake
from monia.enotify import gate
from monia.enotify.models import ENotification, ENotificationAccess, ENotificationStatus

QUEUE_LIMIT = 200


def _county_of(user: User) -> int | None:
    """The county whose notifications the user may read under the staff rule, or None."""
    return user.county_id if policy.may_record_intake(user) else None


def _county_or_404(user: User) -> int:
    county_id = _county_of(user)
    if county_id is None:
        raise policy.NotFound
    return county_id


def send_counts(*, ip_hash: str, form_session: str, now: datetime.datetime) -> gate.Counts:
    """How many notifications this address sent in the last hour and day, and how many
    this form session sent (``enotify.gate``): one query."""
    hour_ago = now - datetime.timedelta(hours=1)
    from_address = Q(ip_hash=ip_hash, received_at__gte=now - datetime.timedelta(days=1))
    rows = ENotification.objects.filter(from_address)
    aggregates = {
        "day": Count("pk", filter=from_address),
        "hour": Count("pk", filter=from_address & Q(received_at__gte=hour_ago)),
    }
    if form_session:
        with_session = Q(form_session=form_session)
        rows = ENotification.objects.filter(from_address | with_session)
        aggregates["session"] = Count("pk", filter=with_session)
    counts = rows.aggregate(**aggregates)
    return gate.Counts(
        address_hour=counts["hour"], address_day=counts["day"], session=counts.get("session", 0)
    )


def enotifications_waiting_count(user: User) -> int:
    """New notifications of the user's county: one COUNT query (0 queries if not allowed)."""
    county_id = _county_of(user)
    if county_id is None:
        return 0
    return ENotification.objects.filter(county_id=county_id, status=ENotificationStatus.NEW).count()


@dataclass(frozen=True)
class QueueRow:
    enotification: ENotification
    decision_due: datetime.date
    overdue: bool


def _locked(user: User) -> QuerySet[ENotification]:
    """The user's county's notifications, each row locked until the read is logged: a
    conversion running at the same time waits, so no read lands in ENotificationAccess
    after the conversion has moved that notification's reads to the child."""
    return ENotification.objects.select_for_update(of=("self",), no_key=True).filter(
        county_id=_county_or_404(user)
    )


def _attach_intakes(items: list[ENotification]) -> None:
    """Load the intakes (with their case) of the linked notifications: one query, or none."""
    ids = {en.intake_id for en in items if en.intake_id is not None}
    if ids:
        intakes = Intake.objects.select_related("case").in_bulk(ids)
        for en in items:
            if en.intake_id is not None:
                en.intake = intakes[en.intake_id]


def _log(user: User, items: list[ENotification], *, purpose: str) -> None:
    """Log the read of each notification: against the child once it is linked to one."""
    purpose = purpose_checked(purpose)
    ENotificationAccess.objects.bulk_create(
        [
            ENotificationAccess(user=user, enotification=en, purpose=purpose)
            for en in items
            if en.intake is None
        ]
    )
    reads_log(
        user_id=user.pk,
        county_id=_county_or_404(user),  # the reader's own: the rule allows no other
        purpose=purpose,
        reads=[
            Read(en.intake.case.child_id, en.intake.case_id, Basis.INTAKE_REGISTRATION)
            for en in items
            if en.intake is not None
        ],
    )


def enotification_queue_for_user(
    user: User, *, today: datetime.date, purpose: str = Purpose.ENOTIFY_QUEUE
) -> list[QueueRow]:
    """The county's new notifications, oldest first, with the 7-working-day decision due
    date (LsL 26 § 3 mom) counted from receipt; the read is logged."""
    with transaction.atomic():
        items = list(
            _locked(user)
            .filter(status=ENotificationStatus.NEW)
            .order_by("received_at")[:QUEUE_LIMIT]
        )
        _attach_intakes(items)
        _log(user, items, purpose=purpose)
    rows = []
    for en in items:
        due = deadlines.assessment_decision_due(en.received_at)
        rows.append(QueueRow(enotification=en, decision_due=due, overdue=due < today))
    return rows


def enotification_get_for_user(user: User, enotification_id: int, *, purpose: str) -> ENotification:
    """One notification of the user's county, the read logged; 404 for missing or other
    counties alike."""
    with transaction.atomic():
        en = _locked(user).select_related("county").filter(pk=enotification_id).first()
        if en is None:
            raise policy.NotFound
        _attach_intakes([en])
        _log(user, [en], purpose=purpose)
    return en
