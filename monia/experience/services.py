"""Writes for the register of experts by experience: entries, tax card notes, assignments,
the expert declining a fee and the payroll export. Each checks its rules before writing
anything and runs in one transaction.

The rules (issue 16): no cost falls on the expert (costs are never negative and are always
reimbursed, also of a cancelled assignment); a fee is taxable pay, so a fee that is not
declined needs the tax card noted for the assignment's year; the expert may decline a fee
until it is exported; an exported assignment's money is locked."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.accounts.models import Role, User
from monia.experience import selectors
from monia.experience.models import (
    Assignment,
    AssignmentKind,
    AssignmentStatus,
    ExpertByExperience,
    PayrollExport,
    TaxCardNote,
)
from monia.notify.models import NotificationKind
from monia.notify.services import notify
from monia.teams.models import County

# What the payroll locks once a month is exported.
MONEY_FIELDS = ("date", "hours", "fee_agreed", "fee_declined", "costs", "status")


def _clean_themes(themes: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for theme in themes:
        t = theme.strip()[:60]
        if t and t.casefold() not in {s.casefold() for s in seen}:
            seen.append(t)
    return seen


def _others(entry: ExpertByExperience | None) -> QuerySet[ExpertByExperience]:
    everyone = ExpertByExperience.objects.all()
    return everyone if entry is None else everyone.exclude(pk=entry.pk)


def _check_entry(county: County, data: dict[str, Any], entry: ExpertByExperience | None) -> None:
    errors: dict[str, str] = {}
    if not str(data.get("pseudonym", "")).strip():
        errors["pseudonym"] = _("Give the pseudonym every page shows.")
    user = data.get("user")
    if user is not None and (user.role != Role.EXPERT_BY_EXPERIENCE or user.county_id != county.pk):
        errors["user"] = _("Choose an account of an expert by experience of the county.")
    elif user is not None and _others(entry).filter(user=user).exists():
        errors["user"] = _("That account already has an entry in the register.")
    taken = _others(entry).filter(
        county=county, pseudonym__iexact=str(data.get("pseudonym", "")).strip()
    )
    if "pseudonym" not in errors and taken.exists():
        errors["pseudonym"] = _("The register already has an expert of that pseudonym.")
    if errors:
        raise ValidationError(errors)


_ENTRY_FIELDS = (
    "user",
    "pseudonym",
    "known_as",
    "real_name",
    "email",
    "phone",
    "training",
    "availability",
    "active",
)


@transaction.atomic
def expert_save(
    *, county: County, data: dict[str, Any], entry: ExpertByExperience | None = None
) -> ExpertByExperience:
    """Add an expert to the county's register, or change their entry."""
    _check_entry(county, data, entry)
    entry = entry or ExpertByExperience(county=county)
    for name in _ENTRY_FIELDS:
        if name in data:
            value = data[name]
            setattr(entry, name, value.strip() if isinstance(value, str) else value)
    entry.themes = _clean_themes(data.get("themes", []))
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError as exc:  # a double submit of the same new entry
        raise ValidationError(
            {"pseudonym": _("The register already has an expert of that pseudonym.")}
        ) from exc
    return entry


@transaction.atomic
def tax_card_note(
    *, user: User, expert: ExpertByExperience, year: int, today: datetime.date | None = None
) -> TaxCardNote:
    """Note that the expert's tax card for ``year`` was received (again: no change)."""
    today = today or timezone.localdate()
    if not today.year - 1 <= year <= today.year + 1:
        raise ValidationError({"year": _("Give this year, last year or next year.")})
    note, _created = TaxCardNote.objects.get_or_create(
        expert=expert, year=year, defaults={"noted_on": today, "noted_by": user}
    )
    return note


