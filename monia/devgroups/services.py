"""Writes for the developer groups (issue 16). Each validates before writing and runs in one
transaction; who may call which is decided in ``devgroups/access.py`` by the view."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any, NoReturn
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import Role, User
from monia.devgroups.models import (
    DeveloperGroup,
    GroupMeeting,
    GroupRole,
    Idea,
    IdeaStatus,
    Membership,
)
from monia.teams.models import County
from monia.ui.errors import stale_save_message


@transaction.atomic
def developer_group_create(
    *, county: County, name: str, theme: str = "", description: str = ""
) -> DeveloperGroup:
    if not name.strip():
        raise ValidationError({"name": _("Name the group.")})
    try:
        with transaction.atomic():
            return DeveloperGroup.objects.create(
                county=county, name=name.strip(), theme=theme.strip(), description=description
            )
    except IntegrityError as exc:
        raise ValidationError({"name": _("The county already has a group of that name.")}) from exc


def _stale(locked: DeveloperGroup | Idea, user: User | None, *, own: str, other: str) -> NoReturn:
    """Refuse an edit of ``locked`` (the row as locked for the update) when it was saved
    after the form was opened; the message tells whether the user saved it last."""
    raise ValidationError(
        stale_save_message(
            saved_last_by=locked.updated_by_id,
            user_id=user.pk if user is not None else None,
            own=own,
            other=other,
        )
    )


@transaction.atomic
def developer_group_update(
    *,
    group: DeveloperGroup,
    version: int,
    name: str,
    theme: str = "",
    description: str = "",
    user: User | None = None,
) -> DeveloperGroup:
    """Fix the group's name, theme or description unless someone saved the group since the
    form was opened (``version``): the row is locked, then one UPDATE, so a refusal leaves
    nothing half-saved."""
    if not name.strip():
        raise ValidationError({"name": _("Name the group.")})
    locked = DeveloperGroup.objects.select_for_update().get(pk=group.pk)
    if locked.version != version:
        _stale(
            locked,
            user,
            own=_(
                "You saved this group's details again after this page was opened: in another "
                "window, or the form was sent twice. Your text is below: open the group again "
                "to see the saved version."
            ),
            other=_(
                "Someone else saved this group's details while you were editing. Your text is "
                "below: open the group again to see their changes."
            ),
        )
    try:
        with transaction.atomic():
            DeveloperGroup.objects.filter(pk=group.pk).update(
                name=name.strip(),
                theme=theme.strip(),
                description=description.strip(),
                version=version + 1,
                updated_by=user,
            )
    except IntegrityError as exc:
        raise ValidationError({"name": _("The county already has a group of that name.")}) from exc
    group.refresh_from_db()
    return group


@transaction.atomic
def developer_member_add(*, group: DeveloperGroup, user: User, role: str) -> Membership:
    """Add a staff member, a partner or an expert by experience of the group's county."""
    errors: dict[str, str] = {}
    if role not in GroupRole.values:
        errors["role"] = _("Choose the member's role in the group.")
    if user.county_id != group.county_id or user.role in (Role.CLIENT, Role.ADMINISTRATOR):
        errors["user"] = _("Choose a member of the county's development network.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return Membership.objects.create(group=group, user=user, role=role)
    except IntegrityError as exc:
        raise ValidationError({"user": _("They are already a member of the group.")}) from exc


@transaction.atomic
def developer_member_remove(*, membership: Membership) -> None:
    """Out of the group: the ideas they own are left without an owner (an owner is a member)."""
    Idea.objects.filter(group_id=membership.group_id, owner_id=membership.user_id).update(
        owner=None
    )
    membership.delete()


@transaction.atomic
def group_meeting_create(
    *,
    group: DeveloperGroup,
    held_at: datetime.datetime,
    place: str = "",
    remote_link: str = "",
    agenda: str = "",
) -> GroupMeeting:
    errors: dict[str, str] = {}
    if not (place.strip() or remote_link.strip()):
        errors["place"] = _("Give the place or the remote meeting link.")
    if remote_link.strip() and not _is_https(remote_link):
        errors["remote_link"] = _("Give an address that begins with https://.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return GroupMeeting.objects.create(
                group=group,
                held_at=held_at,
                place=place.strip(),
                remote_link=remote_link.strip(),
                agenda=agenda.strip(),
            )
    except IntegrityError as exc:
        raise ValidationError({"held_at": _("The group already meets at that time.")}) from exc


@transaction.atomic
def group_meeting_memo_save(
    *, user: User, meeting: GroupMeeting, agenda: str, memo: str
) -> GroupMeeting:
    """Save the agenda and the memo (written after the meeting) as the user wrote them."""
    if memo.strip() and meeting.held_at > timezone.now():
        raise ValidationError({"memo": _("Write the memo after the meeting has begun.")})
    meeting.agenda = agenda.strip()
    if memo.strip() != meeting.memo:
        meeting.memo = memo.strip()
        meeting.memo_by = user if meeting.memo else None
        meeting.memo_at = timezone.now() if meeting.memo else None
    meeting.save(update_fields=["agenda", "memo", "memo_by", "memo_at"])
    return meeting


def _is_https(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme == "https" and bool(parts.netloc)


@dataclasses.dataclass(frozen=True)
class IdeaFields:
    """An idea's own fields, as its form gives them: what ``idea_create`` and
    ``idea_update`` take, checked by one rule (``_check_idea``). The defaults are a new
    idea's; an edit gives every field (the form shows them all)."""

    title: str
    description: str = ""
    status: str = IdeaStatus.PROPOSED
    owner: User | None = None
    outcome: str = ""
    practice_description_title: str = ""
    practice_description_url: str = ""

    def stripped(self) -> dict[str, Any]:
        """The fields to store, their texts without surrounding blanks."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        return {name: v.strip() if isinstance(v, str) else v for name, v in values.items()}


def _check_idea(*, group: DeveloperGroup, fields: IdeaFields) -> None:
    errors: dict[str, str] = {}
    if not fields.title.strip():
        errors["title"] = _("Give the idea a title.")
    if fields.status not in IdeaStatus.values:
        errors["status"] = _("Choose the idea's status.")
    owner = fields.owner
    if owner is not None and not Membership.objects.filter(group=group, user=owner).exists():
        errors["owner"] = _("The owner must be a member of the group.")
    url = fields.practice_description_url.strip()
    practice_title = fields.practice_description_title.strip()
    if url and not _is_https(url):
        errors["practice_description_url"] = _("Give an address that begins with https://.")
    if url and not practice_title:
        errors["practice_description_title"] = _("Name the practice description the link opens.")
    if practice_title and not url:
        errors["practice_description_url"] = _("Give the address of the practice description.")
    done = fields.status in (IdeaStatus.ADOPTED, IdeaStatus.DROPPED)
    if done and not fields.outcome.strip():
        errors["outcome"] = _("Tell the outcome: why the idea was adopted or dropped.")
    if errors:
        raise ValidationError(errors)


def _title_taken() -> ValidationError:
    return ValidationError({"title": _("The backlog already has an idea of that title.")})


@transaction.atomic
def idea_create(*, user: User, group: DeveloperGroup, fields: IdeaFields) -> Idea:
    _check_idea(group=group, fields=fields)
    try:
        with transaction.atomic():
            return Idea.objects.create(group=group, created_by=user, **fields.stripped())
    except IntegrityError as exc:
        raise _title_taken() from exc


@transaction.atomic
def idea_update(*, idea: Idea, version: int, fields: IdeaFields, user: User | None = None) -> Idea:
    """Save an edit unless someone saved the idea since the form was opened (``version``)."""
    _check_idea(group=idea.group, fields=fields)
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    if locked.version != version:
        _stale(
            locked,
            user,
            own=_(
                "You saved this idea again after this page was opened: in another window, or "
                "the form was sent twice. Your text is below: open the idea again to see the "
                "saved version."
            ),
            other=_(
                "Someone else saved this idea while you were editing. Your text is below: "
                "open the idea again to see their changes."
            ),
        )
    try:
        with transaction.atomic():
            Idea.objects.filter(pk=idea.pk).update(
                **fields.stripped(),
                version=version + 1,
                updated_at=timezone.now(),
                updated_by=user,
            )
    except IntegrityError as exc:
        raise _title_taken() from exc
    idea.refresh_from_db()
    return idea
