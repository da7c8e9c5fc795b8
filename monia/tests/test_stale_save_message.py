"""monia.ui.errors.stale_save_message: a save refused because the row moved on says "you
saved it yourself" only to the user who saved it last (their other window, or the form sent
twice), else "someone else saved it"; the services keep their own wording."""

from __future__ import annotations

from monia.ui.errors import stale_save_message

OWN, OTHER = "you saved it", "someone else saved it"


def test_the_user_who_saved_last_is_told_it_was_their_own_save() -> None:
    assert stale_save_message(saved_last_by=7, user_id=7, own=OWN, other=OTHER) == OWN


def test_another_users_save_or_an_unknown_saver_is_someone_elses() -> None:
    assert stale_save_message(saved_last_by=8, user_id=7, own=OWN, other=OTHER) == OTHER
    assert stale_save_message(saved_last_by=None, user_id=7, own=OWN, other=OTHER) == OTHER


def test_no_user_is_never_told_they_saved_it() -> None:
    assert stale_save_message(saved_last_by=None, user_id=None, own=OWN, other=OTHER) == OTHER
