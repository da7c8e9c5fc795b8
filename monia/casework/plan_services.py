"""Writes for the client plan (asiakassuunnitelma, LsL 30 §).

Drafts may be saved with items missing — a half-written plan is never lost —
but approval needs every item the law requires. Two workers editing one plan
never silently overwrite each other: each save carries the version the user
started from, and a stale version is refused.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from monia import deadlines
from monia.accounts.models import User
from monia.casework.models import (
    PLACEMENT_KINDS,
    Case,
    CaseStage,
    ClientPlan,
    EventKind,
    PlanStatus,
)
from monia.casework.services import event_write, today
from monia.ui.errors import stale_save_message

PLAN_TEXT_FIELDS = (
    "service_needs",
    "circumstances",
    "services",
    "goal_time_estimate",
    "differing_views",
    "child_meetings",
    "placement_goals",
    "special_support",
    "health_and_education",
    "contact_arrangements",
    "information_sharing",
)
PLAN_FIELDS = (
    *PLAN_TEXT_FIELDS,
    "no_differing_views",
    "child_meeting_interval_weeks",
    "review_due",
)
# LsL 30 § 1 mom: items every plan must cover.
REQUIRED_ITEMS = (
    "service_needs",
    "circumstances",
    "services",
    "goal_time_estimate",
    "child_meetings",
)
# LsL 30 § 2 mom: further items for a placed child.
PLACED_CHILD_ITEMS = (
    "placement_goals",
    "special_support",
    "health_and_education",
    "contact_arrangements",
    "information_sharing",
)


class PlanConflict(ValidationError):
    """Somebody else saved the plan after this user opened it."""


CONFLICT_MESSAGE = gettext_lazy(
    "Someone else saved this plan while you were editing it. Your text is kept below; "
    "compare it with the saved version and save again."
)
# The last save was the worker's own: another window, or this form sent again after "Back"
# (the page said someone else had saved it).
OWN_CONFLICT_MESSAGE = gettext_lazy(
    "You saved this plan again after this page was opened: in another window, or the form "
    "was sent twice. Your text is kept below; compare it with the saved version and save again."
)


def child_is_placed(case: Case, on: datetime.date) -> bool:
    return (
        case.measures.filter(kind__in=PLACEMENT_KINDS, started_on__lte=on)
        .exclude(ended_on__lt=on)
        .exists()
        or case.measures.filter(kind="care_order", ended_on__isnull=True).exists()
    )


def plan_missing_items(plan: ClientPlan, *, placed: bool) -> dict[str, str]:
    """The LsL 30 § items still missing, as field → message."""
    missing: dict[str, str] = {}
    for field in REQUIRED_ITEMS + (PLACED_CHILD_ITEMS if placed else ()):
        if not getattr(plan, field).strip():
            label = getattr(ClientPlan._meta.get_field(field), "verbose_name", field)
            missing[field] = _("Required in the client plan: %(item)s.") % {"item": label}
    if not plan.differing_views.strip() and not plan.no_differing_views:
        missing["differing_views"] = _(
            "Record the parties' differing views, or tick that there are none."
        )
    if plan.child_meeting_interval_weeks is None:
        missing["child_meeting_interval_weeks"] = _("Record how often the worker meets the child.")
    return missing


def _draft_for_update(case: Case, user: User) -> ClientPlan:
    draft = (
        ClientPlan.objects.select_for_update().filter(case=case, status=PlanStatus.DRAFT).first()
    )
    if draft is not None:
        return draft
    approved = ClientPlan.objects.filter(case=case, status=PlanStatus.APPROVED).first()
    draft = ClientPlan(case=case, updated_by=user)
    if approved is not None:  # a review starts from the plan in force
        for field in PLAN_FIELDS:
            setattr(draft, field, getattr(approved, field))
        draft.review_due = None
    draft.lock_version = 0
    return draft


class PlanNotApproved(ValidationError):
    """Approval failed validation; the draft was saved all the same (``plan``)."""

    def __init__(self, errors: ValidationError, *, plan: ClientPlan) -> None:
        super().__init__(errors.error_dict if hasattr(errors, "error_dict") else errors.messages)
        self.plan = plan


def plan_save(
    *, user: User, case: Case, data: dict[str, Any], lock_version: int, approve: bool = False
) -> ClientPlan:
    """Save the draft, and approve it when asked and complete.

    Every submit keeps the text: when approval fails validation, the draft is saved as it
    was typed and ``PlanNotApproved`` (with the saved draft) carries the errors. A stale
    ``lock_version`` saves nothing (``PlanConflict``).
    """
    if not approve:
        return _plan_write(user=user, case=case, data=data, lock_version=lock_version)
    try:
        return _plan_write(user=user, case=case, data=data, lock_version=lock_version, approve=True)
    except PlanConflict:
        raise
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):  # not about the plan's items: nothing to keep
            raise
        draft = _plan_write(user=user, case=case, data=data, lock_version=lock_version)
        raise PlanNotApproved(exc, plan=draft) from exc


@transaction.atomic
def _plan_write(
    *, user: User, case: Case, data: dict[str, Any], lock_version: int, approve: bool = False
) -> ClientPlan:
    """Save the draft, and approve it when asked; all or nothing."""
    if case.stage != CaseStage.CLIENT:
        raise ValidationError(_("A client plan is made for a child welfare client."))
    plan = _draft_for_update(case, user)
    if plan.lock_version != lock_version:
        raise PlanConflict(
            stale_save_message(
                saved_last_by=plan.updated_by_id,
                user_id=user.pk,
                own=OWN_CONFLICT_MESSAGE,
                other=CONFLICT_MESSAGE,
            )
        )
    for field in PLAN_FIELDS:
        if field in data:
            value = data[field]
            setattr(plan, field, value.strip() if isinstance(value, str) else value)
    errors: dict[str, str] = {}
    if approve:
        errors.update(plan_missing_items(plan, placed=child_is_placed(case, today())))
        latest = deadlines.client_plan_review_due_latest(today())
        if plan.review_due is None:
            errors["review_due"] = _("Set the next review date (at least once a year).")
        elif not today() <= plan.review_due <= latest:
            errors["review_due"] = _(
                "The plan is reviewed at least once a year: choose a date by %(latest)s."
            ) % {"latest": date_format(latest, "j.n.Y")}
    if errors:
        raise ValidationError(errors)

    plan.lock_version += 1
    plan.updated_by = user
    if approve:
        ClientPlan.objects.filter(case=case, status=PlanStatus.APPROVED).update(
            status=PlanStatus.SUPERSEDED
        )
        plan.status = PlanStatus.APPROVED
        plan.approved_on = today()
        plan.approved_by = user
    plan.save()
    event_write(
        case=case, kind=EventKind.PLAN_APPROVED if approve else EventKind.PLAN_SAVED, actor=user
    )
    return plan
