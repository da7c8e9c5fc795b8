"""Writes for the systemic team's workspace. Each runs in one transaction; nothing is
half-saved, and the agenda keeps a gap-free order."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
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
    AttendanceStatus,
    CaseFlag,
    Hypothesis,
    HypothesisRevision,
    HypothesisStatus,
    LifeEvent,
    MeetingAttendance,
    MeetingStatus,
    NextStep,
    Reflection,
    TeamMeeting,
)
from monia.teams.models import Team
from monia.ui.errors import stale_save_message

REFLECTION_FIELDS = ("worries", "working_well", "family_view", "therapist_action")


class ReflectionConflict(ValidationError):
    """The reflection was saved (by someone else, or by this user in another window) after
    this user opened it."""


def _lock(meeting: TeamMeeting) -> None:
    """Hold the meeting's row for this transaction and read it afresh into ``meeting``."""
    list(TeamMeeting.objects.select_for_update().filter(pk=meeting.pk).values_list("pk"))
    meeting.refresh_from_db()


def _require_open(meeting: TeamMeeting) -> None:
    if meeting.status == MeetingStatus.CLOSED:
        raise ValidationError(_("The meeting is closed; its record can no longer change."))


AGENDA_SIZE_MAX = 50


def _case_lock(case: Case) -> None:
    """Serialise writes on one case, so that the same form sent twice (a double click, or
    "Back" and send) finds what the first send saved: the same hypothesis, next step, flag
    or life event twice is never meant."""
    list(Case.objects.select_for_update().filter(pk=case.pk).values_list("pk"))


@transaction.atomic
def meeting_open(
    *,
    user: User,
    team: Team,
    held_on: datetime.date,
    agenda_size: int | None = None,
    today: datetime.date | None = None,
) -> TeamMeeting:
    """Open a meeting with the most pressing families of the proposal on its agenda
    (``agenda_size``, by default ``MONIA_MEETING_AGENDA_SIZE``); the page offers the rest.
    Attendance is not assumed: the team records it (``meeting_attendance_record``)."""
    today = today or timezone.localdate()
    size = settings.MONIA_MEETING_AGENDA_SIZE if agenda_size is None else agenda_size
    errors: dict[str, str] = {}
    list(Team.objects.select_for_update().filter(pk=team.pk).values_list("pk"))
    opened = TeamMeeting.objects.filter(team=team, held_on=held_on, opened_by=user).first()
    if opened is not None:
        return opened  # the same form sent again: the meeting this user just opened
    if held_on < today:
        errors["held_on"] = _("A meeting is opened for today or a later day.")
    elif TeamMeeting.objects.filter(team=team, held_on=held_on).exists():
        errors["held_on"] = _("The team already has a meeting on that day.")
    if not 1 <= size <= AGENDA_SIZE_MAX:
        errors["agenda_size"] = _("Choose between 1 and %(max)s families.") % {
            "max": AGENDA_SIZE_MAX
        }
    if errors:
        raise ValidationError(errors)
    meeting = TeamMeeting.objects.create(team=team, held_on=held_on, opened_by=user)
    proposal = selectors.agenda_proposal(team=team, today=today)[:size]
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, case_id=p.case.pk, position=i, reasons=p.reasons)
        for i, p in enumerate(proposal, start=1)
    )
    return meeting


