"""Writes: plan a network meeting, invite people to it, record it once held."""

from __future__ import annotations

import datetime
import uuid
from typing import TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.case_services import sent_before
from monia.casework.models import Case, EventKind
from monia.casework.services import event_write
from monia.netmeet import selectors
from monia.netmeet.models import (
    AgreedAction,
    InviteeRole,
    MeetingStatus,
    NetworkMeeting,
    NetworkMeetingInvitee,
)
from monia.network.models import Organisation
from monia.network.services import addressee_errors
from monia.ui.rows import day_month_year


class ActionData(TypedDict):
    description: str
    owner_name: str
    owner_organisation: Organisation | None
    due_on: datetime.date


def meeting_plan(
    *,
    user: User,
    case: Case,
    held_at: datetime.datetime,
    place: str,
    agenda: str,
    remote_link: str = "",
    already_held: bool = False,
    now: datetime.datetime | None = None,
    submission_key: uuid.UUID | None = None,
) -> NetworkMeeting:
    """Plan a verkostopalaveri, or — ``already_held`` — enter one held before it was
    planned in Monia, to be recorded at once (a meeting called at short notice is still
    the child's network meeting, LsL 30 §). A planned meeting cannot be in the past, and
    a held one cannot be in the future. The same form sent twice (a double click, "Back"
    and send: ``submission_key``) plans one meeting and returns it."""
    now = now or timezone.now()
    errors: dict[str, str] = {}
    if already_held and held_at > now:
        errors["held_at"] = _("A meeting already held cannot be in the future.")
    elif not already_held and held_at < now:
        errors["held_at"] = _(
            "A planned meeting cannot be in the past. If the meeting has already been "
            "held, tick the box below to record it afterwards."
        )
    if not place.strip():
        errors["place"] = _("Say where the meeting is held.")
    if not agenda.strip():
        errors["agenda"] = _("Write the agenda.")
    if errors:
        raise ValidationError(errors)
    when = day_month_year(timezone.localtime(held_at), with_time=True)  # as the pages write it
    with transaction.atomic():
        planned = sent_before(
            NetworkMeeting.objects.filter(case=case),
            submission_key,
            owner="organised_by_id",
            user=user,
        )
        if planned is not None:
            return planned
        meeting = NetworkMeeting.objects.create(
            case=case,
            held_at=held_at,
            place=place.strip(),
            remote_link=remote_link.strip(),
            agenda=agenda.strip(),
            organised_by=user,
            submission_key=submission_key,
        )
        # The time and the place only: the kind says, in each reader's language, whether
        # the meeting was planned or entered after it was held.
        kind = (
            EventKind.NETWORK_MEETING_ENTERED if already_held else EventKind.NETWORK_MEETING_PLANNED
        )
        event_write(case=case, kind=kind, actor=user, detail=f"{when} {meeting.place}")
    return meeting


@transaction.atomic
def invitee_add(
    *,
    meeting: NetworkMeeting,
    role: str,
    organisation: Organisation | None = None,
    partner: User | None = None,
    family_member_name: str = "",
    attends: bool | None = None,
) -> NetworkMeetingInvitee:
    """Invite a partner organisation (optionally one professional) or a family member.
    To a meeting whose time has passed, the person is added as a participant, and no
    invitation goes out. Someone invited already (the form sent again after "Back", or a
    double click) is returned as invited: not listed, nor notified, twice."""
    errors: dict[str, str] = {}
    if meeting.status != MeetingStatus.PLANNED:
        errors["__all__"] = _("The meeting has already been held.")
    if role == InviteeRole.PARTNER:
        errors.update(
            addressee_errors(
                organisation=organisation, partner=partner, county_id=meeting.case.county_id
            )
        )
    elif not family_member_name.strip():
        errors["family_member_name"] = _("Write the family member's name.")
    if errors:
        raise ValidationError(errors)
    is_partner = role == InviteeRole.PARTNER
    # One invitation at a time per meeting: the check below sees the one just made.
    NetworkMeeting.objects.select_for_update().filter(pk=meeting.pk).first()
    same = meeting.invitees.filter(
        role=role,
        organisation=organisation if is_partner else None,
        partner=partner if is_partner else None,
        family_member_name__iexact="" if is_partner else family_member_name.strip(),
    ).first()
    if same is not None:
        return same
    held = selectors.is_held_already(meeting)
    if held and attends is None:
        attends = True  # added after the meeting: a participant, recorded as such
    invitee = NetworkMeetingInvitee.objects.create(
        meeting=meeting,
        role=role,
        organisation=organisation if is_partner else None,
        partner=partner if is_partner else None,
        family_member_name="" if is_partner else family_member_name.strip(),
        attends=attends,
    )
    if is_partner and organisation is not None and not held:
        from django.urls import reverse
        from django.utils.translation import gettext_noop

        from monia.notify.models import NotificationKind
        from monia.notify.selectors import organisation_partners
        from monia.notify.services import notify

        notify(
            users=[partner] if partner else organisation_partners(organisation=organisation),
            kind=NotificationKind.INVITATION,
            message=gettext_noop("You are invited to a network meeting"),
            link=reverse("partner_network_meeting", kwargs={"meeting_id": meeting.pk}),
        )
    return invitee


def _record_errors(
    meeting: NetworkMeeting,
    *,
    minutes: str,
    family_view: str,
    child_view: str,
    child_absent_reason: str,
    actions: list[ActionData],
    now: datetime.datetime,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if meeting.status != MeetingStatus.PLANNED:
        errors["__all__"] = _("The meeting has already been recorded.")
    elif meeting.held_at > now:
        errors["__all__"] = _("The meeting cannot be recorded before it is held.")
    if not minutes.strip():
        errors["minutes"] = _("Write the minutes.")
    if not family_view.strip():
        errors["family_view"] = _("Record the family's view.")
    if not child_view.strip() and not child_absent_reason.strip():
        # LsL 20 §: the child's view is found out; if not present, say why.
        errors["child_view"] = _("Record the child's view, or why the child was not present.")
    for a in actions:
        if not (a["description"].strip() and a["owner_name"].strip() and a["due_on"]):
            errors["actions"] = _("Each agreed action needs an owner and a due date.")
    return errors


def meeting_record(
    *,
    user: User,
    meeting: NetworkMeeting,
    minutes: str,
    family_view: str,
    child_view: str = "",
    child_absent_reason: str = "",
    actions: list[ActionData],
    now: datetime.datetime | None = None,
) -> NetworkMeeting:
    """Record a held meeting: minutes, the family's and child's views, agreed actions."""
    now = now or timezone.now()
    errors = _record_errors(
        meeting,
        minutes=minutes,
        family_view=family_view,
        child_view=child_view,
        child_absent_reason=child_absent_reason,
        actions=actions,
        now=now,
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting.minutes = minutes.strip()
        meeting.family_view = family_view.strip()
        meeting.child_view = child_view.strip()
        meeting.child_absent_reason = "" if child_view.strip() else child_absent_reason.strip()
        meeting.status = MeetingStatus.HELD
        meeting.save(
            update_fields=["minutes", "family_view", "child_view", "child_absent_reason", "status"]
        )
        AgreedAction.objects.bulk_create(
            AgreedAction(
                meeting=meeting,
                description=a["description"].strip(),
                owner_name=a["owner_name"].strip(),
                owner_organisation=a["owner_organisation"],
                due_on=a["due_on"],
            )
            for a in actions
        )
        event_write(
            case=meeting.case,
            kind=EventKind.NETWORK_MEETING_HELD,
            actor=user,
            detail=str(len(actions)),  # a count: each reader sees it in their own words
        )
    return meeting
