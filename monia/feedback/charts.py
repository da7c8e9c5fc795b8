"""The results' trend charts: the mean per period as bars (voice/charts.py's BarChart),
drawn by feedback/_bar_chart.html beside its table. A period whose group is under five
has no bar at all, like its row in the table says "not shown"."""

from __future__ import annotations

from monia.feedback.models import QuestionKind
from monia.feedback.selectors import QuestionResult
from monia.ui.charts import HEIGHT, PAD_BOTTOM, PAD_LEFT, PAD_TOP, PALETTE, WIDTH
from monia.voice.charts import Bar, BarChart

TOPS = {QuestionKind.FACE: 5, QuestionKind.SCALE_10: 10, QuestionKind.YES_NO: 1}


def mean_chart(result: QuestionResult) -> BarChart:
    top = TOPS[QuestionKind(result.question.kind)]
    plot_w, plot_h = WIDTH - PAD_LEFT - 24, HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = plot_w / max(len(result.groups), 1)

    def y(value: float) -> float:
        return round(PAD_TOP + plot_h * (1 - value / top), 1)

    bars = [
        Bar(
            x=round(PAD_LEFT + slot * i + slot * 0.2, 1),
            y=y(g.mean),
            width=round(slot * 0.6, 1),
            height=round(y(0) - y(g.mean), 1),
            label=f"{g.label}: {g.mean}",
        )
        for i, g in enumerate(result.groups)
        if g.shown and g.mean is not None
    ]
    step = 1 if top <= 5 else 2
    return BarChart(
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        x_ticks=[
            (round(PAD_LEFT + slot * (i + 0.5), 1), g.label[:-4] + g.label[-2:])
            for i, g in enumerate(result.groups)
        ],
        y_ticks=[(y(v), v) for v in range(0, top + 1, step)],
        baseline=y(0),
        left=PAD_LEFT,
        colour=PALETTE[0],
    )
