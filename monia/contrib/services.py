"""Writes: invite a partner to the assessment, and the partner's statement."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.attachments import services as attachment_services
from monia.attachments.models import OwnerKind
from monia.casework.models import EventKind, ServiceNeedsAssessment
from monia.casework.services import event_write
from monia.contrib.models import ContributionRequest, RequestBasis
from monia.network.models import Organisation
from monia.network.services import addressee_errors
from monia.notify.models import NotificationKind
from monia.notify.selectors import organisation_partners
from monia.notify.services import notify


def request_create(
    *,
    user: User,
    assessment: ServiceNeedsAssessment,
    organisation: Organisation,
    basis: str,
    questions: str,
    due_on: datetime.date,
    partner: User | None = None,
    consent_given_by: str = "",
    today: datetime.date | None = None,
) -> ContributionRequest:
    """Invite a partner organisation to contribute to an open assessment (SHL 36 §)."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if assessment.completed_on is not None:
        errors["__all__"] = _("The assessment is already completed.")
    if due_on < today:
        errors["due_on"] = _("The due date cannot be in the past.")
    elif due_on > assessment.completion_due:
        errors["due_on"] = _("The statement must be due before the assessment's own deadline.")
    errors.update(
        addressee_errors(
            organisation=organisation, partner=partner, county_id=assessment.case.county_id
        )
    )
    if basis == RequestBasis.GUARDIAN_CONSENT and not consent_given_by.strip():
        errors["consent_given_by"] = _("Name who gave the consent.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # The same request twice is never meant: a double click or the form sent again after
        # "Back" finds the first, still open, under the assessment's lock and gets it back.
        list(
            ServiceNeedsAssessment.objects.select_for_update()
            .filter(pk=assessment.pk)
            .values_list("pk")
        )
        asked = {
            "organisation": organisation,
            "partner": partner,
            "basis": basis,
            "consent_given_by": consent_given_by.strip(),
            "questions": questions,
            "due_on": due_on,
        }
        same = assessment.contribution_requests.filter(**asked, submitted_at__isnull=True).first()
        if same is not None:
            return same
        event_write(
            case=assessment.case,
            kind=EventKind.CONTRIBUTION_REQUESTED,
            actor=user,
            detail=organisation.name,
        )
        req = ContributionRequest.objects.create(
            assessment=assessment,
            **asked,
            requested_by=user,
            requested_at=timezone.now(),
        )
        notify(
            users=[partner] if partner else organisation_partners(organisation=organisation),
            kind=NotificationKind.CONTRIBUTION,
            message=gettext_noop("Your organisation was asked to contribute to an assessment"),
            link=reverse("partner_contribution", kwargs={"request_id": req.pk}),
        )
        return req


def statement_submit(
    *,
    user: User,
    request_id: int,
    statement: str,
    child_view_noted: str,
    attachment: Any = None,
) -> ContributionRequest:
    """The partner's statement: once only, and not after the assessment is completed;
    ``attachment``: one file sent with it, stored with the statement or not at all."""
    from monia.contrib import access as contrib_access  # the rule reads this app's models

    checked = attachment_services.attachment_check(attachment) if attachment else None
    with attachment_services.files_atomic():
        req = contrib_access.contribution_get_for_partner(
            user, request_id, purpose=Purpose.CONTRIBUTION_SUBMIT, for_update=True
        )
        if req.submitted_at is not None:
            if req.submitted_by_id == user.pk and req.statement == statement.strip():
                return req  # the same statement sent again (a double click, "Back" and send)
            raise ValidationError(_("The statement has already been submitted."))
        if req.assessment.completed_on is not None:
            raise ValidationError(_("The assessment is completed; no statements are taken."))
        if not statement.strip():
            raise ValidationError({"statement": _("Write the statement.")})
        req.statement = statement.strip()
        req.child_view_noted = child_view_noted.strip()
        req.submitted_at = timezone.now()
        req.submitted_by = user
        req.save(update_fields=["statement", "child_view_noted", "submitted_at", "submitted_by"])
        if checked is not None:
            attachment_services.attachment_add(
                checked=checked,
                owner_kind=OwnerKind.CONTRIBUTION,
                county_id=req.assessment.case.county_id,
                case_id=req.assessment.case_id,
                uploaded_by=user,
                contribution=req,
            )
        event_write(
            case=req.assessment.case,
            kind=EventKind.CONTRIBUTION_RECEIVED,
            actor=user,
            detail=req.organisation.name,
        )
    return req


REMIND_WORKING_DAYS = 2


def contribution_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind partners of statements due within two working days or overdue — once a day,
    by an in-app notification and a content-free e-mail. Returns how many were reminded."""
    from monia import deadlines

    today = today or timezone.localdate()
    horizon = deadlines.add_working_days(today, REMIND_WORKING_DAYS)
    reminded = 0
    pending = (
        ContributionRequest.objects.filter(
            submitted_at__isnull=True, due_on__lte=horizon, assessment__completed_on__isnull=True
        )
        .exclude(reminded_on=today)
        .select_related("organisation", "partner")
    )
    for req in pending:
        with transaction.atomic():
            overdue = req.due_on < today
            notify(
                users=[req.partner]
                if req.partner
                else organisation_partners(organisation=req.organisation),
                kind=NotificationKind.CONTRIBUTION,
                message=gettext_noop("A statement you were asked for is overdue")
                if overdue
                else gettext_noop("A statement you were asked for is due soon"),
                link=reverse("partner_contribution", kwargs={"request_id": req.pk}),
            )
            ContributionRequest.objects.filter(pk=req.pk).update(reminded_on=today)
            reminded += 1
    return reminded
