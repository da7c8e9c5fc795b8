"""The demo's training of the development network (issue 16): training records, the
systemic team's meetings of the past months for the fidelity page, and co-research in the
young person's journal. Deterministic: the choices follow a seed."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from monia import deadlines
from monia.accounts.models import Role, User
from monia.casework.models import Case, CaseStage
from monia.demo import kin, workdays
from monia.dialogue import coresearch
from monia.dialogue import services as dialogue_services
from monia.dialogue.models import MessageThread
from monia.systemic.diagram_services import diagram_snapshot_take
from monia.systemic.models import (
    AgendaItem,
    AttendanceStatus,
    DiagramKind,
    DiagramSnapshot,
    Hypothesis,
    HypothesisRevision,
    HypothesisStatus,
    MeetingAttendance,
    MeetingStatus,
    Reflection,
    TeamMeeting,
)
from monia.teams.models import County, Team
from monia.training import services as training_services
from monia.training.models import TrainingModule
from monia.training.selectors import PRACTICE_ROLES, required_track

# How many of each team's practitioners have completed their training (team 1 nearly all).
TRAINED_PER_TEAM = (4, 2, 1)
WEEKS_BACK = 22
# The hypotheses of past meetings, set aside since. A family is given each one once at
# most (two children of one family, two cases, one family): none is told it twice.
PAST_HYPOTHESES = (
    "Koulupoissaolot liittyvät kodin iltojen riitoihin.",
    "Äidin uupumus näkyy lapsen levottomuutena koulussa.",
    "Isovanhempien tuki on perheelle suurempi voimavara kuin olemme ajatelleet.",
    "Lapsen univaikeudet johtuvat iltojen ruutuajasta eivätkä kodin ilmapiiristä.",
    "Perhe välttelee tapaamisia, koska pelkää lapsen sijoitusta.",
    "Lapsen kiukkukohtaukset ovat hänen keinonsa saada aikuisten huomio.",
)


def build(*, county: County, today: datetime.date) -> None:
    """Something on every page of monia/training for the county's demo users."""
    rng = random.Random(f"training:{county.code}")
    training_services.catalogue_ensure()  # seeded by migration; a test's flush empties it
    _records(county, today, rng)
    teams = list(Team.objects.filter(county=county).order_by("pk"))
    if teams:
        _past_meetings(teams[0], today, rng)
    _coresearch(county)


def _recorder(county: County) -> User | None:
    return (
        User.objects.filter(county=county, role=Role.DEVELOPMENT_COORDINATOR).first()
        or User.objects.filter(county=county, role=Role.SENIOR_OFFICIAL).first()
    )


def _records(county: County, today: datetime.date, rng: random.Random) -> None:
    recorder = _recorder(county)
    if recorder is None:
        return
    modules = {m.code: m for m in TrainingModule.objects.filter(county__isnull=True)}
    by_track = {m.track: m for m in modules.values()}
    teams = list(Team.objects.filter(county=county).order_by("pk"))
    for team, trained in zip(teams, TRAINED_PER_TEAM, strict=False):
        members = list(
            User.objects.filter(team=team, role__in=PRACTICE_ROLES, is_active=True).order_by("pk")
        )
        for n, member in enumerate(members):
            taken = []
            if n < trained:
                taken.append(by_track[required_track(member.role)])
                if member.role != Role.FAMILY_WORKER and rng.random() < 0.5:
                    taken.append(modules["refresher"])
            elif rng.random() < 0.5:  # started: a refresher day, not yet the training
                taken.append(modules["refresher"])
            if (
                member.role in (Role.CONSULTANT_SOCIAL_WORKER, Role.FAMILY_THERAPIST)
                and n < trained
            ):
                taken.insert(0, modules["basic"])
            for i, module in enumerate(taken):
                training_services.training_record(
                    recorder=recorder,
                    member_id=member.pk,
                    module_id=module.pk,
                    completed_on=workdays.on_or_before(
                        today - datetime.timedelta(days=700 - 200 * i - rng.randint(0, 90))
                    ),
                    hours=Decimal(module.nominal_hours),
                    # as the member's team writes it (the Swedish-language team in Swedish)
                    provider="Utbildning i den systemiska modellen"
                    if member.language == "sv"
                    else "Systeemisen mallin koulutus",
                )


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _past_meetings(team: Team, today: datetime.date, rng: random.Random) -> None:
    """The team's weekly meetings of the past five months, as the team recorded them: most
    weeks held, the family therapist usually there, hypotheses and genograms on some."""
    members = list(User.objects.filter(team=team, is_active=True).order_by("pk"))
    consultant = next((m for m in members if m.role == Role.CONSULTANT_SOCIAL_WORKER), None)
    cases = list(
        Case.objects.filter(team=team, stage=CaseStage.CLIENT)
        .select_related("child")
        .order_by("pk")[:12]
    )
    if consultant is None or not cases:
        return
    meeting_day = workdays.meeting_day(today)  # the weekday of this week's meeting
    told: dict[int, set[str]] = {}  # family (kin.family_key) → its hypotheses so far
    for week in range(WEEKS_BACK, 0, -1):
        day = meeting_day - datetime.timedelta(days=7 * week)
        if (
            rng.random() < 0.15
            or not deadlines.is_working_day(day)
            or TeamMeeting.objects.filter(team=team, held_on=day).exists()
        ):
            continue  # a week without a meeting (holidays)
        meeting = TeamMeeting.objects.create(
            team=team,
            held_on=day,
            status=MeetingStatus.CLOSED,
            opened_by=consultant,
            attendance_recorded_at=_at(day, 11),
            attendance_recorded_by=consultant,
            closed_at=_at(day, 12),
        )
        therapist_there = week % 4 != 1  # away every fourth week (leave, training days)
        MeetingAttendance.objects.bulk_create(
            MeetingAttendance(
                meeting=meeting,
                member=m,
                status=AttendanceStatus.APOLOGISED
                if m.role == Role.FAMILY_THERAPIST and not therapist_there
                else AttendanceStatus.PRESENT,
            )
            for m in members
        )
        for position, case in enumerate(rng.sample(cases, min(3, len(cases))), start=1):
            _discussed(meeting, case, position, consultant, day, rng, told)


