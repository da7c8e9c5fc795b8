"""The caseload page's per-worker parts, written in Python for a county of ~100 workers,
say what the template said: every name escaped, each small chart on the shared scale."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.conftest import CaseWorld, login, make_user
from monia.ui import charts


def test_a_workers_name_is_escaped_in_every_part_of_the_page(case_a: CaseWorld, world: Any) -> None:
    user = make_user("worker_x", "social_worker", world.county_a, world.team_a1)
    user.last_name = "<b>&Co"
    user.save(update_fields=["last_name"])
    page = login("worker_a").get(reverse("caseload")).content.decode()
    assert "<b>&Co" not in page
    # The bar, the table's row, the year's table's column and the small chart.
    assert page.count("Worker_X &lt;b&gt;&amp;Co") + page.count("&lt;b&gt;&amp;Co Worker_X") == 4


def test_small_multiples_draw_what_a_chart_of_their_own_would() -> None:
    series = [("A", [1, 2, 3, 40]), ("B", [10, 20, 33, 0]), ("C", [])]
    labels = ["01/26", "02/26", "03/26", "04/26"]
    cap = ("Cap", [30, 30, 35, 35])
    top = max(v for _, ys in series for v in ys)
    for label, ys in series:
        alone = charts.line_chart(
            [(label, ys)], labels, cap, width=240, height=110, pad_left=28, pad_right=30, top=top
        )
        small = next(m for m in charts.small_multiples(series, labels, cap) if m.label == label)
        assert small.chart.lines == alone.lines
        assert small.chart.baseline == alone.baseline
        assert small.chart.x_ticks == [alone.x_ticks[0], alone.x_ticks[-1]]
        assert small.chart.y_ticks == [alone.y_ticks[0], alone.y_ticks[-1]]
