"""The staffing statistic page (henkilöstömitoitus): THL's three totals on a chosen day, the
per-worker list behind them, the half-year history against the cap, the exports and the
children behind each figure. The county's senior official only (``county_scope_get``)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from monia.access import policy
from monia.access.purposes import Purpose
from monia.dbrouter import reads_from_replica
from monia.reporting import access, exports, thl
from monia.reporting import caseload_selectors as selectors
from monia.ui.charts import line_chart
from monia.ui.fields import MoniaForm, validate_date_range
from monia.ui.widgets import DateInput


class SnapshotForm(MoniaForm):
    """The day of the snapshot: any day; empty means the latest snapshot day passed."""

    on = forms.DateField(
        label=gettext_lazy("Snapshot day"),
        required=False,
        widget=DateInput(),
        validators=[validate_date_range],
        help_text=gettext_lazy("THL counts on the second Tuesday of April and of October."),
    )


class FigureForm(SnapshotForm):
    figure = forms.ChoiceField(choices=[(f, f) for f in selectors.FIGURES])
    worker = forms.IntegerField(required=False, min_value=1)


def _day(form: SnapshotForm) -> datetime.date:
    today = timezone.localdate()
    if form.is_valid() and form.cleaned_data["on"]:
        return form.cleaned_data["on"]  # type: ignore[no-any-return]
    return selectors.default_snapshot_date(today)


def _history(county_id: int, on: datetime.date) -> dict[str, Any]:
    rows = selectors.caseload_history(county_id=county_id, days=selectors.history_dates(on))
    labels = [f"{r.on.day}.{r.on.month}.{r.on.year % 100:02d}" for r in rows]
    chart = line_chart(
        [
            (_("Largest caseload"), [r.largest for r in rows]),
            (_("Children per worker on average"), [round(r.mean or 0) for r in rows]),
        ],
        labels,
        reference=(_("Limit"), [r.cap for r in rows]),
    )
    return {"history": rows, "history_chart": chart}


@login_required
@require_GET
@reads_from_replica
def statistics_caseload(request: HttpRequest) -> HttpResponse:
    scope = access.county_scope_get(policy.user_of(request))
    form = SnapshotForm(request.GET or None)
    on = _day(form)
    report = selectors.caseload_report(county_id=scope.county.pk, on=on)
    query = urlencode({"on": on.isoformat()})
    return render(
        request,
        "reporting/caseload.html",
        {
            "scope": scope,
            "form": form,
            "on": on,
            "report": report,
            "snap": report.snapshot,
            "query": query,
            "snapshot_days": thl.snapshot_dates(on.year),
            **_history(scope.county.pk, on),
        },
    )


def _thl_row(report: selectors.CaseloadReport) -> list[Any]:
    snap = report.snapshot
    return [snap.on.isoformat(), snap.clients_under_18, snap.workers, snap.workers_over_cap]


@login_required
@require_GET
@reads_from_replica
def statistics_caseload_export(request: HttpRequest) -> HttpResponse:
    """THL's shape: one row (day, clients under 18, workers, workers over the limit); the
    workbook adds the per-worker list on a second sheet."""
    scope = access.county_scope_get(policy.user_of(request))
    on = _day(SnapshotForm(request.GET or None))
    report = selectors.caseload_report(county_id=scope.county.pk, on=on)
    header = [_("Day"), _("Clients under 18"), _("Designated social workers"), _("Over the limit")]
    name = f"henkilostomitoitus-{scope.county.code}-{on.isoformat()}"
    if request.GET.get("format") == "xlsx":
        workers = [
            (r.worker.display_name, r.team, r.children, _("yes") if r.over_cap else _("no"))
            for r in report.workers
        ]
        worker_header = [_("Worker"), _("Team"), _("Children"), _("Over the limit")]
        content = exports.xlsx_bytes(
            [(_("Staffing"), header, [_thl_row(report)]), (_("Workers"), worker_header, workers)]
        )
        return exports.download(content, f"{name}.xlsx")
    return exports.download(exports.csv_bytes(header, [_thl_row(report)]), f"{name}.csv")


@login_required
@require_GET
def statistics_caseload_children(request: HttpRequest) -> HttpResponse:
    """The children behind one figure of the snapshot, those the user may open; logged."""
    user = policy.user_of(request)
    scope = access.county_scope_get(user)
    form = FigureForm(request.GET)
    if not form.is_valid():
        raise policy.NotFound
    on = _day(form)
    report = selectors.caseload_report(county_id=scope.county.pk, on=on)
    figure, worker_id = form.cleaned_data["figure"], form.cleaned_data["worker"]
    ids = selectors.figure_cases(report, figure, worker_id)
    titles = {
        "clients": _("Clients under 18"),
        "assigned": _("Children with a designated social worker"),
        "over": _("Children of the workers over the limit"),
        "without": _("Clients under 18 without a designated social worker"),
        "worker": _("Children of one worker"),
    }
    worker = next((r.worker for r in report.workers if r.worker.pk == worker_id), None)
    cases = access.children_behind(user, ids, purpose=Purpose.STATISTICS_CHILDREN)
    return render(
        request,
        "reporting/stats_children.html",
        {
            "title": titles[figure],
            "subtitle": worker.display_name if figure == "worker" and worker else "",
            "on": on,
            "cases": cases,
            "back": f"{reverse('statistics_caseload')}?{urlencode({'on': on.isoformat()})}",
        },
    )
