"""Monia's demo data: a cooperation area of two wellbeing services counties.

Each county gets three systemic teams, their staff, and families whose cases stand
at every step of the statutory path — intakes awaiting the 7-day decision,
assessments (some overdue), clients with plans and measures, emergency placements,
care orders, aftercare and closed cases, with client notes (asiakaskertomus) written,
signed and amended (see ``notes``). Every case is made through the casework services
(see ``stories``); every identity code is synthetic (900–999).

The same seed and ``today`` give the same families and cases.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core import mail
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.casework.models import Case
from monia.demo.arrivals import arrivals_build
from monia.demo.contacts import contacts_build
from monia.demo.decisions import decisions_build
from monia.demo.development import NETWORK_STAFF, development_build
from monia.demo.families import Family, Register
from monia.demo.files import files_build
from monia.demo.letters import letters_build
from monia.demo.names import (
    ADMINISTRATOR,
    COUNTIES,
    FINNISH_CENTRAL,
    FINNISH_OSTROBOTHNIA,
    MUNICIPALITIES,
    SECOND_ADMINISTRATOR,
    STAFF,
    SWEDISH_OSTROBOTHNIA,
    CountySpec,
    StaffSpec,
    title_fields,
)
from monia.demo.notes import notes_build
from monia.demo.portal import portal_build
from monia.demo.steps import Chooser, Scenario, TeamStaff
from monia.demo.stories import Stories
from monia.demo.story_reads import story_reads_build
from monia.demo.workspace import network_build, workspace_build
from monia.mfa.demo import demo_authenticator_give
from monia.people.models import Person
from monia.teams.models import County, Municipality, Team

# Published with the demo on purpose: demo accounts only, never a real installation's.
DEMO_PASSWORD = "demo"  # noqa: S105
# The roles that need a second factor by default (MONIA_MFA_REQUIRED_ROLES) get the demo's
# published authenticator (monia/mfa/demo.py): its code shows on the second step.
DEMO_SECOND_FACTOR_ROLES = frozenset({Role.SENIOR_OFFICIAL, Role.ADMINISTRATOR})
# Marks the demo's accounts, so the login table never lists anyone else's.
DEMO_EMAIL_DOMAIN = "demo.monia.invalid"

# One family each, in team 1 with its first designated worker (sanna, emma), so
# every stage and deadline state is there however few children are asked for; in a
# bilingual county a Swedish-speaking client family goes to the Swedish-language team's
# (``_showcase_chooser``).
SHOWCASE: tuple[Scenario, ...] = (
    ("pending", "overdue"),
    ("pending", "due_soon"),
    ("pending", "new"),
    ("assessment", "overdue"),
    ("assessment", "due_soon"),
    ("assessment", "normal"),
    ("no_action",),
    ("assessed", "no_need"),
    ("assessed", "other_social_services"),
    ("client", "review_soon"),
    ("client", "normal"),
    ("client_closed",),
    ("emergency",),
    ("emergency", "extended"),
    ("care_order",),
    ("aftercare",),
    ("pre_birth",),
    ("repeat",),
    ("join",),
)
# The rest of the families, by weight.
RANDOM_SCENARIOS: tuple[tuple[Scenario, float], ...] = (
    (("pending", "new"), 3),
    (("pending", "due_soon"), 4),
    (("pending", "overdue"), 3),
    (("no_action",), 12),
    (("assessment", "normal"), 11),
    (("assessment", "due_soon"), 2),
    (("assessment", "overdue"), 3),
    (("assessed", "no_need"), 6),
    (("assessed", "other_social_services"), 7),
    (("client", "normal"), 26),
    (("client", "review_soon"), 3),
    (("client", "support_placement"), 1.5),
    (("client_closed",), 7),
    (("repeat",), 3),
    (("join",), 2),
    (("pre_birth",), 1),
    (("emergency",), 0.7),
)
# Stories about one child only.
SINGLE_CHILD = frozenset({"pre_birth", "emergency", "care_order", "aftercare"})


@dataclass(frozen=True)
class Login:
    username: str
    role: str
    county: str
    team: str


@dataclass
class CountySummary:
    name: str
    children: int
    persons: int
    stages: dict[str, int] = field(default_factory=dict)


def demo_exists() -> bool:
    """Whether the database already holds a county (demo or real): then nothing is loaded."""
    return County.objects.exists()


def build_demo(
    *,
    children: int = 300,
    seed: int = 1,
    today: datetime.date | None = None,
    progress: Callable[[str], None] = print,
) -> list[CountySummary]:
    """Load the demo: about ``children`` children per county, one transaction per county."""
    today = today or timezone.localdate()
    summaries = []
    password_hash = ""
    for spec in COUNTIES:
        with _emails_kept_in_memory(), transaction.atomic():
            if not password_hash:
                password_hash = _user_create(ADMINISTRATOR, county=None, team=None).password
                _user_create(
                    SECOND_ADMINISTRATOR, county=None, team=None, password_hash=password_hash
                )
            summaries.append(
                _county_build(
                    spec,
                    children=children,
                    seed=seed,
                    today=today,
                    password_hash=password_hash,
                    progress=progress,
                )
            )
    return summaries


@contextmanager
def _emails_kept_in_memory() -> Iterator[None]:
    """The services the seeding runs e-mail the demo staff on commit (some hundred
    notices to addresses under .invalid). `make run`'s console backend would print them
    all before the server's address, so they go to Django's in-memory outbox (locmem)
    while seeding only: the e-mail of real use later still goes to EMAIL_BACKEND.
    Outside tests nobody reads that outbox, so an outbox made here is dropped after."""
    had_outbox = hasattr(mail, "outbox")
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            yield
    finally:
        if not had_outbox and hasattr(mail, "outbox"):
            del mail.outbox


def demo_logins() -> list[Login]:
    """The demo's accounts in roster order: administrators, then county by county."""
    order = [ADMINISTRATOR.username, SECOND_ADMINISTRATOR.username] + [
        s.username for c in COUNTIES for s in STAFF[c.code]
    ]
    rank = {username: i for i, username in enumerate(order)}
    users = User.objects.filter(email__endswith="@" + DEMO_EMAIL_DOMAIN).select_related(
        "county", "team"
    )
    return [
        Login(u.username, u.role, u.county.code if u.county else "", u.team.name if u.team else "")
        for u in sorted(users, key=lambda u: (rank.get(u.username, len(order)), u.username))
    ]


