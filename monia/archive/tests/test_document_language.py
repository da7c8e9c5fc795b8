"""The archive and the decisions write a child's documents in the same language, the one
``Person.document_language`` gives: a decision's draft and every archived document alike."""

from __future__ import annotations

from typing import Any

import pytest

from monia.archive.documents import signed_documents
from monia.conftest import CaseWorld
from monia.decisions import services as decision_services

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
