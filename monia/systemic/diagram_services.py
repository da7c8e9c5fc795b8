"""Writes for the family's diagrams: emotional ties (genogram), network ties (ecomap) and
the stored versions of both. Each runs in one transaction and checks before it writes."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.case_services import sent_before
from monia.casework.models import Case
from monia.systemic import ecomap, genogram
from monia.systemic.models import (
    DiagramKind,
    DiagramSnapshot,
    EmotionalTie,
    NetworkKind,
    NetworkQuality,
    NetworkTie,
    TeamMeeting,
    TieQuality,
    TieStrength,
)

SNAPSHOT_SOURCES = {
    DiagramKind.GENOGRAM: genogram.genogram_data,
    DiagramKind.ECOMAP: ecomap.ecomap_data,
}


@transaction.atomic
def diagram_snapshot_take(
    *,
    case: Case,
    meeting: TeamMeeting | None = None,
    user: User | None = None,
    kinds: Iterable[str] = (DiagramKind.GENOGRAM, DiagramKind.ECOMAP),
) -> list[DiagramSnapshot]:
    """Store the diagrams' data as it stands now: when a meeting closes (for each family
    on its agenda) and when a worker saves a version."""
    return [
        DiagramSnapshot.objects.create(
            case=case,
            meeting=meeting,
            kind=kind,
            data=SNAPSHOT_SOURCES[DiagramKind(kind)](case),
            taken_by=user,
        )
        for kind in kinds
    ]


@transaction.atomic
def diagram_version_save(
    *, case: Case, user: User, kind: str, submission_key: uuid.UUID | None = None
) -> DiagramSnapshot:
    """A worker saves the diagram as it stands now ("Save a version"). The page sent again
    with its key ("Back" and save, a double click) answers with the version it saved."""
    saved = sent_before(
        DiagramSnapshot.objects.filter(case=case, kind=kind),
        submission_key,
        owner="taken_by_id",
        user=user,
    )
    if saved is not None:
        return saved
    return DiagramSnapshot.objects.create(
        case=case,
        kind=kind,
        data=SNAPSHOT_SOURCES[DiagramKind(kind)](case),
        taken_by=user,
        submission_key=submission_key,
    )


def diagram_snapshots_for_meeting(*, meeting: TeamMeeting) -> list[DiagramSnapshot]:
    """Both diagrams of every family the meeting discussed, as they stood at its close."""
    taken: list[DiagramSnapshot] = []
    for item in meeting.items.filter(discussed=True).select_related("case__child"):
        taken += diagram_snapshot_take(case=item.case, meeting=meeting)
    return taken


@transaction.atomic
def emotional_tie_add(
    *, user: User, case: Case, person_a_id: int, person_b_id: int, quality: str, note: str = ""
) -> EmotionalTie:
    """Record how two members of the child's family get on."""
    family = genogram.family_person_ids(case)
    errors: dict[str, str] = {}
    if person_a_id not in family:
        errors["person_a"] = _("Choose a member of the child's family.")
    if person_b_id not in family:
        errors["person_b"] = _("Choose a member of the child's family.")
    elif person_a_id == person_b_id:
        errors["person_b"] = _("Choose two different people.")
    if quality not in TieQuality.values:
        errors["quality"] = _("Choose what the relationship is like.")
    if errors:
        raise ValidationError(errors)
    return EmotionalTie.objects.create(
        case=case,
        person_a_id=person_a_id,
        person_b_id=person_b_id,
        quality=quality,
        note=note.strip(),
        recorded_by=user,
    )


@transaction.atomic
def network_tie_add(
    *,
    user: User,
    case: Case,
    name: str,
    kind: str,
    strength: str,
    quality: str,
    contact_person: str = "",
    note: str = "",
) -> NetworkTie:
    """Add a person, group or service to the child's ecomap."""
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("Name the person, group or service.")
    for field, value, allowed in (
        ("kind", kind, NetworkKind.values),
        ("strength", strength, TieStrength.values),
        ("quality", quality, NetworkQuality.values),
    ):
        if value not in allowed:
            errors[field] = _("Choose one of the options.")
    if errors:
        raise ValidationError(errors)
    return NetworkTie.objects.create(
        case=case,
        name=name.strip(),
        kind=kind,
        strength=strength,
        quality=quality,
        contact_person=contact_person.strip(),
        note=note.strip(),
        recorded_by=user,
    )


@transaction.atomic
def network_tie_end(
    *, user: User, tie: NetworkTie, ended_on: datetime.date, today: datetime.date | None = None
) -> NetworkTie:
    """End a tie: it leaves the ecomap, and stays in the versions saved before."""
    today = today or timezone.localdate()
    tie = NetworkTie.objects.select_for_update().get(pk=tie.pk)
    if tie.ended_on is not None:
        raise ValidationError({"ended_on": _("The tie has already ended.")})
    if ended_on > today:
        raise ValidationError({"ended_on": _("The date cannot be in the future.")})
    if ended_on < timezone.localdate(tie.created_at):
        raise ValidationError({"ended_on": _("The tie cannot end before it was recorded.")})
    tie.ended_on = ended_on
    tie.save(update_fields=["ended_on"])
    return tie
