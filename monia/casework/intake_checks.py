"""What an intake may not be, judged before anything is written: the time of receipt, the
content, the notifier (LsL 25 §, ``notifier.py``), a request made with the family (LsL 25 a
§) and the child of the intake (LsL 6 §, 25 c §); and what the decision on it may not be
(LsL 26 §). ``intake_services`` refuses with these; a form shows them beside its own
messages (``intake_errors``, ``intake_decision_errors``), every message in one round.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from monia import deadlines
from monia.casework.case_services import CLOCK_SKEW, _check_date, today
from monia.casework.models import Intake, IntakeDecision, IntakeKind
from monia.casework.notifier import notifier_errors
from monia.people.models import Person
from monia.ui.fields import has_control_characters

#: The longest content of an intake, in characters. A notification transcribed from a long
#: phone call or a pasted letter is a few thousand characters; an e-notification is at most
#: 10,000 (``enotify.forms.CONTENT_MAX_LENGTH``) and is converted with room to spare. Longer
#: text is an attachment, not the notification, and must not fill the database (issue 11,
#: item 13: the API took 2 MB).
INTAKE_CONTENT_MAX_LENGTH = 20_000
#: The earliest time of receipt: the Child Welfare Act (417/2007) came into force on
#: 1 January 2008, so no intake under it was received before. Together with CLOCK_SKEW into
#: the future, this is the window of a plausible time of receipt.
INTAKE_EARLIEST_RECEIVED = datetime.date(2008, 1, 1)


def received_at_errors(received_at: datetime.datetime) -> dict[str, str]:
    """The time of receipt: aware, not in the future, not before the Act was in force."""
    if timezone.is_naive(received_at):
        return {"received_at": _("Give the time of receipt.")}
    if received_at > timezone.now() + CLOCK_SKEW:
        return {"received_at": _("The time of receipt cannot be in the future.")}
    if received_at.date() < INTAKE_EARLIEST_RECEIVED:
        return {
            "received_at": _("The time of receipt cannot be before %(date)s.")
            % {"date": date_format(INTAKE_EARLIEST_RECEIVED)}
        }
    return {}


def content_errors(content: str) -> dict[str, str]:
    """The content: written, at most INTAKE_CONTENT_MAX_LENGTH, no control characters."""
    if not content.strip():
        return {"content": _("Write down what the notifier told.")}
    if len(content) > INTAKE_CONTENT_MAX_LENGTH:
        return {
            "content": _("The content can be at most %(max)s characters long.")
            % {"max": number_format(INTAKE_CONTENT_MAX_LENGTH, force_grouping=True)}
        }
    if has_control_characters(content):
        return {"content": _("Remove the control characters (such as a NUL byte) from the text.")}
    return {}


def intake_errors(
    values: Mapping[str, Any],
    *,
    child: Person | None = None,
    new_child: Mapping[str, Any] | None = None,
) -> dict[str, str]:
    """What ``intake_record`` refuses in an intake's own fields, as {field: message}: the
    time of receipt, the content, the notifier (LsL 25 §), a request made with the family
    (LsL 25 a §) and, for a child chosen, whether they may be its child; for a ``new_child``
    what ``person_create`` refuses in the details. A value missing from ``values`` (its
    field could not be read) is not judged: a form shows these beside its own messages,
    every message in one round."""
    from monia.people.services import person_errors

    errors = person_errors(**new_child) if new_child is not None else {}
    received_at = values.get("received_at")
    if received_at is not None:
        errors.update(received_at_errors(received_at))
    if "content" in values:
        errors.update(content_errors(values["content"]))
    if "notifier_type" in values:
        errors.update(
            notifier_errors(
                notifier_type=values["notifier_type"],
                name=values.get("notifier_name", ""),
                organisation=values.get("notifier_organisation", ""),
                sector=values.get("notifier_sector", ""),
                phone=values.get("notifier_phone", ""),
                email=values.get("notifier_email", ""),
            )
        )
    kind = values.get("kind")
    if kind == IntakeKind.REQUEST_WITH_FAMILY and not values.get("family_participated"):
        errors["family_participated"] = _(
            "A request under LsL 25 a § is made together with the child or parent."
        )
    if (
        child is not None
        and kind
        and received_at is not None
        and not timezone.is_naive(received_at)
    ):
        errors.update(child_errors(child, kind=kind, on=deadlines.helsinki_date(received_at)))
    return errors


def child_errors(child: Person, *, kind: str, on: datetime.date) -> dict[str, str]:
    """Whether ``child`` may be the child of an intake of ``kind`` received ``on``: a
    person under 18 (LsL 6 §), an unborn child for a pre-birth notification (LsL 25 c §),
    or a child not identified yet. An adult is a family member, never the child."""
    if kind == IntakeKind.PRE_BIRTH:
        if child.birth_date is not None:
            return {"kind": _("A pre-birth notification concerns an unborn child.")}
        return {}
    if child.birth_date is None and child.expected_birth_date is not None:
        return {"kind": _("This child has no date of birth: use a pre-birth notification.")}
    if child.merged_into_id is not None:
        return {"person": _("This record was linked to an identified person: choose them.")}
    if not child.may_be_child_on(on):
        return {
            "person": _(
                "Only a child under 18 can be the child of an intake: record an adult "
                "as a family member."
            )
        }
    return {}


def intake_decision_errors(values: Mapping[str, Any], *, intake: Intake) -> dict[str, str]:
    """What ``intake_decide`` refuses in what was typed, as {field: message}: the dates (not
    in the future, not before the intake was received), a decision of the law's, the
    reasons of no action and, for a notification handled within the client relationship
    (LsL 30 §), what is done and a review date not in the past. A value missing from
    ``values`` is not judged. Whether the intake is decided already, the child a client
    and the plan in force are saved state: the service judges them under its lock."""
    errors: dict[str, str] = {}
    received = deadlines.helsinki_date(intake.received_at)
    before = _("The date cannot be before the intake was received.")
    for field in ("decided_on", "family_told_on"):
        _check_date(errors, field, values.get(field), not_before=received, before_message=before)
    decision = values.get("decision")
    if "decision" in values and decision not in IntakeDecision.values:
        errors["decision"] = _("Choose a decision.")
    if decision == IntakeDecision.NO_ACTION and not (values.get("reason") or "").strip():
        errors["reason"] = _("Give the reasons why no action is needed.")
    if decision == IntakeDecision.CLIENT_RELATIONSHIP:
        if "client_action" in values and not (values["client_action"] or "").strip():
            errors["client_action"] = _(
                "Write down what is done within the client relationship, e.g. when the plan "
                "is reviewed."
            )
        review_by = values.get("plan_review_by")
        if review_by is not None and review_by < today():
            errors["plan_review_by"] = _("The review date cannot be in the past.")
    return errors
