"""The archive and the decisions write a child's documents in the same language, the one
``Person.document_language`` gives: a decision's draft and every archived document alike."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone, translation

from monia.archive.documents import signed_documents
from monia.casework import note_services
from monia.conftest import CaseWorld
from monia.decisions import services as decision_services
from monia.decisions.testing import signed_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "written"), [("sv", "sv"), ("fi", "fi"), ("se", "fi")])
def test_a_decision_draft_and_the_archived_plan_are_in_the_childs_document_language(
    case_a: CaseWorld, worker_a: Any, language: str, written: str
) -> None:
    child = case_a.case.child
    child.language = language
    child.save(update_fields=["language"])
    draft = decision_services.decision_draft(
        user=worker_a, case=case_a.case, kind="support_measure"
    )
    archived = [d.language for d in signed_documents(case_a.case) if d.kind == "client_plan"]
    assert draft.language == written
    assert archived and set(archived) == {written}


def test_a_swedish_speaking_childs_archived_documents_have_swedish_titles(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """domain.md § 4.5: the titles in Swedish, as the National Archives' table is, whatever
    language the export runs in (a Finnish official, the background worker)."""
    case = case_a.case
    case.child.language = "sv"
    case.child.save(update_fields=["language"])
    note, _ = note_services.note_create(
        user=worker_a,
        case=case,
        note_type="19005",
        data={"occurred_on": timezone.localdate(), "discussed": "Telefonsamtal med mamma."},
    )
    note_services.note_sign(user=worker_a, note=note, lock_version=note.lock_version)
    decision = signed_for(case, worker_a)
    assert decision.language == "sv"

    with translation.override("fi"):
        titles = {d.kind: d.title for d in signed_documents(case)}

    assert titles["client_plan"] == "Barnskyddets klientplan, version 1"
    assert titles["client_note"] == "Anteckning om möte eller kontakt"
    with translation.override("sv"):
        swedish_kind = str(decision.get_kind_display())
    with translation.override("fi"):
        assert titles["decision"] == swedish_kind != str(decision.get_kind_display())
