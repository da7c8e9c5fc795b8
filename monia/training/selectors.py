"""Reads of the training records. "Trained" (issue 16: the model needs a trained team): a
member of a team has completed a module of the track their role needs — the consultant
social worker the consultant track, the family therapist the family therapist track, every
other practitioner the basic training in the systemic model. A refresher keeps one trained
but does not make one trained. Each function runs a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case as DbCase
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum, Value, When
from django.db.models.lookups import Exact

from monia.accounts.models import Role, User
from monia.teams.models import Team
from monia.training.models import Track, TrainingModule, TrainingRecord
from monia.ui.languages import in_reader_language

# The roles of a systemic team's practice, whose training counts toward the team's share
# (a team coordinator keeps the team's paperwork and is not counted).
PRACTICE_ROLES = (
    Role.DESIGNATED_SOCIAL_WORKER,
    Role.SOCIAL_WORKER,
    Role.CONSULTANT_SOCIAL_WORKER,
    Role.FAMILY_THERAPIST,
    Role.FAMILY_WORKER,
)
# Whose training may be recorded: the practitioners and those who lead them.
RECORDABLE_ROLES = (
    *PRACTICE_ROLES,
    Role.TEAM_COORDINATOR,
    Role.SENIOR_OFFICIAL,
    Role.DEVELOPMENT_COORDINATOR,
)
REQUIRED_TRACK = {
    Role.CONSULTANT_SOCIAL_WORKER: Track.CONSULTANT,
    Role.FAMILY_THERAPIST: Track.FAMILY_THERAPIST,
}


def required_track(role: str) -> str:
    return str(REQUIRED_TRACK.get(role, Track.BASIC))  # type: ignore[call-overload]


@dataclass(frozen=True)
class Share:
    trained: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.trained / self.total) if self.total else 0


def _trained() -> Exists:
    """The user has completed a module of the track their role needs (one condition, so it
    can filter an aggregate as well as mark a row): one sub-select, its track chosen by
    the outer row's role (three sub-selects, one per track, took Django 1.7 ms to compile
    on every caseboard)."""
    required = DbCase(
        *(
            When(Exact(OuterRef("role"), role), then=Value(str(track)))
            for role, track in REQUIRED_TRACK.items()
        ),
        default=Value(str(Track.BASIC)),
    )
    return Exists(TrainingRecord.objects.filter(user=OuterRef("pk"), module__track=required))


def _practitioners() -> QuerySet[User]:
    """Active practitioners of a team."""
    return User.objects.filter(is_active=True, role__in=PRACTICE_ROLES, team__isnull=False)


def team_share_trained(team: Team) -> Share:
    """The team's practitioners and how many of them are trained: one query."""
    counts = (
        _practitioners()
        .filter(team=team)
        .aggregate(total=Count("pk"), trained=Count("pk", filter=_trained()))
    )
    return Share(trained=counts["trained"], total=counts["total"])


@dataclass(frozen=True)
class TeamShare:
    team_id: int
    name: str
    name_sv: str
    name_en: str
    share: Share

    @property
    def display_name(self) -> str:
        """The team in the reader's language, as ``Team.display_name``."""
        return in_reader_language(fi=self.name, sv=self.name_sv, en=self.name_en)


def county_shares(county_id: int) -> list[TeamShare]:
    """Each team of the county with practitioners, with its share trained: one query."""
    rows = (
        _practitioners()
        .filter(team__county_id=county_id)
        .values("team_id", "team__name", "team__name_sv", "team__name_en")
        .annotate(total=Count("pk"), trained=Count("pk", filter=_trained()))
        .order_by("team__name", "team_id")
    )
    return [
        TeamShare(
            r["team_id"],
            r["team__name"],
            r["team__name_sv"],
            r["team__name_en"],
            Share(r["trained"], r["total"]),
        )
        for r in rows
    ]


def county_total(shares: list[TeamShare]) -> Share:
    return Share(sum(s.share.trained for s in shares), sum(s.share.total for s in shares))


@dataclass
class MemberRow:
    user: User
    trained: bool
    records: list[TrainingRecord] = field(default_factory=list)

    @property
    def hours(self) -> float:
        return float(sum(r.hours for r in self.records))


def team_members(team: Team) -> list[MemberRow]:
    """The team's practitioners with their records, trained or not: two queries."""
    users = list(
        _practitioners()
        .filter(team=team)
        .annotate(trained=DbCase(When(_trained(), then=Value(True)), default=Value(False)))
        .order_by("last_name", "first_name", "pk")
    )
    records: dict[int, list[TrainingRecord]] = defaultdict(list)
    for record in TrainingRecord.objects.filter(user__in=[u.pk for u in users]).select_related(
        "module"
    ):
        records[record.user_id].append(record)
    return [MemberRow(u, bool(u.trained), records[u.pk]) for u in users]


def own_records(user: User) -> list[TrainingRecord]:
    return list(TrainingRecord.objects.filter(user=user).select_related("module", "recorded_by"))


def is_trained(user: User, records: list[TrainingRecord]) -> bool:
    track = required_track(user.role)
    return any(r.module.track == track for r in records)


def own_hours(records: list[TrainingRecord]) -> float:
    return float(sum(r.hours for r in records))


def modules_for(county_id: int) -> list[TrainingModule]:
    """The shared catalogue and the county's own modules."""
    return list(TrainingModule.objects.filter(Q(county__isnull=True) | Q(county_id=county_id)))


def staff_choices(county_id: int) -> list[User]:
    """The county's staff whose training may be recorded, by name."""
    return list(
        User.objects.filter(county_id=county_id, is_active=True, role__in=RECORDABLE_ROLES)
        .select_related("team")
        .order_by("last_name", "first_name", "pk")
    )


def recent_records(county_id: int, limit: int = 20) -> list[TrainingRecord]:
    return list(
        TrainingRecord.objects.filter(user__county_id=county_id)
        .select_related("user", "module")
        .order_by("-recorded_at", "-pk")[:limit]
    )


def county_hours(county_id: int) -> float:
    total = TrainingRecord.objects.filter(user__county_id=county_id).aggregate(h=Sum("hours"))
    return float(total["h"] or 0)
