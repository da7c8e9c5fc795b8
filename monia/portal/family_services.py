"""Writes of the family versions: what the child and the guardians read of each document.

The worker writes a document's family version, or approves the suggested plain wording, on
the case's portal page; the portal shows nothing else of the document but its plain title
and date (``document_selectors``). Each write is one transaction with its chronology event.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.models import Case, EventKind
from monia.casework.services import event_write
from monia.portal.document_selectors import CaseDocument, case_documents
from monia.portal.models import FamilyVersion

TEXT_MAX = 5000


class FamilyVersionConflict(ValidationError):
    """Someone approved a newer family version since the form was opened."""


def _document(case: Case, document_key: str) -> CaseDocument:
    for d in case_documents(case):
        if d.key == document_key and d.needs_family_version:
            return d
    raise ValidationError({"document": _("Choose a document of this case.")})


@transaction.atomic
def family_version_approve(
    *, user: User, case: Case, document_key: str, text: str, lock_version: int | None = None
) -> FamilyVersion:
    """Approve a document's family version (written anew, changed, or the suggestion as it
    is); from now on the child and the guardians read it in the portal.

    ``lock_version`` is the version the worker's page showed (0: none yet); a save from an
    older page is refused (``FamilyVersionConflict``), never overwriting a newer text. The
    case's row is locked first, so two first approvals at once are also taken in turn. Only
    code that writes without a page (the demo data) leaves it None."""
    document = _document(case, document_key)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the family version, or keep the suggestion.")})
    if len(text) > TEXT_MAX:
        raise ValidationError({"text": _("Write at most %(n)s characters.") % {"n": TEXT_MAX}})
    list(Case.objects.select_for_update().filter(pk=case.pk).values_list("pk"))
    version = (
        FamilyVersion.objects.select_for_update()
        .filter(case=case, document_key=document_key)
        .first()
    )
    current = version.lock_version if version is not None else 0
    if lock_version is not None and lock_version != current:
        raise FamilyVersionConflict(
            {
                "text": _(
                    "Someone else approved a newer family version while you were writing. "
                    "The newer text is shown above and yours is kept below; compare and "
                    "approve again."
                )
            }
        )
    if version is None:
        version = FamilyVersion(case=case, document_key=document_key)
    version.text = text
    version.approved_by = user
    version.approved_at = timezone.now()
    version.lock_version = current + 1
    version.save()
    event_write(
        case=case,
        kind=EventKind.PORTAL_VISIBILITY,
        actor=user,
        detail=_("Family version approved: %(document)s") % {"document": document.named},
    )
    return version


@transaction.atomic
def family_version_withdraw(*, user: User, case: Case, document_key: str) -> None:
    """Take a family version back: the portal shows only the title and date again."""
    document = _document(case, document_key)
    deleted, _rows = FamilyVersion.objects.filter(case=case, document_key=document_key).delete()
    if not deleted:
        raise ValidationError({"document": _("This document has no family version.")})
    event_write(
        case=case,
        kind=EventKind.PORTAL_VISIBILITY,
        actor=user,
        detail=_("Family version withdrawn: %(document)s") % {"document": document.named},
    )