# --- organisation ---------------------------------------------------------------------------


def _user_create(
    spec: StaffSpec,
    *,
    county: County | None,
    team: Team | None,
    password_hash: str = "",
    language: str = "",
) -> User:
    user = User(
        username=spec.username,
        first_name=spec.first_name,
        last_name=spec.last_name,
        email=f"{spec.username}@{DEMO_EMAIL_DOMAIN}",
        role=spec.role,
        county=county,
        team=team,
        **title_fields(spec.title),
        language=language,
    )
    if spec.role == Role.ADMINISTRATOR:
        user.is_staff = user.is_superuser = True
    if password_hash:  # one hash for all: PBKDF2 takes about half a second a call
        user.password = password_hash
    else:
        user.set_password(DEMO_PASSWORD)  # no validators: a demo password on purpose
    user.save()
    if spec.role in DEMO_SECOND_FACTOR_ROLES:
        demo_authenticator_give(user)
    return user


def demo_office(spec: CountySpec, n: int) -> dict[str, str]:
    """A team's office postal address, plainly demo data (a PO box of no real town); a
    bilingual county's Swedish-language team (the third) writes it in Swedish, as its
    decisions and letters are."""
    if spec.bilingual and n == 3:
        return {
            "office_street": f"{spec.controller_sv}, socialbyrå {n} (demo), PB {100 + n}",
            "office_postal_code": f"99{n:03d}",
            "office_town": "Demostad",
        }
    return {
        "office_street": f"{spec.short_name}, sosiaalitoimisto {n} (demo), PL {100 + n}",
        "office_postal_code": f"99{n:03d}",
        "office_town": "Demokaupunki",
    }


def _organisation_create(spec: CountySpec, password_hash: str) -> tuple[County, list[TeamStaff]]:
    county = County.objects.create(
        code=spec.code,
        name_fi=spec.name_fi,
        name_sv=spec.name_sv,
        name_en=spec.name_en,
        controller=spec.controller,
        controller_sv=spec.controller_sv,
        controller_en=spec.controller_en,
        bilingual=spec.bilingual,
    )
    _municipalities_create(county, spec)
    teams = [
        Team.objects.create(
            county=county, name=name, name_sv=name_sv, name_en=name_en, **demo_office(spec, n)
        )
        for n, (name, name_sv, name_en) in enumerate(spec.team_names, start=1)
    ]
    members: dict[int, list[User]] = {1: [], 2: [], 3: []}
    for n, staff_spec in enumerate(STAFF[spec.code], start=1):
        team = teams[staff_spec.team - 1] if staff_spec.team else None
        # A bilingual county's third team works in Swedish (its pages and e-mails).
        language = "sv" if spec.bilingual and staff_spec.team == 3 else ""
        user = _user_create(
            staff_spec, county=county, team=team, password_hash=password_hash, language=language
        )
        user.phone = f"040 555 {n:04d}"  # the demo's own numbers, printed on decisions
        user.save(update_fields=["phone"])
        if staff_spec.team:
            members[staff_spec.team].append(user)
    # Each team's roster runs consultant, two designated workers, therapist, family worker.
    staff = [
        TeamStaff(
            team=teams[n - 1],
            consultant=m[0],
            workers=(m[1], m[2]),
            therapist=m[3],
            family_worker=m[4],
        )
        for n, m in members.items()
    ]
    return county, staff


def _municipalities_create(county: County, spec: CountySpec) -> None:
    """The county's municipalities, so the public notification form finds the county
    from the municipality a citizen chooses."""
    Municipality.objects.bulk_create(
        Municipality(county=county, name_fi=m.name_fi, name_sv=m.name_sv)
        for m in MUNICIPALITIES[spec.code]
    )


