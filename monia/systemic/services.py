"""Writes for the systemic team's workspace. Each runs in one transaction; nothing is
half-saved, and the agenda keeps a gap-free order."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.access import policy
from monia.accounts.models import User
from monia.casework.models import Case, CaseStage
from monia.notify.models import NotificationKind
from monia.notify.services import notify
from monia.systemic import selectors
from monia.systemic.models import (
    AgendaItem,
    AgendaReason,
    CaseFlag,
    Hypothesis,
    HypothesisRevision,
    HypothesisStatus,
    LifeEvent,
    MeetingStatus,
    NextStep,
    Reflection,
    TeamMeeting,
)
from monia.teams.models import Team

REFLECTION_FIELDS = ("worries", "working_well", "family_view", "therapist_action")


class ReflectionConflict(ValidationError):
    """Somebody else saved the reflection after this user opened it."""


def _require_open(meeting: TeamMeeting) -> None:
    if meeting.status == MeetingStatus.CLOSED:
        raise ValidationError(_("The meeting is closed; its record can no longer change."))


@transaction.atomic
def meeting_open(
    *, user: User, team: Team, held_on: datetime.date, today: datetime.date | None = None
) -> TeamMeeting:
    """Open a meeting and put the proposed agenda on it."""
    today = today or timezone.localdate()
    if held_on < today:
        raise ValidationError({"held_on": _("A meeting is opened for today or a later day.")})
    if TeamMeeting.objects.filter(team=team, held_on=held_on).exists():
        raise ValidationError({"held_on": _("The team already has a meeting on that day.")})
    meeting = TeamMeeting.objects.create(team=team, held_on=held_on, opened_by=user)
    proposal = selectors.agenda_proposal(team=team, today=today)
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, case_id=p.case.pk, position=i, reasons=p.reasons)
        for i, p in enumerate(proposal, start=1)
    )
    meeting.attendees.set(User.objects.filter(team=team, is_active=True))
    return meeting


@transaction.atomic
def agenda_add(*, meeting: TeamMeeting, case: Case) -> AgendaItem:
    _require_open(meeting)
    if case.team_id != meeting.team_id or case.stage == CaseStage.CLOSED:
        raise ValidationError({"case": _("Choose an open case of the team.")})
    last = meeting.items.aggregate(m=Max("position"))["m"] or 0
    try:
        with transaction.atomic():
            return AgendaItem.objects.create(
                meeting=meeting, case=case, position=last + 1, reasons=[AgendaReason.ADDED]
            )
    except IntegrityError as exc:
        raise ValidationError({"case": _("The family is already on the agenda.")}) from exc


@transaction.atomic
def agenda_remove(*, item: AgendaItem) -> None:
    item = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    _require_open(item.meeting)
    if hasattr(item, "reflection"):
        raise ValidationError(_("The team has already reflected on this family."))
    meeting, position = item.meeting, item.position
    item.delete()
    meeting.items.filter(position__gt=position).update(position=F("position") - 1)


@transaction.atomic
def agenda_move(*, item: AgendaItem, by: int) -> None:
    """Move an item up (-1) or down (+1) by swapping places with its neighbour."""
    _require_open(item.meeting)
    items = list(item.meeting.items.select_for_update().order_by("position", "pk"))
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    target = index + by
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for position, it in enumerate(items, start=1):
        if it.position != position:
            AgendaItem.objects.filter(pk=it.pk).update(position=position)


@transaction.atomic
def reflection_save(
    *, user: User, item: AgendaItem, data: dict[str, Any], lock_version: int
) -> Reflection:
    """Save the team's reflection on one family; a stale save is refused, not lost."""
    _require_open(item.meeting)
    reflection = Reflection.objects.select_for_update().filter(item=item).first()
    current = reflection.lock_version if reflection else 0
    if lock_version != current:
        raise ReflectionConflict(
            _(
                "Someone else saved this reflection while you were writing. Your text is kept "
                "below; compare and save again."
            )
        )
    if reflection is None:
        reflection = Reflection(item=item, case_id=item.case_id, recorded_by=user, lock_version=0)
    for field in REFLECTION_FIELDS:
        setattr(reflection, field, str(data.get(field, "")).strip())
    reflection.lock_version += 1
    reflection.recorded_by = user
    reflection.save()
    AgendaItem.objects.filter(pk=item.pk).update(discussed=True)
    return reflection