@transaction.atomic
def agenda_add(*, meeting: TeamMeeting, case: Case, reasons: list[str] | None = None) -> AgendaItem:
    """Put a family last on the agenda: with the proposal's ``reasons`` when it came from
    the "more" list, else as added by the team."""
    _require_open(meeting)
    if case.team_id != meeting.team_id or case.stage == CaseStage.CLOSED:
        raise ValidationError({"case": _("Choose an open case of the team.")})
    reasons = [r for r in reasons or [] if r in AgendaReason.values] or [AgendaReason.ADDED]
    last = meeting.items.aggregate(m=Max("position"))["m"] or 0
    try:
        with transaction.atomic():
            return AgendaItem.objects.create(
                meeting=meeting, case=case, position=last + 1, reasons=reasons
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
def agenda_reorder(*, meeting: TeamMeeting, positions: Mapping[int, int]) -> None:
    """Put the whole agenda in order in one step: ``positions`` maps items to the place the
    team gave each. An item moved to a place another holds goes before it (moving one item
    needs one number changed); an item not in ``positions`` keeps its place. The agenda is
    numbered 1, 2, 3 … again afterwards."""
    _require_open(meeting)
    items = list(meeting.items.select_for_update().order_by("position", "pk"))
    if any(p < 1 for p in positions.values()):
        raise ValidationError(_("A place on the agenda is a number from 1 up."))

    def place(item: AgendaItem) -> tuple[int, int, int]:
        wanted = positions.get(item.pk, item.position)
        return (wanted, 0 if wanted != item.position else 1, item.position)

    changed = []
    for position, item in enumerate(sorted(items, key=place), start=1):
        if item.position != position:
            item.position = position
            changed.append(item)
    AgendaItem.objects.bulk_update(changed, ["position"])


@transaction.atomic
def meeting_attendance_record(
    *, user: User, meeting: TeamMeeting, statuses: Mapping[int, str], guests: str = ""
) -> TeamMeeting:
    """Record who took part: each member present, sent apologies or absent, and guests by
    name. Every member is marked; someone must have been there. Recorded again, it replaces
    the earlier record."""
    _lock(meeting)
    _require_open(meeting)
    members = selectors.meeting_members(meeting)
    errors: dict[str, str] = {}
    for member in members:
        if statuses.get(member.pk) not in AttendanceStatus.values:
            errors[f"member_{member.pk}"] = _(
                "Mark whether %(name)s was present, sent apologies or was absent."
            ) % {"name": member.display_name}
    if set(statuses) - {m.pk for m in members}:
        errors["__all__"] = _("Only the team's members are marked; write others as guests.")
    names = [line.strip() for line in guests.splitlines() if line.strip()]
    if any(len(name) > 200 for name in names):
        errors["guests"] = _("Write one name a line.")
    if not errors and AttendanceStatus.PRESENT not in statuses.values() and not names:
        errors["__all__"] = _("Nobody is marked present.")
    if errors:
        raise ValidationError(errors)
    meeting.attendance.all().delete()
    MeetingAttendance.objects.bulk_create(
        MeetingAttendance(meeting=meeting, member=m, status=statuses[m.pk]) for m in members
    )
    meeting.guests = "\n".join(dict.fromkeys(names))
    meeting.attendance_recorded_at = timezone.now()
    meeting.attendance_recorded_by = user
    meeting.save(update_fields=["guests", "attendance_recorded_at", "attendance_recorded_by"])
    return meeting


@transaction.atomic
def reflection_save(
    *, user: User, item: AgendaItem, data: dict[str, Any], lock_version: int
) -> Reflection:
    """Save the team's reflection on one family; a stale save is refused, not lost.

    The agenda item's row is locked first: two first saves at once (no reflection row yet
    to lock) are taken one after the other, and the second is refused as a conflict with its
    text kept, never a duplicate row and a 500."""
    list(AgendaItem.objects.select_for_update().filter(pk=item.pk).values_list("pk"))
    _require_open(item.meeting)
    reflection = Reflection.objects.select_for_update().filter(item=item).first()
    current = reflection.lock_version if reflection else 0
    if lock_version != current:
        raise ReflectionConflict(
            stale_save_message(
                saved_last_by=reflection.recorded_by_id if reflection is not None else None,
                user_id=user.pk,
                own=_(
                    "You saved this reflection again after this page was opened: in another "
                    "window, or the form was sent twice. Your text is kept below; compare and "
                    "save again."
                ),
                other=_(
                    "Someone else saved this reflection while you were writing. Your text is "
                    "kept below; compare and save again."
                ),
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
    fields = {"statement": statement.strip(), "supports": supports.strip(), "test": test.strip()}
    _case_lock(case)
    same = Hypothesis.objects.filter(case=case, **fields).first()
    if same is not None:
        return same
    hypothesis = Hypothesis.objects.create(case=case, **fields)
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
    fields = {
        "meeting": meeting,
        "description": description.strip(),
        "owner": owner,
        "due_on": due_on,
    }
    _case_lock(case)
    same = NextStep.objects.filter(case=case, done_on__isnull=True, **fields).first()
    if same is not None:
        return same  # no second task, no second notification
    step = NextStep.objects.create(case=case, created_by=user, **fields)
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
    _case_lock(case)
    same = CaseFlag.objects.filter(
        case=case, raised_by=user, reason=reason.strip(), resolved_in__isnull=True
    ).first()
    if same is not None:
        return same
    try:
        with transaction.atomic():
            return CaseFlag.objects.create(case=case, raised_by=user, reason=reason.strip())
    except IntegrityError as exc:
        raise ValidationError({"reason": _("You have already flagged this family.")}) from exc


def meeting_close_errors(meeting: TeamMeeting, *, today: datetime.date) -> list[str]:
    """Why the meeting cannot be closed now (empty: it can): it is dated in the future, or
    nobody has recorded who attended."""
    errors = []
    if meeting.held_on > today:
        errors.append(
            _("The meeting is dated %(date)s; it can be closed on that day or later.")
            % {"date": date_format(meeting.held_on, "j.n.Y")}
        )
    if meeting.attendance_recorded_at is None:
        errors.append(_("Record who attended before closing the meeting."))
    return errors


@transaction.atomic
def meeting_close(
    *, user: User, meeting: TeamMeeting, today: datetime.date | None = None
) -> TeamMeeting:
    """Close the meeting: flags of the families discussed are resolved, and their genogram
    and ecomap are kept as they stood, for the history. Only on or after the meeting's day,
    and only once attendance is recorded: the minutes say who was there."""
    from monia.systemic.diagram_services import diagram_snapshots_for_meeting

    _lock(meeting)  # a second close waits here, then finds the meeting closed
    if meeting.status == MeetingStatus.CLOSED:
        raise ValidationError(
            _("The meeting was already closed; nothing was changed."), code="already_closed"
        )
    errors = meeting_close_errors(meeting, today=today or timezone.localdate())
    if errors:
        raise ValidationError(errors)
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
    fields = {
        "occurred_on": occurred_on,
        "title": title.strip(),
        "description": description.strip(),
    }
    _case_lock(case)
    same = LifeEvent.objects.filter(case=case, **fields).first()
    if same is not None:
        return same
    return LifeEvent.objects.create(case=case, recorded_by=user, **fields)
