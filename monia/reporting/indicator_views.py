"""The development indicators: per month, as SVG charts with their data tables beside
them, printable, as CSV or XLSX; each count of children opens the children behind it."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from monia.access.purposes import Purpose
from monia.dbrouter import reads_from_replica
from monia.reporting import access, exports
from monia.reporting import indicator_selectors as selectors
from monia.reporting.monitoring_views import scope_from_request, team_query
from monia.ui.charts import LineChart, line_chart

FIGURES = ("support", "contributions", "meetings", "consultations")


def _label(month: datetime.date) -> str:
    return month.strftime("%m/%y")


def _ints(values: Sequence[float | int | None]) -> list[int]:
    """A month with nothing to count is drawn at 0 (its table cell says —)."""
    return [round(v) if v is not None else 0 for v in values]


def charts(ind: selectors.Indicators) -> dict[str, LineChart]:
    labels = [_label(m) for m in ind.months]
    return {
        "support": line_chart(
            [
                (_("Median days"), _ints([r.median for r in ind.support])),
                (_("90th percentile, days"), _ints([r.p90 for r in ind.support])),
            ],
            labels,
            (_("Target"), [ind.target_days] * len(labels)),
        ),
        "shares": line_chart(
            [
                (
                    _("Assessments with partners' statements, %"),
                    _ints([r.share for r in ind.contributions]),
                ),
                (_("Meetings with the family present, %"), _ints([r.share for r in ind.meetings])),
                (
                    _("Consultations answered on time, %"),
                    _ints([r.share for r in ind.consultations]),
                ),
            ],
            labels,
            top=100,
        ),
        "caseload": line_chart(
            [
                (_("Largest caseload"), [r.largest for r in ind.caseload]),
                (_("Workers over the limit"), [r.over_cap for r in ind.caseload]),
            ],
            [r.month_end.strftime("%m/%y") for r in ind.caseload],
            (_("Limit"), [r.cap for r in ind.caseload]),
        ),
    }


def export_tables(ind: selectors.Indicators) -> list[exports.Table]:
    """The tables beside the charts, one sheet each; the same rows as the page."""

    def shares(rows: list[selectors.ShareRow]) -> list[list[Any]]:
        return [[r.month.strftime("%Y-%m"), r.total, r.hits, r.share] for r in rows]

    yes_no = [_("Month"), _("Counted"), _("Yes"), _("Per cent")]
    support = [
        [r.month.strftime("%Y-%m"), r.total, r.median, r.p90, r.hits, r.share] for r in ind.support
    ]
    caseload = [
        [r.month_end.isoformat(), r.workers, r.largest, r.over_cap, r.cap] for r in ind.caseload
    ]
    return [
        (
            _("Time to support"),
            [
                _("Month"),
                _("Referrals"),
                _("Median days"),
                _("90th percentile, days"),
                _("Within the target"),
                _("Per cent"),
            ],
            support,
        ),
        (_("Partners' statements"), yes_no, shares(ind.contributions)),
        (_("Family present"), yes_no, shares(ind.meetings)),
        (_("Consultations on time"), yes_no, shares(ind.consultations)),
        (
            _("Caseload"),
            [
                _("Month end"),
                _("Designated workers"),
                _("Largest caseload"),
                _("Workers over the limit"),
                _("Limit"),
            ],
            caseload,
        ),
    ]


def _csv(tables: list[exports.Table]) -> bytes:
    """One CSV file: each table's rows under its name in the first column."""
    header = [_("Table"), *[f"{i + 1}" for i in range(6)]]
    rows = [[str(name), *[str(h) for h in head]] for name, head, _rows in tables]
    body = [[str(name), *row] for name, _head, data in tables for row in data]
    return exports.csv_bytes(header, rows + body)


@login_required
@require_GET
@reads_from_replica
def statistics_indicators(request: HttpRequest) -> HttpResponse:
    _user, scope, form = scope_from_request(request)
    ind = selectors.indicators(scope, today=timezone.localdate())
    kind = request.GET.get("format")
    if kind == "csv":
        return exports.download(_csv(export_tables(ind)), "kehittamisindikaattorit.csv")
    if kind == "xlsx":
        return exports.download(
            exports.xlsx_bytes(export_tables(ind)), "kehittamisindikaattorit.xlsx"
        )
    query = team_query(scope)
    return render(
        request,
        "reporting/indicators.html",
        {
            "scope": scope,
            "form": form,
            "ind": ind,
            "charts": charts(ind),
            "team_query": query,
            "amp_team": f"&{query}" if query else "",
        },
    )


@login_required
@require_GET
def statistics_indicators_children(
    request: HttpRequest, figure: str, month: str, part: str
) -> HttpResponse:
    user, scope, _form = scope_from_request(request)
    if figure not in FIGURES or part not in ("all", "no"):
        raise Http404
    rows = selectors.figure_rows(scope, figure, today=timezone.localdate())
    row = next((r for r in rows if r.month.strftime("%Y-%m") == month), None)
    if row is None:
        raise Http404
    ids = row.case_ids if part == "all" else row.miss_ids
    cases = access.children_behind(user, ids, purpose=Purpose.STATISTICS_CHILDREN)
    return render(
        request,
        "reporting/indicators_children.html",
        {
            "scope": scope,
            "figure": figure,
            "part": part,
            "row": row,
            "cases": cases,
            "team_query": team_query(scope),
        },
    )
