"""Casework's staff rules beside the data (the rule for the case itself is
``monia.access.policy``; the caller has passed ``policy.case_get_for_user``, which logged
the read): who may open a client note, and the register's persons a worker adding a family
member is shown.

- A signed note is read by whoever may see the case, and amended by whoever may record
  in it (``Action.RECORD``).
- A draft is its author's alone until signed: only they read, edit and sign it. To
  anyone else it does not exist — the answer is 404, as for a note that is not there.
- The likely duplicates of a family member being added (``family_services``) are shown as
  the intake shows those of a new child: the name and the date of birth (or the identity
  code's person), nothing of their matters; each logged as read in the case's work.
"""

from __future__ import annotations

from collections.abc import Iterable

from monia.access import policy
from monia.access.log_writes import Read, reads_log
from monia.access.purposes import purpose_checked
from monia.accounts.models import User
from monia.casework.models import Case, ClientNote
from monia.people.models import Person


def note_visible(user: User, note: ClientNote) -> bool:
    return note.signed_at is not None or note.author_id == user.pk


def note_get_for_user(user: User, case: Case, note_id: int) -> ClientNote:
    """A note of ``case`` the user may read (with its author, signer, family members named
    and amendments); 404 otherwise."""
    note = (
        ClientNote.objects.filter(case=case, pk=note_id)
        .select_related("author", "signed_by")
        .prefetch_related("persons", "amendments__author")
        .first()
    )
    if note is None or not note_visible(user, note):
        raise policy.NotFound
    return note


def may_edit(user: User, note: ClientNote) -> bool:
    """The author edits and signs their draft (the case's RECORD is checked before)."""
    return note.signed_at is None and note.author_id == user.pk


def register_persons_shown(
    user: User, case: Case, persons: Iterable[Person], *, purpose: str, channel: str = "web"
) -> None:
    """Log the register's persons shown to a worker who records in ``case`` (adding a family
    member: the likely duplicates to choose from), on the worker's basis in the case; 404
    to anyone who may not record in it."""
    purpose = purpose_checked(purpose)
    basis = policy.case_basis(user, case)
    if basis is None or not policy.may(user, policy.Action.RECORD, case):
        raise policy.NotFound
    reads = [Read(p.pk, case.pk, basis) for p in persons if p.county_id == case.county_id]
    reads_log(
        user_id=user.pk, county_id=case.county_id, purpose=purpose, reads=reads, channel=channel
    )
