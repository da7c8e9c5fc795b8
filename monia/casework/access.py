"""Who may open a client note, beside the data (the staff rule for the case itself is
``monia.access.policy``; the caller has passed ``policy.case_get_for_user``, which logged
the read).

- A signed note is read by whoever may see the case, and amended by whoever may record
  in it (``Action.RECORD``).
- A draft is its author's alone until signed: only they read, edit and sign it. To
  anyone else it does not exist — the answer is 404, as for a note that is not there.
"""

from __future__ import annotations

from monia.access import policy
from monia.accounts.models import User
from monia.casework.models import Case, ClientNote


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
