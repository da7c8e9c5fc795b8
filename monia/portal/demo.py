"""Demo identification: synthetic clients to log in as, when MONIA_DEMO_IDENTIFICATION is on.

Only synthetic identity codes (individual numbers 900–999) are listed, and only they log in:
the login itself refuses a real code (``demo_identity_code_allowed``). The settings refuse to
start with the demo identification on outside a demo database (DEBUG or MONIA_DEMO_DATABASE,
which ``make run`` sets), and a session it made carries ``DEMO_SESSION_KEY``: the middleware
below logs such a session out as soon as the demo identification is off.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from monia.casework.models import Case, CaseStage, MeasureKind
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.people import hetu
from monia.people.models import Person, Relationship
from monia.portal.access import ADULT_AGE, PORTAL_MIN_AGE


@dataclasses.dataclass(frozen=True)
class DemoClient:
    kind: str
    name: str
    identity_code: str


# Set in the session by the demo login: the session was made without strong identification.
DEMO_SESSION_KEY = "monia_demo_identification"


def _synthetic(code: str) -> bool:
    return demo_identity_code_allowed(code)


def demo_identity_code_allowed(code: str) -> bool:
    """Only a valid synthetic identity code (individual number 900–999) logs in by demo."""
    try:
        return hetu.parse(code).is_synthetic
    except hetu.InvalidIdentityCode:
        return False


def mark_demo_session(request: HttpRequest) -> None:
    request.session[DEMO_SESSION_KEY] = True


class DemoSessionMiddleware:
    """A session made by the demo identification ends when the demo identification is off."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if (
            session is not None
            and not settings.MONIA_DEMO_IDENTIFICATION
            and session.get(DEMO_SESSION_KEY)
        ):
            logout(request)  # flushes the session: the marker goes with it
        return self.get_response(request)


def _years_ago(today: datetime.date, years: int) -> datetime.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def demo_clients(per_kind: int = 3) -> list[DemoClient]:
    today = timezone.localdate()
    open_cases = Case.objects.exclude(stage=CaseStage.CLOSED)
    out: list[DemoClient] = []
    planned = NetworkMeeting.objects.filter(status=MeetingStatus.PLANNED)
    young = (
        Person.objects.filter(
            cases__in=open_cases,
            birth_date__lte=_years_ago(today, PORTAL_MIN_AGE),
            birth_date__gt=_years_ago(today, ADULT_AGE),
        )
        .exclude(identity_code="")
        .annotate(featured=Exists(planned.filter(case__child=OuterRef("pk"))))
        .order_by("-featured", "pk")[: per_kind * 3]
    )
    adults = (
        Person.objects.filter(
            cases__in=open_cases.filter(measures__kind=MeasureKind.AFTERCARE),
            birth_date__lte=_years_ago(today, ADULT_AGE),
        )
        .exclude(identity_code="")
        .distinct()
        .order_by("pk")[: per_kind * 3]
    )
    guardian_ids = Relationship.objects.filter(
        is_guardian=True,
        to_person__cases__in=open_cases,
        to_person__birth_date__gt=_years_ago(today, ADULT_AGE),
    ).values("from_person_id")
    guardians = (
        Person.objects.filter(pk__in=guardian_ids)
        .exclude(identity_code="")
        .annotate(
            featured=Exists(
                planned.filter(
                    case__child__ties_to__from_person=OuterRef("pk"),
                    case__child__ties_to__is_guardian=True,
                )
            )
        )
        .order_by("-featured", "pk")[: per_kind * 3]
    )
    for kind, persons in (
        ("young_person", young),
        ("young_adult", adults),
        ("guardian", guardians),
    ):
        picked = [p for p in persons if _synthetic(p.identity_code)][:per_kind]
        out += [
            DemoClient(kind=kind, name=p.full_name, identity_code=p.identity_code) for p in picked
        ]
    return out
