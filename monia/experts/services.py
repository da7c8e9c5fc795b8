"""Writes for the expert group (LsL 14 §). Each checks the rules before writing anything
and runs in one transaction."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.accounts.models import User
from monia.casework.models import Case, CaseStage
from monia.experts.models import (
    ExpertCase,
    ExpertGroup,
    Expertise,
    ExpertMember,
    ExpertSession,
    PresentationMode,
)
from monia.teams.models import County


@transaction.atomic
def expert_group_create(*, county: County, name: str) -> ExpertGroup:
    if not name.strip():
        raise ValidationError({"name": _("Name the group.")})
    try:
        with transaction.atomic():
            return ExpertGroup.objects.create(county=county, name=name.strip())
    except IntegrityError as exc:
        raise ValidationError({"name": _("The county already has a group of that name.")}) from exc


@transaction.atomic
def expert_member_add(
    *,
    group: ExpertGroup,
    name: str,
    expertise: str,
    organisation: str = "",
    user: User | None = None,
) -> ExpertMember:
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("Give the member's name.")
    if expertise not in Expertise.values:
        errors["expertise"] = _("Choose the member's expertise.")
    if user is not None and user.county_id != group.county_id:
        errors["user"] = _("The staff account must be of the group's county.")
    if errors:
        raise ValidationError(errors)
    return ExpertMember.objects.create(
        group=group,
        name=name.strip(),
        organisation=organisation.strip(),
        expertise=expertise,
        user=user,
    )


@transaction.atomic
def expert_session_create(
    *, group: ExpertGroup, held_on: datetime.date, location: str = "", remote_link: str = ""
) -> ExpertSession:
    if not (location.strip() or remote_link.strip()):
        raise ValidationError({"location": _("Give the place or the remote meeting link.")})
    return ExpertSession.objects.create(
        group=group, held_on=held_on, location=location.strip(), remote_link=remote_link.strip()
    )


def _names_of(case: Case) -> list[str]:
    child = case.child
    words = re.split(r"[\s\-]+", f"{child.first_names} {child.last_name}")
    names = [w for w in words if len(w) >= 2]
    if child.identity_code:
        names.append(child.identity_code)
    return names


# Common Finnish case endings, so that "Ainon" or "Ainolle" is caught as well as "Aino".
# A guard, not a guarantee: the worker writes a pseudonymised case without names.
_ENDINGS = r"(?:n|a|ä|ta|tä|lle|lla|llä|lta|ltä|ssa|ssä|sta|stä|han|hin|hen|ksi|na|nä|t)?"


def names_in(text: str, case: Case) -> bool:
    """Whether ``text`` contains any of the child's names or the identity code as a word."""
    return any(
        re.search(rf"(?<!\w){re.escape(name)}{_ENDINGS}(?!\w)", text, flags=re.IGNORECASE)
        for name in _names_of(case)
    )


def _check_presentation(
    errors: dict[str, str],
    *,
    session: ExpertSession,
    case: Case,
    mode: str,
    question: str,
    consent_given_by: str,
    pseudonym: str,
) -> None:
    if case.county_id != session.group.county_id:
        errors["session"] = _("Choose a session of your own county's expert group.")
    if case.stage == CaseStage.CLOSED:
        errors["session"] = _("The case is closed.")
    if not question.strip():
        errors["question"] = _("Write the question you put to the group.")
    if mode == PresentationMode.CONSENT:
        if not consent_given_by.strip():
            errors["consent_given_by"] = _(
                "Record who gave consent to presenting the case by name."
            )
    elif mode == PresentationMode.PSEUDONYMISED:
        if not pseudonym.strip():
            errors["pseudonym"] = _("Give the pseudonym the group will know the case by.")
        elif names_in(pseudonym, case):
            errors["pseudonym"] = _("The pseudonym must not contain the child's name.")
        if names_in(question, case):
            errors["question"] = _(
                "The case is pseudonymised: leave the child's name out of the question."
            )
    else:
        errors["mode"] = _("Choose how the case is presented.")


@transaction.atomic
def expert_case_present(
    *,
    user: User,
    session: ExpertSession,
    case: Case,
    mode: str,
    question: str,
    consent_given_by: str = "",
    pseudonym: str = "",
) -> ExpertCase:
    """Put a case on a session of the expert group, named with consent or pseudonymised."""
    errors: dict[str, str] = {}
    _check_presentation(
        errors,
        session=session,
        case=case,
        mode=mode,
        question=question,
        consent_given_by=consent_given_by,
        pseudonym=pseudonym,
    )
    if errors:
        raise ValidationError(errors)
    named = mode == PresentationMode.CONSENT
    fields = dict(
        presented_by=user,
        mode=mode,
        consent_given_by=consent_given_by.strip() if named else "",
        pseudonym="" if named else pseudonym.strip(),
        question=question.strip(),
    )
    # The same presentation sent again (a double click, "Back" and send) is the one saved,
    # not "already on that session": found under the case's lock and returned.
    list(Case.objects.select_for_update().filter(pk=case.pk).values_list("pk"))
    same = ExpertCase.objects.filter(session=session, case=case, **fields).first()
    if same is not None:
        return same
    try:
        with transaction.atomic():
            return ExpertCase.objects.create(session=session, case=case, **fields)
    except IntegrityError as exc:
        raise ValidationError(
            {"session": _("The case is already on that session, or the pseudonym is taken.")}
        ) from exc


@transaction.atomic
def expert_statement_record(
    *,
    user: User,
    expert_case: ExpertCase,
    statement: str,
    given_on: datetime.date,
) -> ExpertCase:
    """Record (or correct) the group's statement on a case; it then shows on the timeline."""
    errors: dict[str, str] = {}
    if not statement.strip():
        errors["statement"] = _("Write down the group's statement.")
    elif expert_case.mode == PresentationMode.PSEUDONYMISED and names_in(
        statement, expert_case.case
    ):
        errors["statement"] = _(
            "The case is pseudonymised: leave the child's name out of the statement."
        )
    if given_on > timezone.localdate():
        errors["given_on"] = _("The date cannot be in the future.")
    elif given_on < expert_case.session.held_on:
        errors["given_on"] = _("The statement cannot be dated before the session.")
    if errors:
        raise ValidationError(errors)
    expert_case.statement = statement.strip()
    expert_case.statement_given_on = given_on
    expert_case.statement_recorded_by = user
    expert_case.save(update_fields=["statement", "statement_given_on", "statement_recorded_by"])
    return expert_case
