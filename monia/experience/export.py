"""The payroll export as a file: CSV (semicolon-separated, UTF-8 with a byte-order mark, as
Finnish Excel opens it) or XLSX. Payroll pays by the real name and the register's id; the
bank account and tax percentage are in the payroll system, never in Monia."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from monia.experience.models import Assignment

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def header() -> list[str]:
    return [
        _("Expert id"),
        _("Real name"),
        _("Pseudonym"),
        _("Kind"),
        _("Assignment"),
        _("Date"),
        _("Hours"),
        _("Fee (taxable)"),
        _("Costs reimbursed"),
        _("Costs explained"),
        _("Total"),
    ]


def rows(assignments: Sequence[Assignment]) -> list[list[object]]:
    return [
        [
            a.expert_id,
            a.expert.real_name,
            a.expert.pseudonym,
            a.get_kind_display(),
            a.title,
            a.date.isoformat(),
            Decimal(a.hours),
            a.fee_payable,
            Decimal(a.costs),
            a.costs_description,
            a.total_payable,
        ]
        for a in assignments
    ]


def _csv(assignments: Sequence[Assignment]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header())
    for row in rows(assignments):
        writer.writerow([str(v).replace(".", ",") if isinstance(v, Decimal) else v for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx(assignments: Sequence[Assignment], month: datetime.date) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = month.strftime("%Y-%m")
    sheet.append(header())
    for row in rows(assignments):
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def download(assignments: Sequence[Assignment], month: datetime.date, kind: str) -> HttpResponse:
    """The file to save; not cached (real names and pay)."""
    name = f"palkkiot-{month:%Y-%m}.{'xlsx' if kind == 'xlsx' else 'csv'}"
    if kind == "xlsx":
        response = HttpResponse(_xlsx(assignments, month), content_type=XLSX)
    else:
        response = HttpResponse(_csv(assignments), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