def _discussed(
    meeting: TeamMeeting,
    case: Case,
    position: int,
    consultant: User,
    day: datetime.date,
    rng: random.Random,
    told: dict[int, set[str]],
) -> None:
    item = AgendaItem.objects.create(
        meeting=meeting, case=case, position=position, reasons=["added"], discussed=True
    )
    Reflection.objects.create(
        item=item,
        case=case,
        worries="Arjen rytmi on vielä katkonainen.",
        working_well="Perhe on ollut mukana tapaamisissa.",
        recorded_by=consultant,
    )
    family = told.setdefault(kin.family_key(case.child), set())
    if rng.random() < 0.6 and (statement := _fresh(rng.choice(PAST_HYPOTHESES), family)):
        family.add(statement)
        hypothesis = Hypothesis.objects.create(
            case=case, statement=statement, status=HypothesisStatus.SET_ASIDE
        )
        Hypothesis.objects.filter(pk=hypothesis.pk).update(
            created_at=_at(day, 10), updated_at=_at(day, 10)
        )
        revision = HypothesisRevision.objects.create(
            hypothesis=hypothesis,
            meeting=meeting,
            statement=statement,
            status=HypothesisStatus.OPEN,
            recorded_by=consultant,
        )
        HypothesisRevision.objects.filter(pk=revision.pk).update(recorded_at=_at(day, 10))
    if rng.random() < 0.4:
        taken = diagram_snapshot_take(case=case, meeting=meeting, kinds=[DiagramKind.GENOGRAM])
        DiagramSnapshot.objects.filter(pk__in=[s.pk for s in taken]).update(taken_at=_at(day, 12))


def _fresh(drawn: str, told: set[str]) -> str:
    """``drawn``, or the next past hypothesis after it that the family has not been told;
    "" when it has been told them all. One draw either way: the weeks after stay as drawn."""
    at = PAST_HYPOTHESES.index(drawn)
    rotated = PAST_HYPOTHESES[at:] + PAST_HYPOTHESES[:at]
    return next((h for h in rotated if h not in told), "")


def _coresearch(county: County) -> None:
    """The young person of the portal's demo (the one the worker wrote to): the worker's
    reflection in their shared journal, a research question the worker proposed and a
    request to use an excerpt without names — both wait for the young person's answer in the
    portal (log in as them with the demo identification); the demo creates no client login."""
    thread = (
        MessageThread.objects.filter(case__county=county, client=F("case__child"))
        .select_related("case", "client", "case__designated_worker")
        .order_by("pk")
        .first()
    )
    if thread is None or thread.case.designated_worker is None:
        return
    case, young, worker = thread.case, thread.client, thread.case.designated_worker
    words = _CORESEARCH["sv" if young.language == "sv" else "fi"]
    entry = dialogue_services.journal_entry_add_by_worker(
        user=worker, case=case, client_id=young.pk, text=words["entry"], helps="helps"
    )
    coresearch.question_propose(
        user=worker, case=case, client=young, text=words["question"], by_client=False
    )
    coresearch.excerpt_ask(user=worker, case=case, entry_id=entry.pk, excerpt=words["excerpt"])


# What the worker writes in the shared journal, in the young person's language.
_CORESEARCH = {
    "fi": {
        "entry": (
            "Puhuimme, että illat sujuvat paremmin, kun saa soittaa kaverille ennen nukkumaanmenoa."
        ),
        "question": "Mikä auttaa iltoja sujumaan rauhallisesti?",
        "excerpt": "Illat sujuvat paremmin, kun saa soittaa kaverille ennen nukkumaanmenoa.",
    },
    "sv": {
        "entry": (
            "Vi pratade om att kvällarna går bättre när du får ringa en kompis innan du ska sova."
        ),
        "question": "Vad hjälper kvällarna att bli lugna?",
        "excerpt": "Kvällarna går bättre när man får ringa en kompis innan man ska sova.",
    },
}
