"""One form session's key (``case_services.sent_before``): a repeat is answered with what
it saved; a key of another sender, or saved where this form does not save, is refused."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from monia.accounts.models import User
from monia.casework import case_services, note_services
from monia.casework.models import ClientNote
from monia.conftest import CaseWorld

pytestmark = pytest.mark.django_db


def _note(user: User, cw: CaseWorld, key: uuid.UUID) -> ClientNote:
    data = {"occurred_on": timezone.localdate(), "discussed": "Puhelu"}
    note, _ = note_services.note_create(
        user=user, case=cw.case, note_type="19005", data=data, submission_key=key
    )
    return note


def test_a_repeat_is_answered_with_what_the_key_saved(worker_a: User, case_a: CaseWorld) -> None:
    key = uuid.uuid4()
    note = _note(worker_a, case_a, key)
    rows = ClientNote.objects.filter(case=case_a.case)
    with transaction.atomic():
        found = case_services.sent_before(rows, key, owner="author_id", user=worker_a)
    assert found == note


def test_a_new_key_finds_nothing(worker_a: User, case_a: CaseWorld) -> None:
    _note(worker_a, case_a, uuid.uuid4())
    rows = ClientNote.objects.filter(case=case_a.case)
    with transaction.atomic():
        found = case_services.sent_before(rows, uuid.uuid4(), owner="author_id", user=worker_a)
    assert found is None


def test_a_key_saved_where_this_form_does_not_save_is_refused(
    worker_a: User, case_a: CaseWorld
) -> None:
    """A key saved on another case's row would break the table's unique key (a server
    error); it is refused with words instead."""
    key = uuid.uuid4()
    _note(worker_a, case_a, key)
    elsewhere = ClientNote.objects.exclude(case=case_a.case)
    with transaction.atomic(), pytest.raises(ValidationError) as refused:
        case_services.sent_before(elsewhere, key, owner="author_id", user=worker_a)
    assert refused.value.messages == ["Tämä lomake on jo lähetetty. Avaa uusi lomake."]


def test_another_senders_key_is_refused(
    worker_a: User, teammate_a: User, case_a: CaseWorld
) -> None:
    key = uuid.uuid4()
    _note(worker_a, case_a, key)
    rows = ClientNote.objects.filter(case=case_a.case)
    with transaction.atomic(), pytest.raises(ValidationError):
        case_services.sent_before(rows, key, owner="author_id", user=teammate_a)
