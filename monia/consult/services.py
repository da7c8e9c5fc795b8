"""Writes for consultations. Each checks its rules first and runs in one transaction."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia import deadlines
from monia.accounts.models import User
from monia.casework.case_services import sent_before
from monia.casework.models import Case, EventKind
from monia.casework.services import event_write
from monia.consult.models import Consultation, ConsultationMode
from monia.experts.services import names_in
from monia.network.access import addressed_to, is_partner
from monia.network.models import Organisation
from monia.network.services import addressee_errors
from monia.notify.models import NotificationKind
from monia.notify.selectors import organisation_partners
from monia.notify.services import notify


def consultation_days() -> int:
    """Working days the expert has to answer (setting MONIA_CONSULTATION_DAYS)."""
    return int(getattr(settings, "MONIA_CONSULTATION_DAYS", 5))


def consultation_answer_due(asked_at: datetime.datetime) -> datetime.date:
    """N working days after the Helsinki date of the question; holidays do not count."""
    return deadlines.add_working_days(deadlines.helsinki_date(asked_at), consultation_days())


def _check_ask(
    *,
    case: Case,
    organisation: Organisation,
    partner: User | None,
    mode: str,
    consent_given_by: str,
    pseudonym: str,
    question: str,
) -> None:
    errors = addressee_errors(organisation=organisation, partner=partner, county_id=case.county_id)
    if not question.strip():
        errors["question"] = _("Write the question.")
    if mode == ConsultationMode.CONSENT:
        if not consent_given_by.strip():
            errors["consent_given_by"] = _("Record who gave the consent.")
    elif mode == ConsultationMode.PSEUDONYMISED:
        if not pseudonym.strip():
            errors["pseudonym"] = _("Give the pseudonym the expert will know the case by.")
        elif names_in(pseudonym, case):
            errors["pseudonym"] = _(
                "The pseudonym must not contain the child's name or identity code."
            )
        if names_in(question, case):
            errors["question"] = _(
                "The question is pseudonymised: leave out the child's name and identity code."
            )
    else:
        errors["mode"] = _("Choose how the case is presented.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def consultation_ask(
    *,
    user: User,
    case: Case,
    organisation: Organisation,
    mode: str,
    question: str,
    partner: User | None = None,
    consent_given_by: str = "",
    pseudonym: str = "",
    asked_at: datetime.datetime | None = None,
    submission_key: uuid.UUID | None = None,
) -> Consultation:
    """Ask another sector's expert about a case; the answer is due in N working days. The
    same form sent twice (a double click, "Back" and send: ``submission_key``) asks, and
    notifies, once."""
    asked = sent_before(
        Consultation.objects.filter(case=case), submission_key, owner="asked_by_id", user=user
    )
    if asked is not None:
        return asked
    _check_ask(
        case=case,
        organisation=organisation,
        partner=partner,
        mode=mode,
        consent_given_by=consent_given_by,
        pseudonym=pseudonym,
        question=question,
    )
    asked_at = asked_at or timezone.now()
    named = mode == ConsultationMode.CONSENT
    event_write(
        case=case,
        kind=EventKind.CONSULTATION_ASKED,
        actor=user,
        detail=organisation.name,
        occurred_at=asked_at,
    )
    consultation = Consultation.objects.create(
        case=case,
        asked_by=user,
        organisation=organisation,
        partner=partner,
        mode=mode,
        consent_given_by=consent_given_by.strip() if named else "",
        pseudonym="" if named else pseudonym.strip(),
        question=question.strip(),
        asked_at=asked_at,
        answer_due=consultation_answer_due(asked_at),
        submission_key=submission_key,
    )
    notify(
        users=[partner] if partner else organisation_partners(organisation=organisation),
        kind=NotificationKind.CONSULTATION,
        message=gettext_noop("A consultation question awaits your answer"),
        link=reverse("partner_consultation", kwargs={"consultation_id": consultation.pk}),
    )
    return consultation


@transaction.atomic
def consultation_answer(*, user: User, consultation: Consultation, answer: str) -> Consultation:
    """Record the expert's answer and when it was given."""
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if (
        not is_partner(user)
        or not Consultation.objects.filter(addressed_to(user), pk=locked.pk).exists()
    ):
        raise ValidationError(_("You may not answer this consultation."))
    if locked.answered_at is not None:
        raise ValidationError(_("The consultation has already been answered."))
    if not answer.strip():
        raise ValidationError({"answer": _("Write the answer.")})
    if locked.is_pseudonymised and names_in(answer, locked.case):
        raise ValidationError(
            {"answer": _("The question is pseudonymised: leave the child's name out.")}
        )
    locked.answer = answer.strip()
    locked.answered_at = timezone.now()
    locked.answered_by = user
    locked.save(update_fields=["answer", "answered_at", "answered_by"])
    event_write(
        case=locked.case,
        kind=EventKind.CONSULTATION_ANSWERED,
        actor=user,
        detail=locked.organisation.name,
    )
    return locked


@transaction.atomic
def consultation_escalate_overdue(*, today: datetime.date | None = None) -> int:
    """Mark unanswered consultations past their due date as escalated; idempotent."""
    today = today or timezone.localdate()
    return Consultation.objects.filter(
        answered_at__isnull=True, escalated_at__isnull=True, answer_due__lt=today
    ).update(escalated_at=timezone.now())
