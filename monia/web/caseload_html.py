"""The caseload page's per-worker parts, written as HTML in one pass per worker.

A senior official's page lists every worker of the county (about 100 in the national
data's largest county) in a bar, a table row, a column of the year's table and a small
chart of 13 points. Through the template language that cost about 0.3 ms of CPU per
worker (some 6,000 nodes for 100 workers); here the same markup costs a few
microseconds per worker. Every name is escaped; numbers are written as the template wrote
them with ``{% localize off %}`` (``str`` of the int or float); translations are the
template's own msgids, looked up once per page.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from monia.casework import selectors
from monia.ui.charts import SmallMultiple


def _percent_of(value: int, scale: int) -> int:
    """As the ``percent_of`` filter of the casework tag library."""
    return round(100 * value / scale) if scale else 0


def bars_and_rows(rows: Sequence[selectors.Caseload], scale: int) -> tuple[SafeString, SafeString]:
    """The bar chart's rows and the caseload table's body, one worker each."""
    yes, no = escape(gettext("yes")), escape(gettext("no"))
    yes = f"<strong>{yes}</strong>"
    bars, table = [], []
    for r in rows:
        name = escape(r.worker.display_name)
        over = " over" if r.over_cap else ""
        bars.append(
            f'<div class="bar-row"><span class="bar-label">{name}</span>'
            f'<span class="bar-track"><span class="bar{over}" style="width: '
            f'{_percent_of(r.children, scale)}%"></span><span class="cap-mark" style="left: '
            f'{_percent_of(r.cap, scale)}%"></span></span>'
            f'<span class="bar-value{over}">{r.children}</span></div>\n'
        )
        table.append(
            f'<tr><th scope="row">{name}</th><td>{r.children}</td><td>{r.cap}</td>'
            f"<td>{yes if r.over_cap else no}</td></tr>\n"
        )
    return mark_safe("".join(bars)), mark_safe("".join(table))  # noqa: S308 - escaped above


def history_table(
    workers: Sequence[str], rows: Sequence[tuple[str, Sequence[int]]]
) -> tuple[SafeString, SafeString]:
    """The year's table: a header cell per worker, and a row per month end."""
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in workers)
    body = "".join(
        f'<tr><th scope="row">{escape(month)}</th>'
        + "".join(f"<td>{v}</td>" for v in values)
        + "</tr>"
        for month, values in rows
    )
    return mark_safe(head), mark_safe(body)  # noqa: S308 - escaped above


def small_multiples(charts: Sequence[SmallMultiple]) -> SafeString:
    """A small chart per worker, all on the scale ``charts.small_multiples`` gave them."""
    out = []
    for m in charts:
        c = m.chart
        ticks_y = "".join(
            f'<text x="{c.left - 4}" y="{y}" text-anchor="end" font-size="10"'
            f' dominant-baseline="middle">{v}</text>'
            for y, v in c.y_ticks
        )
        ticks_x = "".join(
            f'<text x="{x}" y="{c.height - 8}" text-anchor="{"start" if i == 0 else "end"}"'
            f' font-size="10">{escape(label)}</text>'
            for i, (x, label) in enumerate(c.x_ticks)
        )
        lines = "".join(
            f'<polyline points="{line.points}" fill="none" stroke="#a4001d" stroke-width="1.5"'
            f' stroke-dasharray="{escape(line.dash)}"/>'
            if line.dash
            else f'<polyline points="{line.points}" fill="none" stroke="#0b4f8a"'
            f' stroke-width="2.5"/>'
            for line in c.lines
        )
        over = " over" if m.over_reference else ""
        out.append(
            f'<li>\n    <figure>\n      <figcaption><span class="name">{escape(m.label)}</span> '
            f'<span class="value{over}">{m.last}</span></figcaption>'
            f'<svg viewBox="0 0 {c.width} {c.height}" width="100%" aria-hidden="true"'
            f' focusable="false"><line x1="{c.left}" y1="{c.baseline}" x2="{c.right}"'
            f' y2="{c.baseline}" stroke="#4a4a55"/>{ticks_y}{ticks_x}{lines}</svg>'
            f"\n    </figure>\n  </li>\n"
        )
    return mark_safe("".join(out))  # noqa: S308 - escaped above