def _check_money(expert: ExpertByExperience, data: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    fee = data.get("fee_agreed") or Decimal(0)
    costs = data.get("costs") or Decimal(0)
    if fee < 0:
        errors["fee_agreed"] = _("A fee cannot be negative.")
    if costs < 0:
        errors["costs"] = _(
            "Costs cannot be negative: no cost may fall on the expert. Record what is reimbursed."
        )
    elif costs > 0 and not str(data.get("costs_description", "")).strip():
        errors["costs_description"] = _("Say what the costs are, for example the train ticket.")
    if (data.get("hours") or Decimal(0)) < 0:
        errors["hours"] = _("Hours cannot be negative.")
    day = data.get("date")
    if (
        "fee_agreed" not in errors
        and fee > 0
        and not data.get("fee_declined")
        and day is not None
        and not expert.tax_cards.filter(year=day.year).exists()
    ):
        errors["fee_agreed"] = _(
            "Add the tax card note for %(year)s before agreeing a fee, or record the fee as "
            "declined."
        ) % {"year": day.year}
    return errors


def _check_assignment(
    expert: ExpertByExperience, data: dict[str, Any], assignment: Assignment | None
) -> None:
    errors = _check_money(expert, data)
    if data.get("kind") not in AssignmentKind.values:
        errors["kind"] = _("Choose the kind of assignment.")
    if not str(data.get("title", "")).strip():
        errors["title"] = _("Name the assignment.")
    if data.get("status", AssignmentStatus.AGREED) not in AssignmentStatus.values:
        errors["status"] = _("Choose the status.")
    worker = data.get("worker")
    if (
        worker is not None
        and not selectors.pair_workers(expert.county_id).filter(pk=worker.pk).exists()
    ):
        errors["worker"] = _("Choose a worker of the county.")
    if assignment is not None and assignment.paid_month is not None:
        changed = [f for f in MONEY_FIELDS if f in data and data[f] != getattr(assignment, f)]
        if changed:
            errors["__all__"] = _(
                "This assignment was exported for payroll in %(month)s: its date, hours, fee, "
                "costs and status can no longer change. Record a correction as a new "
                "assignment."
            ) % {"month": assignment.paid_month.strftime("%m/%Y")}
    if errors:
        raise ValidationError(errors)


_ASSIGNMENT_FIELDS = (
    "kind",
    "title",
    "date",
    "hours",
    "worker",
    "fee_agreed",
    "fee_declined",
    "costs",
    "costs_description",
    "status",
)


@transaction.atomic
def assignment_save(
    *,
    user: User,
    expert: ExpertByExperience,
    data: dict[str, Any],
    assignment: Assignment | None = None,
) -> Assignment:
    """Record an assignment with its agreed fee and costs, or change it."""
    _check_assignment(expert, data, assignment)
    before = None if assignment is None else (assignment.date, assignment.status)
    assignment = assignment or Assignment(expert=expert, created_by=user)
    for name in _ASSIGNMENT_FIELDS:
        if name in data:
            value = data[name]
            if name in ("hours", "fee_agreed", "costs") and value is None:
                value = Decimal(0)
            setattr(assignment, name, value.strip() if isinstance(value, str) else value)
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError as exc:  # the same assignment twice (a double submit)
        raise ValidationError(
            {"title": _("The expert already has this assignment on that day.")}
        ) from exc
    _tell_the_expert(assignment, before)
    return assignment


def _tell_the_expert(assignment: Assignment, before: tuple[datetime.date, str] | None) -> None:
    """The expert learns of a new assignment, and of its day moved or its cancellation, on
    "My assignments" and by a content-free e-mail (on commit). An expert with no account
    (known to the coordinator only) is told by the coordinator."""
    account = assignment.expert.user
    if account is None:
        return
    if before is None:
        message = gettext_noop("You have a new assignment as an expert by experience")
    elif before[0] != assignment.date or (
        before[1] != assignment.status and assignment.status == AssignmentStatus.CANCELLED
    ):
        message = gettext_noop("An assignment of yours was moved or cancelled")
    else:
        return
    notify(
        users=[account],
        kind=NotificationKind.TASK,
        message=message,
        link=reverse("experience_mine"),
    )


@transaction.atomic
def fee_decline(*, user: User, assignment: Assignment) -> Assignment:
    """The expert declines the fee of their own assignment (costs are still paid)."""
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if locked.expert.user_id != user.pk:
        raise ValidationError(_("Only the expert may decline their fee."))
    if locked.paid_month is not None:
        raise ValidationError(_("The fee was already exported for payroll: ask the coordinator."))
    if not locked.fee_declined:
        locked.fee_declined = True
        locked.save(update_fields=["fee_declined"])
    return locked


@transaction.atomic
def payroll_export(*, user: User, county_id: int, month: datetime.date) -> list[Assignment]:
    """The month's fees and costs for payroll. The first export marks the rows with the
    month; exporting the month again gives the same rows. Logs who exported."""
    month = selectors.month_start(month)
    if month > selectors.month_start(timezone.localdate()):
        raise ValidationError({"month": _("A month still to come cannot be exported.")})
    # One export at a time per county: the marking and the rows stay together.
    County.objects.select_for_update().filter(pk=county_id).first()
    rows = list(selectors.payroll_rows(county_id, month))
    Assignment.objects.filter(pk__in=[r.pk for r in rows], paid_month__isnull=True).update(
        paid_month=month
    )
    for row in rows:
        row.paid_month = month
    PayrollExport.objects.create(county_id=county_id, month=month, exported_by=user, rows=len(rows))
    return rows
