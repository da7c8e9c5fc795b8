"""Serving a signed decision to a party (tiedoksianto, HL 59 §; 19 § of the Act on
electronic services): by letter it is deemed received on the 7th day after sending,
electronically on the 3rd, in person the same day; the 30-day period for an appeal or a
request for correction runs from then (HL 49 c §, LsL 90 §), moved to the next working
day when it ends on a weekend or holiday (150/1930). The dates: ``monia.deadlines``."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from monia import deadlines
from monia.accounts.models import User
from monia.casework.case_services import event_write, moment, sent_before, today
from monia.casework.models import EventKind
from monia.decisions.models import Decision, DecisionParty, DecisionService, ServiceChannel


def _served_on(sent_on: datetime.date, channel: str) -> datetime.date:
    if channel == ServiceChannel.IN_PERSON:
        return sent_on
    return deadlines.served_on(sent_on, channel)


@transaction.atomic
def decision_serve(
    *,
    user: User,
    decision: Decision,
    party: DecisionParty,
    channel: str,
    sent_on: datetime.date,
    submission_key: uuid.UUID | None = None,
) -> DecisionService:
    """Record that the decision was sent or handed to one party; the chronology names
    them. Safe to repeat with the same submission key."""
    existing = sent_before(
        DecisionService.objects.all(), submission_key, owner="recorded_by_id", user=user
    )
    if existing is not None:
        return existing
    decision = Decision.objects.select_related("case").get(pk=decision.pk)
    errors: dict[str, str] = {}
    if decision.state != "signed":
        errors["__all__"] = _("Only a signed decision is served.")
    if party.decision_id != decision.pk:
        errors["party"] = _("Choose a party of this decision.")
    if channel not in ServiceChannel.values:
        errors["channel"] = _("Choose how the decision was served.")
    if sent_on > today():
        errors["sent_on"] = _("The date cannot be in the future.")
    elif decision.decided_on is not None and sent_on < decision.decided_on:
        errors["sent_on"] = _("The decision cannot be sent before the date of the decision.")
    if errors:
        raise ValidationError(errors)
    served_on = _served_on(sent_on, channel)
    service = DecisionService.objects.create(
        decision=decision,
        party=party,
        channel=channel,
        sent_on=sent_on,
        served_on=served_on,
        appeal_ends=deadlines.appeal_ends(served_on),
        recorded_by=user,
        submission_key=submission_key,
    )
    event_write(
        case=decision.case,
        kind=EventKind.DECISION_SERVED,
        actor=user,
        detail=f"{decision.number}: {party.person.full_name}",
        occurred_at=moment(sent_on, not_before=decision.signed_at),
    )
    return service
