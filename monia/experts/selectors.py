"""Reads for the expert group's pages. The group belongs to a county: its pages open to
the county's casework staff only, and a fixed number of queries reads each page.

What a row on a session page shows is decided here, once:
- a pseudonymised case shows its pseudonym, never the child's name;
- a case presented by name shows the child's name to those whom the access policy lets
  see the case (the caller logs them); to others it shows neither name nor question.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext as _

from monia.access import policy
from monia.accounts.models import User
from monia.casework.models import Case
from monia.experts.models import (
    ExpertCase,
    ExpertGroup,
    ExpertMember,
    ExpertSession,
    PresentationMode,
)

# How far back a session may still be chosen when recording a presentation afterwards.
PRESENT_LOOKBACK = datetime.timedelta(days=60)


def county_of_staff(user: User) -> int:
    """The county whose group pages the user may open; 404 for anyone but casework staff."""
    if not (user.is_active and user.county_id and user.role in policy.CASEWORK_ROLES):
        raise policy.NotFound
    return user.county_id


def groups_for_county(county_id: int) -> list[ExpertGroup]:
    members = ExpertMember.objects.filter(active=True).order_by("name", "pk")
    return list(
        ExpertGroup.objects.filter(county_id=county_id)
        .prefetch_related(Prefetch("members", queryset=members))
        .order_by("name")
    )


def sessions_for_county(county_id: int) -> list[ExpertSession]:
    return list(
        ExpertSession.objects.filter(group__county_id=county_id)
        .select_related("group")
        .annotate(case_count=Count("cases"))
        .order_by("-held_on", "pk")
    )


def session_get_for_user(user: User, session_id: int) -> ExpertSession:
    county_id = county_of_staff(user)
    session = (
        ExpertSession.objects.select_related("group")
        .filter(pk=session_id, group__county_id=county_id)
        .first()
    )
    if session is None:
        raise policy.NotFound
    return session


@dataclass(frozen=True)
class SessionRow:
    expert_case: ExpertCase
    shown_as: str
    named: bool  # the child's name is shown: the caller logs it
    details_shown: bool  # question and statement

    @property
    def case(self) -> Case:
        return self.expert_case.case


def _row(user: User, ec: ExpertCase) -> SessionRow:
    if ec.mode == PresentationMode.PSEUDONYMISED:
        return SessionRow(ec, ec.pseudonym, named=False, details_shown=True)
    if policy.case_basis(user, ec.case) is not None:
        return SessionRow(ec, ec.case.child.full_name, named=True, details_shown=True)
    return SessionRow(ec, _("A case presented by name by another team"), False, False)


def session_rows(user: User, session: ExpertSession) -> list[SessionRow]:
    cases = (
        ExpertCase.objects.filter(session=session, case__county_id=session.group.county_id)
        .select_related("case__child", "presented_by")
        .order_by("pk")
    )
    return [_row(user, ec) for ec in cases]


def presentable_sessions(county_id: int, *, today: datetime.date) -> QuerySet[ExpertSession]:
    """Sessions a case can be put on: coming ones and those of the last two months."""
    return (
        ExpertSession.objects.filter(
            group__county_id=county_id, held_on__gte=today - PRESENT_LOOKBACK
        )
        .select_related("group")
        .order_by("held_on", "pk")
    )


def consultations_for_case(case: Case) -> list[ExpertCase]:
    return list(
        ExpertCase.objects.filter(case=case)
        .select_related("session__group", "presented_by")
        .order_by("-session__held_on", "-pk")
    )
