"""The dashboard's table rows, written as HTML in one pass per row.

The dashboard lists up to four pages of rows (the worker's cases, the team's, the
deadlines and the exceptions: 25 each). Through the template language a row cost about
0.06 ms of CPU in variable look-ups and filter calls; here it costs a few microseconds
(issue 15, docs/performance.md). As in ``caseload_html``: every text is escaped, and the
cells use the functions of the template filters they replace (the ``casework`` tag
library), so a row reads exactly as before. A label is looked up and escaped once per table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape  # Django's ``escape`` is this on ``str(text)``, plus a lazy check
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from monia.casework.templatetags.casework import (
    born,
    deadline_label,
    exception_label,
    status_label,
    with_id,
)
from monia.ui.rows import choice_label, day_month_year, weekday_day_month_year

DASH = "—"
FLAGGED = ("overdue", "due_soon")


class _Once(dict[str, str]):
    """``markup(key)`` for each key, made once per table."""

    def __init__(self, markup: Callable[[str], str]) -> None:
        super().__init__()
        self.markup = markup

    def __missing__(self, key: str) -> str:
        value = self[key] = self.markup(key)
        return value


def _badges() -> _Once:
    return _Once(
        lambda status: (
            f'<span class="badge badge-{escape(status)}">{escape(status_label(status))}</span>'
        )
    )


def _labels(label: Callable[[str], Any]) -> _Once:
    return _Once(lambda key: escape(str(label(key))))


def _link(case_url: tuple[str, str], pk: object, text: str) -> str:
    return f'<a href="{escape(with_id(case_url, pk))}">{escape(text)}</a>'


def case_rows(cases: Iterable[Any], case_url: tuple[str, str]) -> SafeString:
    """The body of a case list: child, born, stage, next deadline, worker, team."""
    badges = _badges()
    out = []
    for c in cases:
        child = c.child
        if not c.next_due:
            due = DASH
        elif c.next_due_status in FLAGGED:
            due = f"{day_month_year(c.next_due)} {badges[c.next_due_status]}"
        else:
            due = day_month_year(c.next_due)
        worker = c.designated_worker
        out.append(
            f"<tr><td>{_link(case_url, c.pk, child.full_name)}</td>"
            f"<td>{escape(born(child))}</td><td>{escape(str(choice_label(c, 'stage')))}</td>"
            f"<td>{due}</td><td>{escape(worker.display_name) if worker else DASH}</td>"
            f"<td>{escape(c.team.display_name)}</td></tr>\n"
        )
    return mark_safe("".join(out))  # noqa: S308 - escaped above


def deadline_rows(deadlines: Iterable[Any], case_url: tuple[str, str]) -> SafeString:
    """The body of the deadlines' table: due, status, child, what."""
    badges, kinds = _badges(), _labels(deadline_label)
    out = []
    for d in deadlines:
        day = escape(weekday_day_month_year(d.due))
        out.append(
            f'<tr class="status-{escape(d.status)}"><td>{day}</td>'
            f"<td>{badges[d.status]}</td><td>{_link(case_url, d.case_id, d.child_name)}</td>"
            f"<td>{kinds[d.kind]}</td></tr>\n"
        )
    return mark_safe("".join(out))  # noqa: S308 - escaped above


def exception_rows(exceptions: Iterable[Any], case_url: tuple[str, str]) -> SafeString:
    """The body of the exceptions' table: the child, the exception and since when."""
    kinds = _labels(exception_label)
    out = []
    for e in exceptions:
        since = ngettext("since %(date)s (%(n)s day)", "since %(date)s (%(n)s days)", e.days) % {
            "date": day_month_year(e.since),
            "n": e.days,
        }
        out.append(
            f"<tr><td>{_link(case_url, e.case_id, e.child_name)}</td><td>"
            f'<span class="badge badge-exception">{kinds[e.kind]}</span> {escape(since)}'
            "</td></tr>\n"
        )
    return mark_safe("".join(out))  # noqa: S308 - escaped above
