"""Who reaches a case's letters: the staff rule (``policy.case_get_for_user``) — anyone who
sees the case reads the letters sent; writing a letter and marking it sent is recording
(the team except the coordinator). Forbidden answers 404, like missing."""

from __future__ import annotations

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.casework.models import Case


def letters_case_read(user: User, case_id: int, *, purpose: str = Purpose.CASE_LETTERS) -> Case:
    return policy.case_get_for_user(user, case_id, purpose=purpose, action=Action.VIEW)


def letters_case_write(user: User, case_id: int, *, purpose: str) -> Case:
    return policy.case_get_for_user(user, case_id, purpose=purpose, action=Action.RECORD)


def may_write(user: User, case: Case) -> bool:
    return policy.may(user, Action.RECORD, case)
