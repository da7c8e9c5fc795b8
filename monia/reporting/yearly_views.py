"""The yearly child welfare statistics page: the year's figures as charts with their data
tables, the exports, and the children behind each figure. The county's senior official
only (``county_scope_get``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_GET

from monia.access import policy
from monia.access.purposes import Purpose
from monia.casework.models import Channel
from monia.dbrouter import reads_from_replica
from monia.reporting import access, exports
from monia.reporting import yearly_selectors as selectors
from monia.reporting.exports import Table
from monia.reporting.stats_charts import bar_chart
from monia.ui.fields import MoniaForm

FIRST_YEAR = 2000


class YearForm(MoniaForm):
    """The calendar year: from 2000 to this one (empty: last year)."""

    def __init__(self, data: Any = None) -> None:
        super().__init__(data)
        self.fields["year"] = forms.IntegerField(
            label=gettext_lazy("Year"),
            required=False,
            min_value=FIRST_YEAR,
            max_value=timezone.localdate().year,
        )


class YearFigureForm(YearForm):
    figure = forms.CharField(max_length=40)


def _year(form: YearForm) -> int:
    if form.is_valid() and form.cleaned_data["year"]:
        return int(form.cleaned_data["year"])
    return timezone.localdate().year - 1


def _summary(report: selectors.YearlyReport) -> list[tuple[str, str, int]]:
    """(figure key, label, children) of the year's main figures, in THL's order."""
    c = report.children
    return [
        ("notified", _("Children with notifications"), c["notified"]),
        ("community_new", _("New community-care clients"), c["community_new"]),
        ("community_all", _("Community-care clients"), c["community_all"]),
        ("emergency", _("Children placed in an emergency"), c["emergency"]),
        ("care_order_new", _("New care orders (children)"), c["care_order_new"]),
        ("in_care_year", _("Children in care during the year"), c["in_care_year"]),
        ("in_care_end", _("Children in care on 31.12."), c["in_care_end"]),
        ("placed_year", _("Children placed outside the home during the year"), c["placed_year"]),
        ("placed_end", _("Children placed outside the home on 31.12."), c["placed_end"]),
        ("aftercare", _("Aftercare clients"), c["aftercare"]),
    ]


def _forms(report: selectors.YearlyReport) -> list[tuple[str, str, int, int]]:
    """(form, label, placed during the year, placed on 31.12.) by the last placement's form."""
    during, at_end = report.placed_by_form["placed_year"], report.placed_by_form["placed_end"]
    return [
        (form, selectors.form_label(form), during.get(form, 0), at_end.get(form, 0))
        for form in selectors.FORMS
        if form or during.get(form) or at_end.get(form)
    ]


# Child welfare notifications (lastensuojeluilmoitukset), not the bell's notifications.
NOTIFIED = "child welfare notifications"


def _tables(report: selectors.YearlyReport) -> list[Table]:
    """The figures as tables: the workbook's sheets, flattened for the CSV file."""
    return [
        (
            _("Summary"),
            [_("Figure"), _("Children")],
            [(label, n) for _k, label, n in _summary(report)]
            + [(pgettext(NOTIFIED, "Notifications"), report.notifications)],
        ),
        (
            pgettext(NOTIFIED, "Notifications"),
            [_("Channel"), pgettext(NOTIFIED, "Notifications"), _("Children")],
            [(r.label, r.notifications, r.children) for r in report.channels],
        ),
        (
            _("Community care by age"),
            [_("Age on 31.12."), _("New clients"), _("All clients")],
            [(label, new, all_) for _k, label, new, all_ in report.age_rows()],
        ),
        (
            _("Placements by form"),
            [_("Form of the last placement"), _("During the year"), _("On 31.12.")],
            [(label, d, e) for _f, label, d, e in _forms(report)],
        ),
    ]


@login_required
@require_GET
@reads_from_replica
def statistics_yearly(request: HttpRequest) -> HttpResponse:
    scope = access.county_scope_get(policy.user_of(request))
    form = YearForm(request.GET or None)
    year = _year(form)
    report = selectors.yearly_report(county_id=scope.county.pk, year=year)
    ages = report.age_rows()
    placed = _forms(report)
    return render(
        request,
        "reporting/yearly.html",
        {
            "scope": scope,
            "form": form,
            "year": year,
            "report": report,
            "summary": _summary(report),
            "ages": ages,
            "placed": placed,
            "query": urlencode({"year": year}),
            "channel_chart": bar_chart([(r.label, r.notifications) for r in report.channels]),
            "age_chart": bar_chart([(label, n) for _k, label, _new, n in ages], colour=2),
            "form_chart": bar_chart([(label, n) for _f, label, n, _e in placed], colour=1),
        },
    )


@login_required
@require_GET
@reads_from_replica
def statistics_yearly_export(request: HttpRequest) -> HttpResponse:
    scope = access.county_scope_get(policy.user_of(request))
    year = _year(YearForm(request.GET or None))
    report = selectors.yearly_report(county_id=scope.county.pk, year=year)
    tables = _tables(report)
    name = f"lastensuojelu-{scope.county.code}-{year}"
    if request.GET.get("format") == "xlsx":
        return exports.download(exports.xlsx_bytes(tables), f"{name}.xlsx")
    # One value a line: table, row, column, value (the workbook's cells, flattened).
    rows = [
        (title, row[0], column, value)
        for title, header, table in tables
        for row in table
        for column, value in zip(header[1:], row[1:], strict=True)
    ]
    header = [_("Table"), _("Row"), _("Column"), _("Value")]
    return exports.download(exports.csv_bytes(header, rows), f"{name}.csv")


@login_required
@require_GET
def statistics_yearly_children(request: HttpRequest) -> HttpResponse:
    """The children behind one figure of the year, those the user may open; logged."""
    user = policy.user_of(request)
    scope = access.county_scope_get(user)
    form = YearFigureForm(request.GET)
    if not form.is_valid():
        raise policy.NotFound
    year = _year(form)
    figure = form.cleaned_data["figure"]
    ids = selectors.figure_cases(county_id=scope.county.pk, year=year, figure=figure)
    if ids is None:
        raise policy.NotFound
    cases = access.children_behind(user, ids, purpose=Purpose.STATISTICS_CHILDREN)
    return render(
        request,
        "reporting/stats_children.html",
        {
            "title": _figure_title(figure),
            "year": year,
            "cases": cases,
            "back": f"{reverse('statistics_yearly')}?{urlencode({'year': year})}",
        },
    )


def _figure_title(figure: str) -> str:
    base, _sep, part = figure.partition(":")
    titles = {
        "notified": _("Children with notifications"),
        "community_new": _("New community-care clients"),
        "community_all": _("Community-care clients"),
        "emergency": _("Children placed in an emergency"),
        "care_order_new": _("New care orders (children)"),
        "in_care_year": _("Children in care during the year"),
        "in_care_end": _("Children in care on 31.12."),
        "placed_year": _("Children placed outside the home during the year"),
        "placed_end": _("Children placed outside the home on 31.12."),
        "aftercare": _("Aftercare clients"),
    }
    title = titles[base]
    if not _sep:
        return title
    if base == "notified":
        return f"{title}: {Channel(part).label}"
    if base.startswith("placed"):
        return f"{title}: {selectors.form_label(part)}"
    age = selectors.age_label(part) if part != "unknown" else _("Age not known")
    return f"{title}: {age}"
