"""The dashboard's lists of cases (issue 12): filters, sorting and paging, so that a worker
with 60 cases and a senior official with a county's 1,000 each read one page at a time.

The options come from the page's query string through an allow-list (``CaseListOptions``:
anything else is the default). Every list costs two queries whatever its length: the count
and the page; the next statutory deadline of each case is computed in the same query.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import models as db
from django.db.models import F, Min, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.expressions import RawSQL

from monia import deadlines
from monia.accounts.models import display_name
from monia.casework import stages
from monia.casework.models import (
    Case,
    ClientPlan,
    Intake,
    Measure,
    MeasureKind,
    PlanStatus,
    ServiceNeedsAssessment,
)
from monia.people.models import full_name
from monia.ui.languages import in_reader_language

PAGE_SIZE = 25
T = TypeVar("T")
OPEN_STAGES = stages.OPEN_STAGES
SORTS = ("name", "deadline", "stage")
DUE = ("due_soon", "overdue")


@dataclass(frozen=True)
class CaseListOptions:
    """What a list shows and in which order; every value from an allow-list."""

    stage: str = ""  # one of OPEN_STAGES, or "" for all
    team_id: int | None = None  # one team of the county (a senior official's lists)
    due: str = ""  # "due_soon" | "overdue" | "" for all
    sort: str = "name"  # one of SORTS

    @classmethod
    def allowed(
        cls, *, stage: object, team: object, due: object, sort: object, teams: set[int]
    ) -> CaseListOptions:
        """The options asked for, each replaced by its default when not allowed."""
        team_id = int(team) if isinstance(team, str) and team.isascii() and team.isdigit() else None
        return cls(
            stage=str(stage) if stage in OPEN_STAGES else "",
            team_id=team_id if team_id in teams else None,
            due=str(due) if due in DUE else "",
            sort=str(sort) if sort in SORTS else "name",
        )

    @property
    def filtered(self) -> bool:
        return bool(self.stage or self.team_id or self.due)


def _first(records: QuerySet[Any], due: Any) -> Subquery:
    """The earliest ``due`` of the records of the case in the outer query."""
    return Subquery(
        records.filter(case=OuterRef("pk"))
        .order_by()
        .values("case")
        .annotate(first=Min(due))
        .values("first")[:1]
    )


def _literal(value: str) -> str:
    """A code constant (a choice's value) as an SQL literal."""
    assert value.isidentifier(), value
    return f"'{value}'"


def deadline_rows(cases: str) -> str:
    """SQL: the open statutory deadlines of the cases whose key meets ``cases`` (a condition
    on ``case_id``: ``IN (SELECT …)``, ``= <the outer case>``), one row each: ``case_id,
    kind, due, pk``. An intake's kind is ``intake``: its 7-day decision, or a client's
    notification, as the case's stage says (``selectors._deadlines_query`` tells them
    apart). A plan's review is due by the date approved, or earlier when a new notification
    brought it forward (``Intake.plan_review_by``); a running emergency placement or
    aftercare by its end, extended or not. The rules of ``selectors._case_deadlines``, in SQL
    once for the dashboard's deadlines and the lists' next deadline (issue 15: the ORM took
    longer to build them than the database took to answer)."""
    timed = f"{_literal(MeasureKind.EMERGENCY_PLACEMENT)}, {_literal(MeasureKind.AFTERCARE)}"
    return f"""
        SELECT i.case_id, 'intake', i.decision_due, i.id FROM {Intake._meta.db_table} i
        WHERE i.case_id {cases} AND i.decision = ''
      UNION ALL
        SELECT a.case_id, 'assessment', a.completion_due, a.id
        FROM {ServiceNeedsAssessment._meta.db_table} a
        WHERE a.case_id {cases} AND a.completed_on IS NULL
      UNION ALL
        SELECT pl.case_id, 'plan_review',
               LEAST(pl.review_due, (SELECT MIN(f.plan_review_by) FROM {Intake._meta.db_table} f
                                     WHERE f.reviewed_plan_id = pl.id)),
               pl.id
        FROM {ClientPlan._meta.db_table} pl
        WHERE pl.case_id {cases} AND pl.status = {_literal(PlanStatus.APPROVED)}
      UNION ALL
        SELECT m.case_id,
               CASE WHEN m.kind = {_literal(MeasureKind.EMERGENCY_PLACEMENT)}
                    THEN 'emergency_placement' ELSE 'aftercare' END,
               COALESCE(m.extended_to, m.expires_on), m.id
        FROM {Measure._meta.db_table} m
        WHERE m.case_id {cases} AND m.ended_on IS NULL AND m.kind IN ({timed})
    """  # noqa: S608 - table names from the models, code constants


class _NextDue(db.Func):
    """The earliest open statutory deadline of the case whose key is the expression: the
    least ``due`` of its ``deadline_rows``. The case's key stays an expression, so the SQL
    holds wherever Django aliases the table."""

    template = (
        f"(SELECT MIN(d.due) FROM ({deadline_rows('= %(expressions)s')})"  # noqa: S608
        " AS d (case_id, kind, due, pk))"
    )
    output_field = db.DateField()


def with_next_deadline(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Each case with ``next_due``: its earliest open statutory deadline (the 7-day
    decision, the assessment, the plan review, an emergency placement or aftercare), the
    same ones ``selectors._deadlines_query`` lists; None when it has none."""
    return cases.annotate(next_due=_NextDue("pk"))


_STAGE_ORDER = db.Case(
    *[When(stage=s, then=Value(i)) for i, s in enumerate(OPEN_STAGES)],
    default=Value(len(OPEN_STAGES)),
    output_field=db.IntegerField(),
)
_BY_NAME = ("child__last_name", "child__first_names", "child__birth_date", "pk")


def list_filter(options: CaseListOptions, *, today: datetime.date, warn_working_days: int) -> Q:
    """The condition ``options`` put on a list's cases (``Q()`` for none); the due filters
    read ``next_due`` (``with_next_deadline``)."""
    condition = Q()
    if options.stage:
        condition &= Q(stage=options.stage)
    if options.team_id:
        condition &= Q(team_id=options.team_id)
    if options.due == "overdue":
        condition &= Q(next_due__lt=today)
    elif options.due == "due_soon":  # deadlines.deadline_status's "due soon"
        soon = deadlines.add_working_days(today, warn_working_days + 1)
        condition &= Q(next_due__gte=today, next_due__lt=soon)
    return condition


def case_list(
    cases: QuerySet[Case],
    options: CaseListOptions,
    *,
    today: datetime.date,
    warn_working_days: int,
) -> QuerySet[Case]:
    """``cases`` filtered and sorted by ``options``, each with its ``next_due``."""
    listed = with_next_deadline(cases).filter(
        list_filter(options, today=today, warn_working_days=warn_working_days)
    )
    order: list[Any]
    if options.sort == "deadline":
        order = [F("next_due").asc(nulls_last=True), *_BY_NAME]
    elif options.sort == "stage":
        order = [_STAGE_ORDER, *_BY_NAME]
    else:
        order = list(_BY_NAME)
    return listed.order_by(*order)


# What a row of a list shows and the log needs (``policy.log_case_list``), read as plain
# rows: no model instances, no ``select_related``/``only`` (building ~50 instances and their
# related ones cost more than the database took to send them).
_CASE_COLUMNS = (  # the case's own columns: attributes of ``CaseRow`` as they are
    "pk",
    "county_id",
    "stage",
    "child_id",
    "team_id",
    "designated_worker_id",
    "next_due",
)
_ROW_COLUMNS = (
    *_CASE_COLUMNS,
    "child__first_names",
    "child__last_name",
    "child__unidentified",
    "child__approximate_age",
    "child__birth_date",
    "child__expected_birth_date",
    "team__name",
    "team__name_sv",
    "team__name_en",
    "designated_worker__username",
    "designated_worker__first_name",
    "designated_worker__last_name",
)


class _Named:
    """A related row's shown values: the child's ``full_name`` and what the ``born`` filter
    reads, the worker's ``display_name``, the team's ``display_name`` (as
    ``Team.display_name``: in the reader's language)."""

    __slots__ = (
        "full_name",
        "birth_date",
        "expected_birth_date",
        "unidentified",
        "display_name",
    )

    def __init__(self, **values: Any) -> None:
        for key, value in values.items():
            setattr(self, key, value)


class CaseRow:
    """One case of a list as its row shows it (the columns of ``_ROW_COLUMNS``); enough of
    a case for ``policy.case_basis`` and the ``label`` filter (``_meta``)."""

    _meta = Case._meta
    pk: int  # the attributes of ``_CASE_COLUMNS``, typed
    county_id: int
    stage: str
    child_id: int
    team_id: int
    designated_worker_id: int | None
    next_due: datetime.date | None
    next_due_status: str  # the next deadline's status, set by ``case_page``
    __slots__ = (*_CASE_COLUMNS, "next_due_status", "child", "team", "designated_worker")

    def __init__(self, row: Sequence[Any]) -> None:
        for name, value in zip(_CASE_COLUMNS, row, strict=False):
            setattr(self, name, value)
        (
            first_names,
            last_name,
            unidentified,
            approximate_age,
            birth_date,
            expected_birth_date,
            team_name,
            team_name_sv,
            team_name_en,
            username,
            first_name,
            worker_last_name,
        ) = row[len(_CASE_COLUMNS) :]
        self.child = _Named(
            full_name=full_name(
                first_names, last_name, unidentified, approximate_age, expected_birth_date
            ),
            birth_date=birth_date,
            expected_birth_date=expected_birth_date,
            unidentified=unidentified,
        )
        self.team = _Named(
            display_name=in_reader_language(fi=team_name, sv=team_name_sv, en=team_name_en)
        )
        self.designated_worker = (
            None
            if self.designated_worker_id is None
            else _Named(display_name=display_name(first_name, worker_last_name, username))
        )


def case_page(
    cases: QuerySet[Case],
    number: str | int | None,
    *,
    today: datetime.date,
    warn_working_days: int,
    count: int | None = None,
) -> Page[CaseRow]:
    """One page of a list (a page number out of range: the nearest page), each case with
    the status of its next deadline (``next_due_status``). ``count``: the list's length when
    the caller counted it already (with other counts, in one query), else it is counted.
    The page's cases are ``CaseRow``s, read as rows."""
    paginator = Paginator(cases.values_list(*_ROW_COLUMNS), PAGE_SIZE)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property: no COUNT query
    page = paginator.get_page(number)
    rows = [CaseRow(row) for row in page.object_list]
    for case in rows:
        due = case.next_due
        case.next_due_status = (
            str(deadlines.deadline_status(due, today, None, warn_working_days)) if due else ""
        )
    page.object_list = rows
    return page


def list_page(items: Sequence[T], number: str | int | None) -> Page[T]:
    """One page of a list already read (the deadlines, the exceptions): ``PAGE_SIZE`` rows,
    a page number out of range the nearest page."""
    return Paginator(items, PAGE_SIZE).get_page(number)


def compiled_once(cases: QuerySet[Case]) -> Any:
    """``cases``' keys as a sub-select compiled once, for ``case__in=`` / ``pk__in=`` in
    several queries: Django compiles a queryset sub-select again in every query that uses
    it (about 0.4 ms each for the policy's visible open cases). A sliced queryset, one
    that can match nothing, or anything else is given back as it is."""
    if not isinstance(cases, QuerySet) or cases.query.is_sliced:
        return cases
    sql, params = sub_select(cases)
    if sql is None:  # a filter that can match nothing (``pk__in=[]``): Django's own
        return cases
    return RawSQL(sql, params)  # noqa: S611 (SQL Django compiled; its parameters kept apart)


def sub_select(cases: QuerySet[Case] | RawSQL) -> tuple[str | None, Sequence[Any]]:
    """The SQL of ``cases``' keys and its parameters, for a query written in SQL; None
    when ``cases`` can match nothing. ``cases`` a queryset, or a sub-select
    ``compiled_once`` compiled already."""
    if isinstance(cases, RawSQL):
        return cases.sql, cases.params
    try:
        return cases.order_by().values("pk").query.get_compiler(cases.db).as_sql()
    except EmptyResultSet:
        return None, ()


def cases_to_log(visible: QuerySet[Case], ids: Collection[int]) -> list[Case]:
    """The cases ``ids`` among ``visible``, with the columns ``policy.log_case_list`` reads
    and nothing else: one query, no related rows (a page that names children in several
    lists logs them all at once)."""
    fields = ("pk", "county_id", "child_id", "team_id", "designated_worker_id")
    return [
        Case(**dict(zip(fields, row, strict=True)))
        for row in visible.filter(pk__in=ids).order_by("pk").values_list(*fields)
    ]
