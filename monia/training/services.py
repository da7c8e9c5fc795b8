"""Writes of the training records: checked first, then written in one transaction."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.training import access, selectors
from monia.training.models import CATALOGUE, HOURS_MAX, Track, TrainingModule, TrainingRecord


def _check(
    *, recorder: User, member_id: int, module_id: int, completed_on: datetime.date, hours: Decimal
) -> tuple[User, TrainingModule]:
    if not access.may_oversee(recorder) or recorder.county_id is None:
        raise ValidationError({"member": _("You may not record training.")})
    county_id: int = recorder.county_id
    member = next((u for u in selectors.staff_choices(county_id) if u.pk == member_id), None)
    if member is None:
        raise ValidationError({"member": _("Choose a member of the county's staff.")})
    module = next((m for m in selectors.modules_for(county_id) if m.pk == module_id), None)
    if module is None:
        raise ValidationError({"module": _("Choose a module of the list.")})
    if completed_on > timezone.localdate():
        raise ValidationError({"completed_on": _("The day of completion cannot be in the future.")})
    if not Decimal(0) < hours <= HOURS_MAX:
        raise ValidationError({"hours": _("Give the hours as a number from 0.5 to 999.")})
    if TrainingRecord.objects.filter(
        user=member, module=module, completed_on=completed_on
    ).exists():
        raise ValidationError({"module": _("This completion is already recorded.")})
    return member, module


def training_record(
    *,
    recorder: User,
    member_id: int,
    module_id: int,
    completed_on: datetime.date,
    hours: Decimal,
    provider: str = "",
) -> TrainingRecord:
    """Record that a member of staff completed a module (the county's development
    coordinator or senior official). A second submission of the same completion is refused
    by the check and, in a race, by the database's unique constraint."""
    member, module = _check(
        recorder=recorder,
        member_id=member_id,
        module_id=module_id,
        completed_on=completed_on,
        hours=hours,
    )
    try:
        with transaction.atomic():
            return TrainingRecord.objects.create(
                user=member,
                module=module,
                completed_on=completed_on,
                hours=hours,
                provider=provider.strip(),
                recorded_by=recorder,
            )
    except IntegrityError as exc:
        raise ValidationError({"module": _("This completion is already recorded.")}) from exc


@transaction.atomic
def catalogue_ensure() -> None:
    """The shared catalogue (models.CATALOGUE), as migration 0002 seeded it: for the demo
    and the tests, which may run after a test database's flush emptied every table."""
    for code, name, track, hours in CATALOGUE:
        TrainingModule.objects.get_or_create(
            county=None,
            code=code,
            defaults={"name": name, "track": track, "nominal_hours": hours},
        )


def module_add(*, recorder: User, name: str, track: str, nominal_hours: int) -> TrainingModule:
    """A module of the county's own (e.g. a local refresher), beside the shared catalogue:
    the county's development coordinator or senior official."""
    name = (name or "").strip()
    if not access.may_oversee(recorder) or recorder.county_id is None:
        raise ValidationError({"name": _("You may not add modules.")})
    if not name:
        raise ValidationError({"name": _("Give the module a name.")})
    if track not in Track.values:
        raise ValidationError({"track": _("Choose what the module trains for.")})
    if not 0 < nominal_hours <= HOURS_MAX:
        raise ValidationError({"nominal_hours": _("Give the hours as a number from 1 to 999.")})
    code = slugify(name)[:40] or "module"
    taken = TrainingModule.objects.filter(county_id=recorder.county_id)
    if taken.filter(Q(code=code) | Q(name__iexact=name)).exists():
        raise ValidationError({"name": _("The county already has a module of this name.")})
    try:
        with transaction.atomic():
            return TrainingModule.objects.create(
                county_id=recorder.county_id,
                code=code,
                name=name,
                track=track,
                nominal_hours=nominal_hours,
            )
    except IntegrityError as exc:
        raise ValidationError({"name": _("The county already has a module of this name.")}) from exc
