"""The dashboard's rows, written in Python (``web.dashboard_html``), say what the template
said: every name escaped, the labels and dates in the reader's language, a link to the case."""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace
from typing import Any

from django.urls import reverse
from django.utils import translation

from monia.casework.models import Case
from monia.casework.selectors import Deadline
from monia.conftest import CaseWorld, login
from monia.ui.rows import id_url
from monia.web import dashboard_html


def _cells(html: str) -> list[str]:
    return re.findall(r"<td>(.*?)</td>", html)


def test_a_childs_name_is_escaped_in_the_case_list(case_a: CaseWorld, worker_a: Any) -> None:
    child = case_a.case.child
    child.first_names = "<b>&Co"
    child.save(update_fields=["first_names"])
    page = login("worker_a").get(reverse("dashboard")).content.decode()
    assert "<b>&Co" not in page
    assert "&lt;b&gt;&amp;Co" in page
    assert f'href="/cases/{case_a.case.pk}/"' in page


def test_a_case_row_names_the_stage_the_deadline_and_its_badge_in_finnish_and_swedish() -> None:
    row = SimpleNamespace(
        pk=7,
        child=SimpleNamespace(
            full_name="Aino & Eino",
            birth_date=datetime.date(2015, 3, 4),
            expected_birth_date=None,
            unidentified=False,
        ),
        stage="assessment",
        next_due=datetime.date(2026, 12, 1),
        next_due_status="overdue",
        designated_worker=None,
        team=SimpleNamespace(display_name="Tiimi <1>"),
        _meta=Case._meta,
    )
    url = ("/cases/", "/")
    with translation.override("fi"):
        cells = _cells(dashboard_html.case_rows([row], url))
    assert cells == [
        '<a href="/cases/7/">Aino &amp; Eino</a>',
        "4.3.2015",
        "Palvelutarpeen arviointi",
        '1.12.2026 <span class="badge badge-overdue">Myöhässä</span>',
        "—",
        "Tiimi &lt;1&gt;",
    ]
    with translation.override("sv"):
        cells = _cells(dashboard_html.case_rows([row], url))
    assert cells[3] == '1.12.2026 <span class="badge badge-overdue">Försenad</span>'
    row.next_due_status = "pending"
    assert _cells(dashboard_html.case_rows([row], url))[3] == "1.12.2026"
    row.next_due = None
    assert _cells(dashboard_html.case_rows([row], url))[3] == "—"


def test_deadline_and_exception_rows_say_what_and_since_when(db: None) -> None:
    url = id_url("case_detail")
    due = Deadline(
        case_id=3,
        kind="assessment",
        due=datetime.date(2026, 12, 7),
        status="due_soon",
        object_id=1,
        child_name="<i>Lapsi</i>",
    )
    exception = SimpleNamespace(
        case_id=3, child_name="Lapsi", kind="no_plan", since=datetime.date(2026, 12, 6), days=1
    )
    with translation.override("fi"):
        html = dashboard_html.deadline_rows([due], url)
        assert html.startswith('<tr class="status-due_soon">')
        assert _cells(html) == [
            "ma 7.12.2026",
            '<span class="badge badge-due_soon">Erääntyy pian</span>',
            f'<a href="{reverse("case_detail", args=[3])}">&lt;i&gt;Lapsi&lt;/i&gt;</a>',
            "Arviointi valmis (3 kuukautta)",
        ]
        one = _cells(dashboard_html.exception_rows([exception], url))[1]
        exception.days = 2
        two = _cells(dashboard_html.exception_rows([exception], url))[1]
    badge = '<span class="badge badge-exception">Ei asiakassuunnitelmaa</span>'
    assert one == f"{badge} 6.12.2026 alkaen (1 päivä)"
    assert two.endswith("6.12.2026 alkaen (2 päivää)")
