"""Tables as files: CSV (semicolon-separated, UTF-8 with a byte-order mark, as Finnish
Excel opens it) and XLSX (openpyxl), one sheet per table — the shapes THL collects. The
rows are the same ones the page shows beside its chart."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook

Table = tuple[str, Sequence[str], Iterable[Sequence[Any]]]  # sheet name, header, rows
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, header, rows in tables:
        sheet = book.create_sheet(title=str(name)[:31])
        sheet.append([str(h) for h in header])
        for row in rows:
            sheet.append([v if isinstance(v, int | float) or v is None else str(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def download(content: bytes, filename: str) -> HttpResponse:
    """A file to save: no caching (the figures are of the county's clients)."""
    kind = "text/csv; charset=utf-8" if filename.endswith(".csv") else XLSX
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
