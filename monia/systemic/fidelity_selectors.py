"""The systemic model's fidelity, observed (issue 16): per team and month, from what the
team's meetings already recorded. Counts only — no child, no name, no case number leaves
these functions — so the reads are not logged as reads of client data (nothing about a
family is shown); see docs/dev-training.md.

For each month of the last twelve (the current one so far):
- weekly meetings held: closed meetings / the month's weeks: the days so far that fall on
  the team's usual meeting day (the weekday of most of its meetings in the window), so a
  team meeting every Sunday of a month of five Sundays held 5 of 5, not "5 of 4"; a team
  with no meeting yet: days so far / 7 (at least 1);
- family therapist present: closed meetings where a family therapist of the team was
  recorded present / closed meetings;
- hypotheses: families discussed (agenda items marked discussed) with a hypothesis made or
  revised at that meeting / families discussed;
- genograms updated: families discussed in the month whose genogram changed in the month
  (a saved version that differs from the one before it, or the first one) / those families;
- shared case responsibility: the team's cases open at the month's end (or today) that the
  team discussed at least once in the month / those cases. "The team's cases" are those it
  holds today: Monia keeps no history of a case's team, so a case moved since counts for
  its new team's earlier months.
Four queries, whatever the number of teams and months.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, TextField
from django.db.models.functions import MD5, Cast

from monia.access import develop_rule
from monia.access.policy import NotFound
from monia.accounts.models import Role, User
from monia.casework.models import Case
from monia.systemic.models import (
    AgendaItem,
    AttendanceStatus,
    DiagramKind,
    DiagramSnapshot,
    HypothesisRevision,
    MeetingAttendance,
    MeetingStatus,
    TeamMeeting,
)
from monia.teams.models import Team
from monia.training.access import may_oversee

MONTHS = 12


def fidelity_team_for(user: User, requested: str) -> Team | None:
    """The team whose fidelity a page shows: a member their own team; the county's senior
    official and development coordinator the team they chose, or None for the county's
    overview. Reads no client data. 404 for anyone else."""
    if not develop_rule.is_county_staff(user) or user.county_id is None:
        raise NotFound
    if may_oversee(user):
        if not requested:
            return None
        team = Team.objects.filter(pk=int(requested), county_id=user.county_id).first()
    elif user.team_id is not None:
        team = Team.objects.filter(pk=user.team_id, county_id=user.county_id).first()
    else:
        team = None
    if team is None:
        raise NotFound
    return team


def county_teams(user: User) -> list[Team]:
    if user.county_id is None:
        return []
    return list(Team.objects.filter(county_id=user.county_id).order_by("name", "pk"))


@dataclass(frozen=True)
class Ratio:
    part: int
    whole: int

    @property
    def percent(self) -> int | None:
        return min(100, round(100 * self.part / self.whole)) if self.whole else None


@dataclass(frozen=True)
class FidelityMonth:
    month: datetime.date
    meetings: Ratio  # closed meetings / weeks in the month
    therapist: Ratio  # meetings with the family therapist present / meetings
    hypotheses: Ratio  # discussed families with a hypothesis at that meeting / discussed
    genograms: Ratio  # families discussed whose genogram changed / families discussed
    shared: Ratio  # open cases discussed at least once / open cases

    @property
    def label(self) -> str:
        return self.month.strftime("%m/%y")


def months_back(today: datetime.date, n: int = MONTHS) -> list[datetime.date]:
    first, out = today.replace(day=1), []
    for _ in range(n):
        out.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return out[::-1]


def _month_end(month: datetime.date, today: datetime.date) -> datetime.date:
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    return min(last, today)


def _weeks(month: datetime.date, today: datetime.date, weekday: int | None = None) -> int:
    """The weekly meetings a month (so far) has room for: its days on ``weekday``, the
    team's usual meeting day; without one, the days so far / 7. At least 1."""
    days = (_month_end(month, today) - month).days + 1
    if weekday is None:
        return max(1, round(days / 7))
    first = (weekday - month.weekday()) % 7  # the first such day, counted from the 1st
    return max(1, 0 if first >= days else 1 + (days - 1 - first) // 7)


def _usual_weekday(held_on: list[datetime.date]) -> int | None:
    """The weekday of most of a team's meetings (the latest one breaks a tie); None: none."""
    if not held_on:
        return None
    counts = Counter(d.weekday() for d in held_on)
    return max(counts, key=lambda w: (counts[w], max(d for d in held_on if d.weekday() == w)))


def _meetings(
    team_ids: list[int], start: datetime.date
) -> tuple[dict[tuple[int, datetime.date], list[bool]], dict[int, list[datetime.date]]]:
    """Per (team, month) whether a family therapist was at each closed meeting; and each
    team's meeting days."""
    therapist = MeetingAttendance.objects.filter(
        meeting=OuterRef("pk"),
        status=AttendanceStatus.PRESENT,
        member__role=Role.FAMILY_THERAPIST,
    )
    out: dict[tuple[int, datetime.date], list[bool]] = defaultdict(list)
    days: dict[int, list[datetime.date]] = defaultdict(list)
    rows = TeamMeeting.objects.filter(
        team_id__in=team_ids, status=MeetingStatus.CLOSED, held_on__gte=start
    ).values_list("team_id", "held_on", Exists(therapist))
    for team_id, held_on, present in rows:
        out[(team_id, held_on.replace(day=1))].append(bool(present))
        days[team_id].append(held_on)
    return out, days


def _discussed(
    team_ids: list[int], start: datetime.date
) -> dict[tuple[int, datetime.date], list[tuple[int, bool]]]:
    revised = HypothesisRevision.objects.filter(
        meeting=OuterRef("meeting"), hypothesis__case=OuterRef("case")
    )
    out: dict[tuple[int, datetime.date], list[tuple[int, bool]]] = defaultdict(list)
    rows = AgendaItem.objects.filter(
        meeting__team_id__in=team_ids,
        meeting__status=MeetingStatus.CLOSED,
        meeting__held_on__gte=start,
        discussed=True,
    ).values_list("meeting__team_id", "meeting__held_on", "case_id", Exists(revised))
    for team_id, held_on, case_id, hypothesis in rows:
        out[(team_id, held_on.replace(day=1))].append((case_id, bool(hypothesis)))
    return out


def _genogram_changes(team_ids: list[int], start: datetime.date) -> set[tuple[int, datetime.date]]:
    """(case, month) where the case's genogram changed: a version differing from the one
    before it. Versions from a year before the window give the first one its predecessor.
    The cases are those the teams' meetings discussed in the window, not the teams' cases
    today: a family that moved to another team still counts where it was discussed."""
    since = start - datetime.timedelta(days=366)
    discussed = AgendaItem.objects.filter(
        meeting__team_id__in=team_ids,
        meeting__status=MeetingStatus.CLOSED,
        meeting__held_on__gte=start,
        discussed=True,
    ).values("case_id")
    rows = (
        DiagramSnapshot.objects.filter(
            case_id__in=discussed, kind=DiagramKind.GENOGRAM, taken_at__date__gte=since
        )
        .order_by("case_id", "taken_at", "pk")
        .values_list("case_id", F("taken_at__date"), MD5(Cast("data", TextField())))
    )
    changed: set[tuple[int, datetime.date]] = set()
    previous: dict[int, str] = {}
    for case_id, day, digest in rows:
        if previous.get(case_id) != digest:
            changed.add((case_id, day.replace(day=1)))
        previous[case_id] = digest
    return changed


def _open_cases(
    team_ids: list[int], start: datetime.date
) -> list[tuple[int, int, datetime.date, datetime.date | None]]:
    """Each case of the teams open at some time in the window: its dates only."""
    rows = Case.objects.filter(team_id__in=team_ids).filter(
        Q(closed_at__isnull=True) | Q(closed_at__date__gte=start)
    )
    return [
        (team_id, pk, opened.date(), closed.date() if closed else None)
        for team_id, pk, opened, closed in rows.values_list(
            "team_id", "pk", "opened_at", "closed_at"
        )
    ]


def fidelity_by_team(
    team_ids: list[int], *, today: datetime.date
) -> dict[int, list[FidelityMonth]]:
    """The last twelve months of each team, oldest first: four queries in all."""
    months = months_back(today)
    start = months[0]
    meetings, meeting_days = _meetings(team_ids, start)
    discussed = _discussed(team_ids, start)
    genograms = _genogram_changes(team_ids, start)
    cases = _open_cases(team_ids, start)
    out: dict[int, list[FidelityMonth]] = {}
    for team_id in team_ids:
        rows = []
        weekday = _usual_weekday(meeting_days.get(team_id, []))
        for month in months:
            held = meetings.get((team_id, month), [])
            items = discussed.get((team_id, month), [])
            families = {case_id for case_id, _ in items}
            end = _month_end(month, today)
            open_ids = {
                pk
                for t, pk, opened, closed in cases
                if t == team_id and opened <= end and (closed is None or closed > end)
            }
            rows.append(
                FidelityMonth(
                    month=month,
                    meetings=Ratio(len(held), _weeks(month, today, weekday)),
                    therapist=Ratio(sum(held), len(held)),
                    hypotheses=Ratio(sum(h for _, h in items), len(items)),
                    genograms=Ratio(sum((c, month) in genograms for c in families), len(families)),
                    shared=Ratio(len(open_ids & families), len(open_ids)),
                )
            )
        out[team_id] = rows
    return out


@dataclass(frozen=True)
class TeamYear:
    """A team's twelve months summed: the county overview's row."""

    team: Team
    meetings: Ratio
    therapist: Ratio
    hypotheses: Ratio
    genograms: Ratio
    shared: Ratio


def _sum(ratios: list[Ratio]) -> Ratio:
    return Ratio(sum(r.part for r in ratios), sum(r.whole for r in ratios))


def county_year(teams: list[Team], *, today: datetime.date) -> list[TeamYear]:
    by_team = fidelity_by_team([t.pk for t in teams], today=today)
    return [
        TeamYear(
            team=t,
            meetings=_sum([m.meetings for m in by_team[t.pk]]),
            therapist=_sum([m.therapist for m in by_team[t.pk]]),
            hypotheses=_sum([m.hypotheses for m in by_team[t.pk]]),
            genograms=_sum([m.genograms for m in by_team[t.pk]]),
            shared=_sum([m.shared for m in by_team[t.pk]]),
        )
        for t in teams
    ]
