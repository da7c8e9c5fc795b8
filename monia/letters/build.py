"""The letters to the family, one function each, every one returning a
`monia.ui.document.Document` written in the recipient's language and addressed to one
person (a guardian, a parent, the young person). The screen, the print and the PDF show
the same Document; ``services.letter_send`` keeps it as sent.

Plain language: the reader is a parent at home or a young person. Short sentences, the
dates written out, no professional text (the notification's content and its notifier are
never in a letter). Nothing here reads an address but ``frame.address_block``.
"""

from __future__ import annotations

import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia import deadlines
from monia.accounts.models import User
from monia.casework import plan_selectors
from monia.casework.models import (
    AssessmentConclusion,
    Case,
    Intake,
    IntakeKind,
    ServiceNeedsAssessment,
)
from monia.letters.frame import child_rows, letter_document, letter_language
from monia.letters.recipients import Recipient, Role
from monia.ui.document import Document, Section
from monia.ui.pdf import date_text


class LetterUnavailable(Exception):
    """The record has nothing to write this letter from yet (e.g. no approved plan)."""


def _about_you(recipient: Recipient) -> bool:
    return recipient.role == Role.YOUNG_PERSON


def _intro(recipient: Recipient) -> str:
    if _about_you(recipient):
        return _("This letter is about you.")
    return _("This letter is about your child.")


def notification_received_letter(
    *,
    intake: Intake,
    recipient: Recipient,
    sender: User,
    language: str | None = None,
    today: datetime.date | None = None,
) -> Document:
    """The notice that a child welfare matter came in and what happens next (LsL 26 §):
    urgency assessed at once; within 7 working days the decision whether to start a
    service-needs assessment; the assessment done within 3 months."""
    case, today = intake.case, today or timezone.localdate()
    lang = letter_language(recipient, language)
    with translation.override(lang):
        notified = intake.kind in (IntakeKind.NOTIFICATION, IntakeKind.PRE_BIRTH)
        title = (
            _("We received a child welfare notification")
            if notified
            else _("We received a request to assess the need for support")
        )
        received = deadlines.helsinki_date(intake.received_at)
        rows = [*child_rows(case), (_("Received on"), date_text(received))]
        sections = [
            Section("", (_intro(recipient),), tuple(rows)),
            Section(_("What happens next"), _next_steps(intake, received)),
            Section(
                _("Your part"),
                (
                    _("A social worker will contact you. We want to hear your view."),
                    _("You can ask the worker what the notification says."),
                ),
            ),
        ]
        return letter_document(
            case=case,
            recipient=recipient,
            sender=sender,
            language=lang,
            title=title,
            sections=sections,
            today=today,
        )


def _next_steps(intake: Intake, received: datetime.date) -> tuple[str, ...]:
    steps = [_("First, a social worker checks at once if the child needs help right away.")]
    steps.append(
        _(
            "By %(date)s a social worker decides whether to start a service-needs "
            "assessment. The law gives 7 working days for this."
        )
        % {"date": date_text(intake.decision_due)}
    )
    if intake.decided_on:
        steps.append(
            _("The decision was made on %(date)s: %(decision)s.")
            % {"date": date_text(intake.decided_on), "decision": intake.get_decision_display()}
        )
    assessment = getattr(intake, "assessment", None)
    due = (
        assessment.completion_due
        if assessment
        else deadlines.assessment_completion_due(intake.received_at)
    )
    steps.append(
        _(
            "In the assessment we find out together with you what help the family needs. "
            "It is ready by %(date)s at the latest (within 3 months)."
        )
        % {"date": date_text(due)}
    )
    return tuple(steps)


_CONCLUSION_TEXT = {
    AssessmentConclusion.CHILD_WELFARE_CLIENT: gettext_noop(
        "The child needs child welfare support. The child is now a child welfare client. "
        "Next we make a client plan together with you."
    ),
    AssessmentConclusion.OTHER_SOCIAL_SERVICES: gettext_noop(
        "The child does not become a child welfare client. The family gets help from "
        "other social services."
    ),
    AssessmentConclusion.NO_NEED: gettext_noop(
        "The child does not become a child welfare client. The family does not need "
        "social welfare now."
    ),
}


def assessment_summary_letter(
    *,
    assessment: ServiceNeedsAssessment,
    recipient: Recipient,
    sender: User,
    family_view: str = "",
    language: str | None = None,
    today: datetime.date | None = None,
) -> Document:
    """The summary of a completed service-needs assessment given to the family (SHL 37 §):
    the conclusion, whether a client relationship opens, and the family's own view."""
    if assessment.completed_on is None:
        raise LetterUnavailable(_("The assessment is not completed yet."))
    case, today = assessment.case, today or timezone.localdate()
    lang = letter_language(recipient, language)
    with translation.override(lang):
        rows = [
            *child_rows(case),
            (_("Assessment started"), date_text(assessment.started_on)),
            (_("Assessment completed"), date_text(assessment.completed_on)),
            (_("Conclusion"), assessment.get_conclusion_display()),
        ]
        view = family_view.strip() or _(
            "You can still tell us your view of the assessment. The worker writes it down."
        )
        sections = [
            Section("", (_intro(recipient),), tuple(rows)),
            Section(_("What the assessment found"), (assessment.summary or "—",)),
            Section(
                _("Child welfare client or not"), (_(_CONCLUSION_TEXT[assessment.conclusion]),)
            ),
            Section(_("Your own view"), (view,)),
        ]
        return letter_document(
            case=case,
            recipient=recipient,
            sender=sender,
            language=lang,
            title=_("Summary of the service-needs assessment"),
            sections=sections,
            today=today,
        )


def plan_letter(
    *,
    case: Case,
    recipient: Recipient,
    sender: User,
    language: str | None = None,
    today: datetime.date | None = None,
) -> Document:
    """The covering letter of the client plan in force (LsL 30 §), with its review date
    and the plan's items as approved."""
    today = today or timezone.localdate()
    doc = plan_selectors.plan_document(case)
    if doc is None:
        raise LetterUnavailable(_("The case has no approved client plan."))
    plan, lang = doc.plan, letter_language(recipient, language)
    with translation.override(lang):
        rows = [
            *child_rows(case),
            (_("Plan approved on"), date_text(plan.approved_on)),
            (_("Next review"), date_text(plan.review_due)),
        ]
        covering = (
            _intro(recipient),
            _("Here is the client plan. We made it together with you."),
            _(
                "The plan is checked by %(date)s at the latest. You can ask for a check "
                "earlier if things change."
            )
            % {"date": date_text(plan.review_due)},
        )
        items = [Section(item.label, (item.text or "—",)) for item in doc.items]
        items += [Section(item.label, (item.text or "—",)) for item in doc.placed_items]
        return letter_document(
            case=case,
            recipient=recipient,
            sender=sender,
            language=lang,
            title=_("Your child's client plan")
            if not _about_you(recipient)
            else _("Your client plan"),
            sections=[Section("", covering, tuple(rows)), *items],
            today=today,
        )