def _revise(hypothesis: Hypothesis, *, user: User, meeting: TeamMeeting | None) -> None:
    HypothesisRevision.objects.create(
        hypothesis=hypothesis,
        meeting=meeting,
        statement=hypothesis.statement,
        supports=hypothesis.supports,
        test=hypothesis.test,
        status=hypothesis.status,
        recorded_by=user,
    )


@transaction.atomic
def hypothesis_add(
    *,
    user: User,
    case: Case,
    statement: str,
    supports: str = "",
    test: str = "",
    meeting: TeamMeeting | None = None,
) -> Hypothesis:
    if not statement.strip():
        raise ValidationError({"statement": _("State the hypothesis.")})
    hypothesis = Hypothesis.objects.create(
        case=case, statement=statement.strip(), supports=supports.strip(), test=test.strip()
    )
    _revise(hypothesis, user=user, meeting=meeting)
    return hypothesis


@transaction.atomic
def hypothesis_update(
    *,
    user: User,
    hypothesis: Hypothesis,
    statement: str,
    supports: str,
    test: str,
    status: str,
    meeting: TeamMeeting | None = None,
) -> Hypothesis:
    """Revise a hypothesis; the earlier wording and status stay in its history."""
    if not statement.strip():
        raise ValidationError({"statement": _("State the hypothesis.")})
    if status not in HypothesisStatus.values:
        raise ValidationError({"status": _("Choose the status.")})
    hypothesis.statement, hypothesis.supports = statement.strip(), supports.strip()
    hypothesis.test, hypothesis.status = test.strip(), status
    hypothesis.save()
    _revise(hypothesis, user=user, meeting=meeting)
    return hypothesis


@transaction.atomic
def next_step_add(
    *,
    user: User,
    case: Case,
    description: str,
    owner: User,
    due_on: datetime.date,
    meeting: TeamMeeting | None = None,
) -> NextStep:
    errors: dict[str, str] = {}
    if not description.strip():
        errors["description"] = _("Describe the next step.")
    if not owner.is_active or policy.case_basis(owner, case) is None:
        errors["owner"] = _("The owner must be someone who works on this family's case.")
    if due_on < timezone.localdate():
        errors["due_on"] = _("The due date cannot be in the past.")
    if errors:
        raise ValidationError(errors)
    step = NextStep.objects.create(
        case=case,
        meeting=meeting,
        description=description.strip(),
        owner=owner,
        due_on=due_on,
        created_by=user,
    )
    notify(
        users=[owner],
        kind=NotificationKind.TASK,
        message=gettext_noop("You have a new task"),
        link=reverse("dashboard") + "#tasks-h",
    )
    return step


@transaction.atomic
def next_step_done(*, user: User, step: NextStep) -> NextStep:
    if step.done_on is None:
        step.done_on = timezone.localdate()
        step.save(update_fields=["done_on"])
    return step


@transaction.atomic
def flag_raise(*, user: User, case: Case, reason: str) -> CaseFlag:
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the team should reflect on this family.")})
    try:
        with transaction.atomic():
            return CaseFlag.objects.create(case=case, raised_by=user, reason=reason.strip())
    except IntegrityError as exc:
        raise ValidationError({"reason": _("You have already flagged this family.")}) from exc


@transaction.atomic
def meeting_close(*, user: User, meeting: TeamMeeting) -> TeamMeeting:
    """Close the meeting: flags of the families discussed are resolved, and their genogram
    and ecomap are kept as they stood, for the history."""
    from monia.systemic.diagram_services import diagram_snapshots_for_meeting

    _require_open(meeting)
    discussed = meeting.items.filter(discussed=True).values("case_id")
    CaseFlag.objects.filter(case_id__in=discussed, resolved_in__isnull=True).update(
        resolved_in=meeting
    )
    meeting.status = MeetingStatus.CLOSED
    meeting.closed_at = timezone.now()
    meeting.save(update_fields=["status", "closed_at"])
    diagram_snapshots_for_meeting(meeting=meeting)
    return meeting


@transaction.atomic
def life_event_add(
    *, user: User, case: Case, occurred_on: datetime.date, title: str, description: str = ""
) -> LifeEvent:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Say what happened.")
    if occurred_on > timezone.localdate():
        errors["occurred_on"] = _("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    return LifeEvent.objects.create(
        case=case,
        occurred_on=occurred_on,
        title=title.strip(),
        description=description.strip(),
        recorded_by=user,
    )
