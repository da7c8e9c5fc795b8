"""Reads for electronic child welfare notifications.

The access rule lives here (not in ``monia.access.policy``, which another change is
editing): ``may_handle_enotifications`` = ``policy.may_record_intake`` — staff of the
county who may record intakes see their own county's notifications, nobody else does.
Candidate for moving into policy.py as ``enotification_get_for_user``.

Reads of notification content write ``ENotificationAccess`` rows in the same
transaction: the child named in a notification is not yet a ``Person``, so
``AccessLog`` (which needs one) cannot record the read.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q

from monia import deadlines
from monia.access import policy
from monia.accounts.models import User
from monia.enotify.models import ENotification, ENotificationAccess, ENotificationStatus

QUEUE_LIMIT = 200


def may_handle_enotifications(user: User) -> bool:
    return policy.may_record_intake(user) and user.county_id is not None


def _county_of(user: User) -> int:
    """The county whose notifications the user handles; 404 for anyone else."""
    if not may_handle_enotifications(user) or user.county_id is None:
        raise policy.NotFound
    return user.county_id


def rate_exceeded(*, ip_hash: str, now: datetime.datetime) -> bool:
    """Whether this sender has reached the hourly or daily limit (one query)."""
    hour_ago = now - datetime.timedelta(hours=1)
    counts = ENotification.objects.filter(
        ip_hash=ip_hash, received_at__gte=now - datetime.timedelta(days=1)
    ).aggregate(day=Count("pk"), hour=Count("pk", filter=Q(received_at__gte=hour_ago)))
    return (
        counts["hour"] >= settings.MONIA_ENOTIFY_RATE_HOUR
        or counts["day"] >= settings.MONIA_ENOTIFY_RATE_DAY
    )


def enotifications_waiting_count(user: User) -> int:
    """New notifications of the user's county: one COUNT query (0 queries if not allowed)."""
    if not may_handle_enotifications(user) or user.county_id is None:
        return 0
    return ENotification.objects.filter(
        county_id=user.county_id, status=ENotificationStatus.NEW
    ).count()


@dataclass(frozen=True)
class QueueRow:
    enotification: ENotification
    decision_due: datetime.date
    overdue: bool


def _log(user: User, items: list[ENotification], *, purpose: str) -> None:
    ENotificationAccess.objects.bulk_create(
        [ENotificationAccess(user=user, enotification=en, purpose=purpose) for en in items]
    )


def enotification_queue_for_user(
    user: User, *, today: datetime.date, purpose: str = "enotify_queue"
) -> list[QueueRow]:
    """The county's new notifications, oldest first, with the 7-working-day decision due
    date (LsL 26 § 3 mom) counted from receipt; the read is logged."""
    county_id = _county_of(user)
    with transaction.atomic():
        items = list(
            ENotification.objects.filter(
                county_id=county_id, status=ENotificationStatus.NEW
            ).order_by("received_at")[:QUEUE_LIMIT]
        )
        _log(user, items, purpose=purpose)
    rows = []
    for en in items:
        due = deadlines.assessment_decision_due(en.received_at)
        rows.append(QueueRow(enotification=en, decision_due=due, overdue=due < today))
    return rows


def enotification_get_for_user(user: User, enotification_id: int, *, purpose: str) -> ENotification:
    """One notification of the user's county, the read logged; 404 for missing or other
    counties alike."""
    county_id = _county_of(user)
    with transaction.atomic():
        en = (
            ENotification.objects.select_related("county", "intake")
            .filter(pk=enotification_id, county_id=county_id)
            .first()
        )
        if en is None:
            raise policy.NotFound
        _log(user, [en], purpose=purpose)
    return en
