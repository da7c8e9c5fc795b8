"""Co-research (yhteistutkijuus, issue 16): research questions a client and a worker choose
together, and the client's consent to use an anonymised excerpt of the journal in the
development network's reports. Reads and writes take a case and client the dialogue's rules
already opened (``portal_case_of`` for the client: their own journal only; staff through
``policy.case_get_for_user``). The development report lists only the excerpts whose consent
stands — the text the client approved, with the month; no name, no case, no entry id."""

from __future__ import annotations

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.models import Case
from monia.dialogue.models import ExcerptConsent, JournalEntry, ResearchQuestion
from monia.people.models import Person

QUESTION_MAX, EXCERPT_MAX = 500, 1000


def _clean(text: str, field: str, limit: int) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: _("Write the text first.")})
    if len(text) > limit:
        raise ValidationError({field: _("The text is too long.")})
    return text


# --- reads ---------------------------------------------------------------------------


def questions(*, case: Case, client: Person | None = None) -> list[ResearchQuestion]:
    found = ResearchQuestion.objects.filter(case=case).select_related("proposed_by", "client")
    return list(found.filter(client=client) if client is not None else found)


def consents(*, case: Case, client: Person | None = None) -> dict[int, ExcerptConsent]:
    """The live consent (asked, given or not yet) of each entry, by entry id."""
    found = ExcerptConsent.objects.filter(entry__case=case, withdrawn_at__isnull=True)
    if client is not None:
        found = found.filter(entry__client=client)
    return {c.entry_id: c for c in found}


@dataclasses.dataclass(frozen=True)
class ReportExcerpt:
    text: str
    month: datetime.date


def report_excerpts(*, county_id: int) -> list[ReportExcerpt]:
    """The county's consented, not withdrawn excerpts: their text and month, nothing else."""
    rows = (
        ExcerptConsent.objects.filter(
            entry__case__county_id=county_id, given_at__isnull=False, withdrawn_at__isnull=True
        )
        .order_by("-given_at")
        .values_list("excerpt", "given_at")
    )
    return [ReportExcerpt(text, timezone.localdate(at).replace(day=1)) for text, at in rows]


# --- writes --------------------------------------------------------------------------


@transaction.atomic
def question_propose(
    *, user: User, case: Case, client: Person, text: str, by_client: bool
) -> ResearchQuestion:
    """One side proposes a question; it is chosen together when the other side agrees.
    The same question proposed again, still waiting (the form sent again after "Back", a
    double click), is returned: listed once."""
    text = _clean(text, "question", QUESTION_MAX)
    Case.objects.select_for_update().filter(pk=case.pk).first()  # one proposal at a time
    same = ResearchQuestion.objects.filter(
        case=case, client=client, text=text, agreed_at__isnull=True
    ).first()
    if same is not None:
        return same
    return ResearchQuestion.objects.create(
        case=case, client=client, text=text, proposed_by=user, proposed_by_client=by_client
    )


@transaction.atomic
def question_agree(
    *, user: User, case: Case, client: Person | None, question_id: int, by_client: bool
) -> ResearchQuestion:
    """The other side agrees: a client a worker's proposal, a worker a client's."""
    found = ResearchQuestion.objects.select_for_update().filter(
        pk=question_id, case=case, proposed_by_client=not by_client
    )
    question = (found.filter(client=client) if client is not None else found).first()
    if question is None:
        raise ValidationError({"question": _("This question is not waiting for you.")})
    if question.agreed_at is None:
        question.agreed_by, question.agreed_at = user, timezone.now()
        question.save(update_fields=["agreed_by", "agreed_at"])
    return question


@transaction.atomic
def excerpt_ask(*, user: User, case: Case, entry_id: int, excerpt: str) -> ExcerptConsent:
    """A worker writes the excerpt without names and asks the client for consent."""
    entry = JournalEntry.objects.filter(pk=entry_id, case=case).first()
    if entry is None:
        raise ValidationError({"excerpt": _("This entry is not in this case's journal.")})
    excerpt = _clean(excerpt, "excerpt", EXCERPT_MAX)
    try:
        with transaction.atomic():
            return ExcerptConsent.objects.create(entry=entry, excerpt=excerpt, asked_by=user)
    except IntegrityError as exc:
        raise ValidationError({"excerpt": _("The client has already been asked.")}) from exc


def _own_consent(case: Case, client: Person, consent_id: int) -> ExcerptConsent:
    consent = (
        ExcerptConsent.objects.select_for_update()
        .filter(pk=consent_id, entry__case=case, entry__client=client, withdrawn_at__isnull=True)
        .first()
    )
    if consent is None:
        raise ValidationError({"consent": _("This question is not waiting for you.")})
    return consent


@transaction.atomic
def excerpt_consent_give(*, user: User, case: Case, client: Person, consent_id: int) -> None:
    """The client says yes to the excerpt exactly as shown, in the portal."""
    consent = _own_consent(case, client, consent_id)
    if consent.given_at is None:
        consent.given_by, consent.given_at = user, timezone.now()
        consent.save(update_fields=["given_by", "given_at"])


@transaction.atomic
def excerpt_consent_withdraw(*, case: Case, client: Person, consent_id: int) -> None:
    """The client takes the consent back (or says no to the request): the excerpt leaves
    every report from now on."""
    consent = _own_consent(case, client, consent_id)
    if consent.given_at is None:  # a "no" to a request: nothing was ever given
        consent.delete()
        return
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
