"""Writes for peer support (issue 16): creating groups, signing up, leaving, the journal.
Each validates before writing and runs in one transaction."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from monia.access import policy
from monia.accounts.models import Role, User
from monia.peer.models import (
    Audience,
    PeerGroup,
    PeerJournalEntry,
    PeerMembership,
    PeerMembershipStatus,
)
from monia.people.models import Person
from monia.teams.models import County

JOURNAL_MAX = 2000


@transaction.atomic
def peer_group_create(
    *,
    county: County,
    audience: str,
    name: str,
    facilitators: list[User],
    description: str = "",
    meets: str = "",
    capacity: int | None = None,
    open_for_sign_up: bool = True,
) -> PeerGroup:
    errors: dict[str, str] = {}
    if audience not in Audience.values:
        errors["audience"] = _("Choose for whom the group is.")
    if not name.strip():
        errors["name"] = _("Name the group.")
    elif PeerGroup.objects.filter(county=county, name=name.strip()).exists():
        errors["name"] = _("The county already has a group of that name.")
    if capacity is not None and capacity < 1:
        errors["capacity"] = _("Give at least one place, or leave it empty.")
    if not facilitators:
        errors["facilitators"] = _("Choose at least one facilitator.")
    elif any(
        f.county_id != county.pk or f.role in (Role.CLIENT, Role.ADMINISTRATOR, Role.PARTNER)
        for f in facilitators
    ):
        errors["facilitators"] = _(
            "A facilitator is a member of the county's staff or an expert by experience."
        )
    elif audience != Audience.WORKERS and any(
        f.role not in policy.CASEWORK_ROLES for f in facilitators
    ):
        # Its facilitators see who the clients are: only staff who work with client data.
        errors["facilitators"] = _(
            "A group of clients is facilitated by workers of the county's child welfare: an "
            "expert by experience or the development coordinator may facilitate a workers' "
            "group."
        )
    if errors:
        raise ValidationError(errors)
    group = PeerGroup.objects.create(
        county=county,
        audience=audience,
        name=name.strip(),
        description=description.strip(),
        meets=meets.strip(),
        capacity=capacity,
        open_for_sign_up=open_for_sign_up,
    )
    group.facilitators.set(facilitators)
    return group


@transaction.atomic
def peer_join(
    *, group: PeerGroup, user: User | None = None, person: Person | None = None
) -> PeerMembership:
    """Sign up (again) a worker (``user``) or a client (``person``, their row in the group's
    county): refused when the group is closed or full. The group's row is locked so that
    two sign-ups for the last place cannot both pass."""
    if (user is None) == (person is None):
        raise ValueError("a worker or a client")
    if person is not None and (person.county_id != group.county_id or not group.for_clients):
        raise ValidationError(_("The group is not taking new members now."))
    locked = PeerGroup.objects.select_for_update().get(pk=group.pk)
    who = {"user": user} if user is not None else {"person": person}
    existing = PeerMembership.objects.filter(group=locked, **who).first()
    if existing is not None and existing.status == PeerMembershipStatus.ACTIVE:
        return existing  # a double submit: already in
    if not locked.open_for_sign_up:
        raise ValidationError(_("The group is not taking new members now."))
    active = locked.memberships.filter(status=PeerMembershipStatus.ACTIVE).count()
    if locked.capacity is not None and active >= locked.capacity:
        raise ValidationError(
            _(
                "The group is full. You were not signed up. "
                "Ask the facilitator about the next group."
            )
        )
    if existing is not None:
        existing.status = PeerMembershipStatus.ACTIVE
        existing.save(update_fields=["status"])
        return existing
    return PeerMembership.objects.create(group=locked, **who)


@transaction.atomic
def peer_group_sign_up_set(*, group: PeerGroup, open_for_sign_up: bool) -> PeerGroup:
    group.open_for_sign_up = open_for_sign_up
    group.save(update_fields=["open_for_sign_up"])
    return group


@transaction.atomic
def peer_leave(*, membership: PeerMembership) -> None:
    membership.status = PeerMembershipStatus.LEFT
    membership.save(update_fields=["status"])


@transaction.atomic
def peer_journal_write(
    *,
    group: PeerGroup,
    text: str,
    submission_key: uuid.UUID,
    author: User | None = None,
    author_person: Person | None = None,
) -> PeerJournalEntry:
    """A note in the group's journal; a second submit of the same form saves nothing new."""
    if found := PeerJournalEntry.objects.filter(submission_key=submission_key).first():
        return found
    if not text.strip():
        raise ValidationError({"text": _("Write something first.")})
    if len(text) > JOURNAL_MAX:
        raise ValidationError(
            {"text": _("Keep it under %(max)s characters.") % {"max": JOURNAL_MAX}}
        )
    return PeerJournalEntry.objects.create(
        group=group,
        author=author,
        author_person=author_person,
        text=text.strip(),
        submission_key=submission_key,
    )