def _random_chooser(rng: random.Random, spec: CountySpec, staff: list[TeamStaff]) -> Chooser:
    """Swedish-speaking families of a bilingual county go mostly to its Swedish team."""

    def choose(family: Family) -> tuple[TeamStaff, User]:
        weights = (1, 1, 1)
        if spec.bilingual:
            weights = (12, 12, 76) if family.language == "sv" else (46, 46, 8)
        team = rng.choices(staff, weights=weights)[0]
        worker = rng.choices((*team.workers, team.consultant), weights=(45, 45, 10))[0]
        return team, worker

    return choose


# --- families and cases ---------------------------------------------------------------------


def _county_build(
    spec: CountySpec,
    *,
    children: int,
    seed: int,
    today: datetime.date,
    password_hash: str,
    progress: Callable[[str], None],
) -> CountySummary:
    county, staff = _organisation_create(spec, password_hash)
    for network_spec in NETWORK_STAFF.get(spec.code, ()):
        _user_create(network_spec, county=county, team=None, password_hash=password_hash)
    rng = random.Random(f"{seed}:{spec.code}")
    register = Register(county=county, spec=spec, rng=rng, today=today)
    books = (
        (FINNISH_CENTRAL,)
        if spec.code == "keski-suomi"
        else (FINNISH_OSTROBOTHNIA, SWEDISH_OSTROBOTHNIA)
    )
    stories = Stories(
        rng=rng, today=today, register=register, county_code=spec.code, notifier_books=books
    )
    showcase_team = staff[0]
    # A bilingual county's Swedish-language team serves the showcase's Swedish-speaking
    # clients (the Language Act 423/2003; the child's language, LsL 4 §): the portal's
    # showcase young person reads her worker's words in Swedish (see ``portal_build``).
    swedish_team = staff[2] if spec.bilingual else None
    showcase_chooser = _showcase_chooser(showcase_team, swedish_team)
    choose_randomly = _random_chooser(rng, spec, staff)
    scenarios, weights = zip(*RANDOM_SCENARIOS, strict=True)
    made: list[Person] = []
    choose: Chooser
    step = max(1, children // 10)
    reported = 0
    plan = [_showcase_variant(s, spec) for s in SHOWCASE]
    while len(made) < children or plan:
        if plan:
            scenario, siblings = plan.pop(0), 1
            choose = showcase_chooser(scenario)
        else:
            scenario = rng.choices(scenarios, weights=weights)[0]
            siblings = (
                1
                if scenario[0] in SINGLE_CHILD
                else min(rng.choices((1, 2, 3), weights=(55, 30, 15))[0], children - len(made))
            )
            choose = choose_randomly
        made.extend(stories.tell(scenario, siblings=siblings, choose=choose))
        if len(made) // step > reported // step:
            reported = len(made)
            progress(f"{spec.short_name}: {len(made)}/{children} children")
    if reported != len(made):
        progress(f"{spec.short_name}: {len(made)}/{children} children")
    workspace_build(staff=showcase_team, county_code=spec.code, rng=rng, today=today)
    network_build(
        staff=showcase_team,
        county_code=spec.code,
        today=today,
        password_hash=password_hash,
        email_domain=DEMO_EMAIL_DOMAIN,
    )
    portal_case = portal_build(
        staff=showcase_team, swedish_staff=swedish_team, county_code=spec.code, today=today
    )
    arrivals_build(staff=showcase_team, county_code=spec.code, today=today)
    files_build(staff=showcase_team, today=today)
    contacts_build(county=county, showcase_worker=showcase_team.workers[0], seed=seed, today=today)
    notes_build(staff=staff, bilingual=spec.bilingual, today=today)
    letters_build(staff=staff, today=today)
    decisions_build(staff=showcase_team, today=today)
    development_build(county=county, today=today)
    story_reads_build(case=portal_case)  # last: the reads of every step the story took
    stages = dict(
        Case.objects.filter(county=county)
        .values_list("stage")
        .annotate(n=Count("id"))
        .order_by("stage")
    )
    return CountySummary(
        name=spec.name_fi, children=len(made), persons=register.persons, stages=stages
    )


def _showcase_chooser(
    showcase: TeamStaff, swedish: TeamStaff | None
) -> Callable[[Scenario], Chooser]:
    """Each showcase family goes to the showcase team's first designated worker (sanna,
    emma), but a Swedish-speaking family of a client story in a bilingual county: it goes
    to the Swedish-language team's first designated worker (johan), so the portal's
    showcase can be a Swedish-speaking young person served in Swedish."""

    def for_scenario(scenario: Scenario) -> Chooser:
        def choose(family: Family) -> tuple[TeamStaff, User]:
            if swedish is not None and scenario[0] == "client" and family.language == "sv":
                return swedish, swedish.workers[0]
            return showcase, showcase.workers[0]

        return choose

    return for_scenario


def _showcase_variant(scenario: Scenario, spec: CountySpec) -> Scenario:
    """Keski-Suomi's care order goes to the court; Pohjanmaa's is made with consent."""
    if scenario == ("care_order",):
        return ("care_order", "consent" if spec.bilingual else "court")
    return scenario
