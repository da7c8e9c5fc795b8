"""Writes for referrals: create one, record its next step, move the next appointment."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.models import Case, EventKind
from monia.casework.services import event_write
from monia.network.models import STEP_FIELDS, Organisation, Referral, ReferralStep

_ORDER = list(STEP_FIELDS)


def next_steps(referral: Referral) -> list[str]:
    """The steps that may be recorded now: the next one in order, and ending at any time."""
    if referral.ended_at is not None:
        return []
    index = _ORDER.index(referral.state)
    following = _ORDER[index + 1]
    return [following] if following == ReferralStep.ENDED else [following, ReferralStep.ENDED]


@transaction.atomic
def referral_create(
    *,
    user: User,
    case: Case,
    organisation: Organisation,
    service: str,
    need_identified_on: datetime.date,
    referred_at: datetime.datetime,
    contact_person: str = "",
    next_date: datetime.date | None = None,
) -> Referral:
    """Record that the child was referred to a support service. The same referral recorded
    again (the form sent again after "Back", a double click) is returned, not made twice."""
    errors: dict[str, str] = {}
    if organisation.county_id != case.county_id or not organisation.active:
        errors["organisation"] = _("Choose an active organisation of the county's registry.")
    if not service.strip():
        errors["service"] = _("Name the service.")
    if referred_at > timezone.now():
        errors["referred_at"] = _("The time cannot be in the future.")
    if need_identified_on > timezone.localdate(referred_at):
        errors["need_identified_on"] = _("The need must be identified before the referral.")
    if errors:
        raise ValidationError(errors)
    Case.objects.select_for_update().filter(pk=case.pk).first()  # one referral at a time
    same = Referral.objects.filter(
        case=case, organisation=organisation, service=service.strip(), referred_at=referred_at
    ).first()
    if same is not None:
        return same
    referral = Referral.objects.create(
        case=case,
        organisation=organisation,
        service=service.strip(),
        need_identified_on=need_identified_on,
        referred_at=referred_at,
        contact_person=contact_person.strip(),
        next_date=next_date,
        created_by=user,
    )
    event_write(
        case=case,
        kind=EventKind.REFERRAL_MADE,
        actor=user,
        detail=f"{organisation.name}: {referral.service}",
        occurred_at=referred_at,
    )
    return referral


@transaction.atomic
def referral_advance(
    *,
    referral: Referral,
    step: str,
    at: datetime.datetime,
    end_reason: str = "",
    user: User | None = None,
) -> Referral:
    """Record the next step; no skipping, no back-dating, no future times."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if step not in next_steps(referral):
        raise ValidationError({"step": _("That step cannot be recorded now.")})
    previous = getattr(referral, STEP_FIELDS[referral.state])
    if at > timezone.now():
        raise ValidationError({"at": _("The time cannot be in the future.")})
    if at < previous:
        raise ValidationError({"at": _("The time cannot be before the previous step.")})
    if step == ReferralStep.ENDED and not end_reason.strip():
        raise ValidationError({"end_reason": _("Record why the support ended.")})
    setattr(referral, STEP_FIELDS[step], at)
    fields = [STEP_FIELDS[step]]
    if step == ReferralStep.ENDED:
        referral.end_reason = end_reason.strip()
        fields.append("end_reason")
    referral.save(update_fields=fields)
    event_write(
        case=referral.case, kind=EventKind.REFERRAL_STEP, actor=user, detail=step, occurred_at=at
    )
    return referral


@transaction.atomic
def referral_update_next_date(*, referral: Referral, next_date: datetime.date | None) -> Referral:
    """Move (or clear) the next appointment of an open referral."""
    if referral.ended_at is not None:
        raise ValidationError({"next_date": _("The referral has ended.")})
    referral.next_date = next_date
    referral.save(update_fields=["next_date"])
    return referral
