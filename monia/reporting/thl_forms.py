"""The THL page's choosers: a GET form that keeps what was chosen (the half-year and,
optionally, a team), the drill-down's figure, and the comparison's start button."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from monia.casework.forms import SentOnceForm
from monia.reporting import thl
from monia.reporting.thl_tables import FIGURES, periods
from monia.teams.models import Team
from monia.ui.fields import MoniaForm


def period_choice(start: date, end: date) -> str:
    """The half-year as the chooser lists it: short enough for a 320 px screen."""
    return f"{date_format(start, 'j.n.Y')}–{date_format(end, 'j.n.Y')}"


def period_label(start: date, end: date) -> str:
    return _("%(start)s–%(end)s (due %(due)s)") % {
        "start": date_format(start, "j.n.Y"),
        "end": date_format(end, "j.n.Y"),
        "due": date_format(thl.report_due(start), "j.n.Y"),
    }


class ThlForm(MoniaForm):
    period = forms.ChoiceField(label=_lazy("Half-year"))
    team = forms.ChoiceField(label=_lazy("Team"), required=False)

    def __init__(self, data: Any, *, today: date, teams: list[Team]) -> None:
        super().__init__(data)
        # A row by team is keyed by the team's id (thl_selectors.TeamKey); labelled here
        # once, in the reader's language.
        self.team_labels = {t.pk: t.display_name for t in teams}
        choices = periods(today)
        self.fields["period"].choices = [(s.isoformat(), period_choice(s, e)) for s, e in choices]
        teams_shown = ((t.pk, t.display_name) for t in teams)
        self.fields["team"].choices = [("", _("All teams")), *teams_shown]
        # The default: the latest half-year that has ended, the one THL asks for next.
        self.fields["period"].initial = choices[1][0].isoformat()

    def chosen(self) -> tuple[date, date, int | None]:
        """The half-year and the team; the default when nothing valid was chosen."""
        raw = self.cleaned_data.get("period") if self.is_bound and self.is_valid() else None
        start = date.fromisoformat(raw or self.fields["period"].initial)
        team = self.cleaned_data.get("team") if self.is_bound and self.is_valid() else None
        return (*thl.half_year_period(start), int(team) if team else None)


class ThlChildrenForm(ThlForm):
    figure = forms.ChoiceField(choices=[(f, f) for f in FIGURES])
    municipality = forms.CharField(required=False, max_length=100)
    row_team = forms.IntegerField(required=False, min_value=1)  # the row's team's id


class CompareStartForm(SentOnceForm):
    key_required = True
    period = forms.ChoiceField(label=_lazy("Half-year"))

    def __init__(self, data: Any, *, today: date) -> None:
        super().__init__(data)
        choices = periods(today)
        self.fields["period"].choices = [(s.isoformat(), period_choice(s, e)) for s, e in choices]
        self.fields["period"].initial = choices[1][0].isoformat()
