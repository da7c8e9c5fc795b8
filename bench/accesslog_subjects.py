"""Whom ``bench/accesslog.py`` measures (Django must be set up): a member of team 1 with
the team's open cases (the dashboard's list), and a child and a guardian of that list."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import connection
from django.utils import timezone

from monia.access.log_selectors import reads_by_day_sql
from monia.accounts.models import User
from monia.casework.models import Case
from monia.people.models import Relationship
from monia.portal import log_selectors
from monia.portal.access import PortalCase, PortalKind

TEAM = 1


def dashboard() -> tuple[User, list[Case]]:
    worker = User.objects.filter(team_id=TEAM, role="designated_social_worker").order_by("pk")[0]
    cases = list(Case.objects.filter(team_id=TEAM, closed_at__isnull=True).order_by("pk"))
    return worker, cases


def viewers(cases: list[Case]) -> list[tuple[str, PortalCase]]:
    """The first child of the list, and the first guardian of a child of the list."""
    child_case = cases[0]
    tie = (
        Relationship.objects.filter(to_person_id__in=[c.child_id for c in cases], is_guardian=True)
        .select_related("from_person")
        .order_by("to_person_id")
        .first()
    )
    assert tie is not None, "the national data has guardians"
    guardian_case = next(c for c in cases if c.child_id == tie.to_person_id)
    return [
        (
            "child",
            PortalCase(case=child_case, kind=PortalKind.YOUNG_PERSON, client=child_case.child),
        ),
        (
            "guardian",
            PortalCase(case=guardian_case, kind=PortalKind.GUARDIAN, client=tie.from_person),
        ),
    ]


def _since() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=365 * log_selectors.LOG_YEARS + 1)


def rows_of(viewer: PortalCase) -> int:
    """The person-index rows the viewer's page reads (the two years)."""
    ids = [viewer.case.child_id] + ([viewer.client.pk] if viewer.is_guardian else [])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM access_personread WHERE person_id = ANY(%s) AND at >= %s",
            [ids, _since()],
        )
        return int(cursor.fetchone()[0])


def query_of(viewer: Any) -> str:
    """The page's access query with its parameters in place, for EXPLAIN."""
    sql, params = reads_by_day_sql(
        **log_selectors.access_query(viewer, _since()), limit=log_selectors.LOG_PER_PAGE + 1
    )
    return connection.ops.compose_sql(sql, params)
