"""The signed documents of a case, each as the archive takes it: a PDF, the national
structure (Sosmeta) as JSON, and the metadata. Drafts are never archived.

- the approved client plan, every version (LsL 30 §; ``casework.plan_pdf``);
- the signed client notes (asiakaskertomusmerkinnät; ``note_pdf``);
- the signed decisions (``decisions.Decision``; the decision's PDF from
  ``decisions.document.decision_document`` and ``ui.pdf.document_pdf``).

The national structure of each comes from ``monia.sosmeta.build(obj) -> (oid, dict)``,
built from the signed record, which the database keeps from changing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.models import Case, ClientNote

# Lastensuojelun asiakassuunnitelma (Sosmeta), with its version.
PLAN_DEFINITION = "1.2.246.537.6.1506.15009.2024.11.28"


@dataclass(frozen=True)
class ArchiveDocument:
    """One signed document: ``key`` names its folder in the package (``plan-12``)."""

    key: str
    kind: str  # "client_plan", "client_note", "decision"
    title: str
    definition: str  # the Sosmeta definition's OID with its version
    language: str
    author: User | None
    created: datetime.datetime | datetime.date | None
    signed: datetime.datetime | datetime.date | None
    pdf: Callable[[], bytes]
    structured: Callable[[], dict[str, Any]]


def definition_parts(definition: str) -> tuple[str, str]:
    """("1.2.246.537.6.1506.15009", "2024.11.28"): a definition's OID and its version."""
    parts = definition.split(".")
    return ".".join(parts[:-3]), ".".join(parts[-3:])


def signed_documents(case: Case) -> list[ArchiveDocument]:
    """Every signed document of the case, oldest first within each kind."""
    return plan_documents(case) + note_documents(case) + decision_documents(case)


def _title(language: str, title: Callable[..., object], *args: Any) -> str:
    """A document's title in the document's own language, whoever runs the export: the
    National Archives' table and the metadata read it in Finnish or Swedish alike."""
    with translation.override(language):
        return str(title(*args))


def _plan_title(number: int) -> str:
    return _("Child welfare client plan, version %(number)s") % {"number": number}


def plan_documents(case: Case) -> list[ArchiveDocument]:
    from monia.access.contact import Reader, contact_cards
    from monia.casework.plan_selectors import PlanDocument, plan_versions

    versions = plan_versions(case)
    language = case.child.document_language
    card = contact_cards([case.child], Reader.document(), details=False)[0]
    found = []
    for version in reversed(versions):  # oldest first
        doc = PlanDocument(case=case, version=version, versions=versions, contact=card)
        plan = version.plan
        found.append(
            ArchiveDocument(
                key=f"client-plan-{plan.pk}",
                kind="client_plan",
                title=_title(language, _plan_title, version.number),
                definition=PLAN_DEFINITION,
                language=language,
                author=plan.approved_by,
                created=plan.created_at,
                signed=plan.approved_on,
                pdf=_plan_pdf(doc, language),
                structured=_structure(doc.plan),
            )
        )
    return found


def _plan_pdf(doc: Any, language: str) -> Callable[[], bytes]:
    from monia.casework import plan_pdf

    return lambda: plan_pdf.plan_pdf_render(doc, language=language, printed=timezone.localdate())


def note_documents(case: Case) -> list[ArchiveDocument]:
    from monia.archive.note_pdf import note_pdf_render

    notes = (
        ClientNote.objects.filter(case=case, signed_at__isnull=False)
        .select_related("author", "signed_by")
        .prefetch_related("amendments__author")
        .order_by("occurred_on", "pk")
    )
    language = case.child.document_language
    return [
        ArchiveDocument(
            key=f"client-note-{note.pk}",
            kind="client_note",
            title=_title(language, note.get_note_type_display),
            definition=note.sosmeta_definition,
            language=language,
            author=note.author,
            created=note.created_at,
            signed=note.signed_at,
            pdf=_bound(note_pdf_render, case, note, language),
            structured=_structure(note),
        )
        for note in notes
    ]


def _bound(
    render: Callable[..., bytes], case: Case, obj: Any, language: str
) -> Callable[[], bytes]:
    return lambda: render(case, obj, language=language)


def decision_documents(case: Case) -> list[ArchiveDocument]:
    """The signed decisions. Their PDF comes from ``decisions.document`` and ``ui.pdf``
    (written beside this app, issue 13), imported when a package is written."""
    from monia.decisions.kinds import SOSMETA_DEFINITION
    from monia.decisions.models import Decision, DecisionState

    decisions = (
        Decision.objects.filter(case=case, state=DecisionState.SIGNED)
        .select_related("decider", "preparer")
        .order_by("signed_at", "pk")
    )
    return [  # each in the language it is written in
        ArchiveDocument(
            key=f"decision-{d.pk}",
            kind="decision",
            title=_title(d.language, d.get_kind_display),
            definition=SOSMETA_DEFINITION[d.kind],
            language=d.language,
            author=d.decider,
            created=d.created_at,
            signed=d.signed_at,
            pdf=_decision_pdf(d, d.language),
            structured=_structure(d),
        )
        for d in decisions
    ]


def _decision_pdf(decision: Any, language: str) -> Callable[[], bytes]:
    def render() -> bytes:
        from monia.decisions.document import decision_document
        from monia.ui.pdf import document_pdf

        return document_pdf(decision_document(decision, language=language))

    return render


def _structure(obj: Any) -> Callable[[], dict[str, Any]]:
    """The national structure (Sosmeta) of a signed document, built when it is packed."""
    from monia.sosmeta.build import build

    return lambda: dict(build(obj)[1])
