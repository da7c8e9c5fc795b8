"""THL's half-year processing times (lastensuojelun käsittelyajat): the county's page, the
children behind each figure, the files in THL's shape, and the comparison of counties (a
background task). The county's senior official only (``access.county_scope_get``);
anyone else 404."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.dbrouter import reads_from_replica
from monia.reporting import access, exports, thl, thl_services
from monia.reporting import thl_selectors as sel
from monia.reporting import thl_tables as tables
from monia.reporting.thl_forms import CompareStartForm, ThlChildrenForm, ThlForm, period_label
from monia.ui.errors import saved_by


def _report(
    user: User, form: ThlForm
) -> tuple[access.Scope, date, date, thl.ProcessingTimes, list[thl.Notification]]:
    scope = access.county_scope_get(user)
    start, end, team_id = form.chosen()
    if team_id is not None:
        scope = access.team_scope_get(user, team_id)
    records = sel.thl_notifications(
        start=start, end=end, county_id=scope.county.pk, team_id=team_id
    ).get(scope.county.pk, [])
    times = thl.processing_times(records, start=start, end=end, as_of=timezone.localdate())
    return scope, start, end, times, records


def _form(request: HttpRequest, user: User, kind: type[ThlForm] = ThlForm) -> ThlForm:
    access.county_scope_get(user)  # 404 before anything is read
    teams = access.teams_to_choose(user)
    return kind(request.GET or None, today=timezone.localdate(), teams=teams)


@login_required
@require_GET
@reads_from_replica
def thl_processing_times(request: HttpRequest) -> HttpResponse:
    """The county's half-year figures with their rules, tables and chart."""
    user = policy.user_of(request)
    form = _form(request, user)
    scope, start, end, times, _records = _report(user, form)
    total = tables.total_row(times, _("Total"))
    chart = tables.on_time_chart(
        [
            (_("Started in 7 working days"), times.seven_day.on_time, times.seven_day.late),
            (_("Completed in 3 months"), times.three_month.on_time, times.three_month.late),
        ]
    )
    return render(
        request,
        "reporting/thl.html",
        {
            "form": form,
            "scope": scope,
            "start": start,
            "end": end,
            "due": thl.report_due(start),
            "period": period_label(start, end),
            "times": times,
            "total": total,
            "by_municipality": tables.rows_by(times, "by_municipality"),
            "by_team": (
                tables.rows_by(times, "by_team", labels=form.team_labels)
                if scope.whole_county
                else []
            ),
            "chart": chart,
            "query": request.GET.urlencode(),
            "period_param": start.isoformat(),
            "team_param": scope.team.pk if scope.team else "",
        },
    )


@login_required
@require_GET
@reads_from_replica
def thl_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The figures in THL's shape: one row per municipality and the county's total."""
    user = policy.user_of(request)
    form = _form(request, user)
    scope, start, end, times, _records = _report(user, form)
    rows = tables.export_rows(
        tables.rows_by(times, "by_municipality"), tables.total_row(times, scope.county.name_fi)
    )
    name = f"thl-{scope.county.code}-{start:%Y-%m}"
    if fmt == "csv":
        return exports.download(exports.csv_bytes(tables.export_header(), rows), f"{name}.csv")
    if fmt == "xlsx":
        table = (_("Processing times"), tables.export_header(), rows)
        return exports.download(exports.xlsx_bytes([table]), f"{name}.xlsx")
    raise policy.NotFound


@login_required
@require_GET
def thl_children(request: HttpRequest) -> HttpResponse:
    """The children behind one count: the cases the user may open, the read logged."""
    user = policy.user_of(request)
    form = _form(request, user, ThlChildrenForm)
    if not form.is_valid():
        raise policy.NotFound
    scope, start, end, times, records = _report(user, form)
    figure = form.cleaned_data["figure"]
    municipality, row_team = form.cleaned_data["municipality"], form.cleaned_data["row_team"]
    keys = sel.figure_children(
        times, records, figure=figure, municipality=municipality, team_id=row_team
    )
    ids = sel.case_ids(keys)
    purpose = Purpose.STATISTICS_CHILDREN
    if municipality:  # a list by municipality must not tell where a protected child lives
        cases, withheld = access.children_behind_by_place(user, ids, purpose=purpose)
    else:
        cases, withheld = access.children_behind(user, ids, purpose=purpose), 0
    return render(
        request,
        "reporting/thl_children.html",
        {
            "cases": cases,
            "withheld": withheld,
            "count": len(keys),
            "figure": figure,
            "period": period_label(start, end),
            "municipality": municipality,
            "row_team": form.team_labels.get(row_team, ""),
            "scope": scope,
            "back": form.data.urlencode() if hasattr(form.data, "urlencode") else "",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def thl_compare(request: HttpRequest) -> HttpResponse:
    """The counties side by side (aggregates only), counted by a background task."""
    user = policy.user_of(request)
    scope = access.county_scope_get(user)
    form = CompareStartForm(request.POST or None, today=timezone.localdate())

    def run_request(data: dict[str, Any]) -> None:
        start, end = thl.half_year_period(date.fromisoformat(data["period"]))
        thl_services.thl_compare_request(
            user=user, start=start, end=end, submission_key=data["submission_key"]
        )

    if saved_by(request, form, run_request):
        messages.success(request, _("The comparison has started."))
        return redirect("thl_compare")
    runs = sel.compare_runs_of(user)
    for run in runs:
        run.label = period_label(run.period_start, run.period_end)  # type: ignore[attr-defined]
    return render(
        request,
        "reporting/thl_compare.html",
        {
            "form": form,
            "scope": scope,
            "runs": runs,
            "in_progress": any(r.in_progress for r in runs),
            "header": tables.compare_header(),
        },
    )


@login_required
@require_GET
def thl_compare_file(request: HttpRequest, run_id: int, fmt: str) -> HttpResponse:
    """A finished comparison as CSV or XLSX: only its requester may download it."""
    user = policy.user_of(request)
    access.county_scope_get(user)
    run = sel.compare_run_done(user, run_id)
    if run is None or fmt not in ("csv", "xlsx"):
        raise policy.NotFound
    name = f"thl-counties-{run.period_start:%Y-%m}.{fmt}"
    header = tables.compare_header()
    if fmt == "csv":
        return exports.download(exports.csv_bytes(header, run.rows), name)
    return exports.download(exports.xlsx_bytes([(_("Counties"), header, run.rows)]), name)
