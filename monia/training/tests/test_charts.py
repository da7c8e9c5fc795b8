"""The county's chart of the share trained: a long team name is cut visibly, and the
bar's tooltip names the whole team."""

from __future__ import annotations

from monia.training.charts import share_chart
from monia.training.selectors import Share, TeamShare


def test_a_long_team_name_is_cut_with_an_ellipsis_and_named_whole_in_the_tooltip() -> None:
    shares = [
        TeamShare(1, "Lastensuojelu, tiimi 1 (systeeminen)", "", "", Share(4, 5)),
        TeamShare(2, "Tiimi 2", "", "", Share(1, 5)),
    ]
    long, short = share_chart(shares).bars
    assert long.label == "Lastensuojelu, tiimi 1…"
    assert long.name == "Lastensuojelu, tiimi 1 (systeeminen)"
    assert (short.label, short.name, short.percent) == ("Tiimi 2", "Tiimi 2", 20)
