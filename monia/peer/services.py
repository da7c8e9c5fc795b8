"""Writes for peer support (issue 16): creating and editing groups, signing up, leaving, the
journal. Each validates before writing and runs in one transaction."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from monia.access import policy
from monia.accounts.models import Role, User
from monia.casework.case_services import sent_before
from monia.peer import selectors
from monia.peer.models import (
    Audience,
    PeerGroup,
    PeerJournalEntry,
    PeerMembership,
    PeerMembershipStatus,
)
from monia.people.models import Person
from monia.teams.models import County
from monia.ui.errors import stale_save_message

JOURNAL_MAX = 2000


def _group_errors(
    *,
    county: County,
    audience: str,
    name: str,
    facilitators: list[User],
    capacity: int | None,
    group_pk: int | None = None,
) -> dict[str, str]:
    """What is wrong with a group's details, by field (creating: ``group_pk`` None)."""
    errors: dict[str, str] = {}
    if audience not in Audience.values:
        errors["audience"] = _("Choose for whom the group is.")
    namesakes = PeerGroup.objects.filter(county=county, name=name.strip())
    if group_pk is not None:
        namesakes = namesakes.exclude(pk=group_pk)
    if not name.strip():
        errors["name"] = _("Name the group.")
    elif namesakes.exists():
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
    return errors


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
    name_sv: str = "",
    name_en: str = "",
    description_sv: str = "",
    description_en: str = "",
    meets_sv: str = "",
    meets_en: str = "",
) -> PeerGroup:
    """A new group of ``county``; its texts in Finnish, each with optional Swedish and
    English variants (empty: readers of that language read the Finnish one)."""
    errors = _group_errors(
        county=county, audience=audience, name=name, facilitators=facilitators, capacity=capacity
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
        **_variants(
            name_sv=name_sv,
            name_en=name_en,
            description_sv=description_sv,
            description_en=description_en,
            meets_sv=meets_sv,
            meets_en=meets_en,
        ),
    )
    group.facilitators.set(facilitators)
    return group


def _variants(**texts: str) -> dict[str, str]:
    """The Swedish and English variants as saved: stripped, so that one of spaces only is
    empty and its readers get the Finnish text."""
    return {field: text.strip() for field, text in texts.items()}


def _edit_errors(group: PeerGroup, *, audience: str, capacity: int | None) -> dict[str, str]:
    """What an edit may not do to a group people are in (``group`` locked by the caller)."""
    errors: dict[str, str] = {}
    if audience != group.audience and selectors.audience_locked(group):
        errors["audience"] = _(
            "People have already joined this group or written in its journal, so who it is "
            "for can no longer be changed."
        )
    members = group.memberships.filter(status=PeerMembershipStatus.ACTIVE).count()
    if capacity is not None and capacity < members:
        errors["capacity"] = _(
            "The group already has %(count)s members, so it needs at least %(count)s places. "
            "Give a larger number, or leave it empty."
        ) % {"count": members}
    return errors


@transaction.atomic
def peer_group_update(
    *,
    group: PeerGroup,
    version: int,
    audience: str,
    name: str,
    description: str = "",
    meets: str = "",
    capacity: int | None = None,
    open_for_sign_up: bool = True,
    facilitators: list[User] | None = None,
    user: User | None = None,
    name_sv: str = "",
    name_en: str = "",
    description_sv: str = "",
    description_en: str = "",
    meets_sv: str = "",
    meets_en: str = "",
) -> PeerGroup:
    """Save an edit of the group's details (``facilitators`` None: unchanged; a Swedish or
    English variant left out or empty: none, its readers get the Finnish text), all or nothing.
    Refused when someone saved the group since the form was opened (``version``); when the
    places would be fewer than the members; when the audience would change after anyone
    joined. The row is locked as a sign-up locks it, so no one joins between the count
    and the save."""
    locked = PeerGroup.objects.select_for_update().get(pk=group.pk)
    if locked.version != version:
        raise ValidationError(
            stale_save_message(
                saved_last_by=locked.updated_by_id,
                user_id=user.pk if user is not None else None,
                own=_(
                    "You saved this group again after this page was opened: in another window, "
                    "or the form was sent twice. Your text is below: open the group again to "
                    "see the saved version."
                ),
                other=_(
                    "Someone else saved this group while you were editing. Your text is below: "
                    "open the group again to see their changes."
                ),
            )
        )
    chosen = list(locked.facilitators.all()) if facilitators is None else facilitators
    errors = _group_errors(
        county=locked.county,
        audience=audience,
        name=name,
        facilitators=chosen,
        capacity=capacity,
        group_pk=locked.pk,
    )
    errors = {**_edit_errors(locked, audience=audience, capacity=capacity), **errors}
    if errors:
        raise ValidationError(errors)
    locked.audience = audience
    locked.name = name.strip()
    locked.description = description.strip()
    locked.meets = meets.strip()
    variants = _variants(
        name_sv=name_sv,
        name_en=name_en,
        description_sv=description_sv,
        description_en=description_en,
        meets_sv=meets_sv,
        meets_en=meets_en,
    )
    for field, text in variants.items():
        setattr(locked, field, text)
    locked.capacity = capacity
    locked.open_for_sign_up = open_for_sign_up
    locked.version = version + 1
    locked.updated_by = user
    try:
        with transaction.atomic():
            locked.save()
    except IntegrityError as exc:  # the same name saved in between
        raise ValidationError({"name": _("The county already has a group of that name.")}) from exc
    if facilitators is not None:
        locked.facilitators.set(facilitators)
    return locked


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
def peer_group_sign_up_set(
    *, group: PeerGroup, open_for_sign_up: bool, user: User | None = None
) -> PeerGroup:
    """Open or close the sign-up. The edit form shows this too: a new version, so an edit
    opened before does not turn it back."""
    PeerGroup.objects.filter(pk=group.pk).update(
        open_for_sign_up=open_for_sign_up, version=F("version") + 1, updated_by=user
    )
    group.refresh_from_db(fields=["open_for_sign_up", "version"])
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
    """A note in the group's journal; a second submit of the same form saves nothing new.
    The writer is a user (``author``) or a client by their person row (``author_person``)."""
    by, owner = (author, "author_id") if author is not None else (author_person, "author_person_id")
    assert by is not None
    found = sent_before(PeerJournalEntry.objects.all(), submission_key, owner=owner, user=by)
    if found is not None:
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
