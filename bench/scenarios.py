"""What the benchmarks measure: Monia's busiest read paths, called as the views call them.

Import only after ``generate.configure``: this module loads Django models.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Func, Q
from django.test import Client
from django.utils import timezone

from monia.access import policy
from monia.access.purposes import Purpose
from monia.accounts.models import QUALIFIED_SOCIAL_WORK_ROLES, User
from monia.casework import selectors
from monia.casework.models import Case, CaseStage
from monia.people import selectors as people_selectors
from monia.portal import access as portal_access
from monia.teams.models import County

CASELOAD_DAYS_AGO = 90


@dataclass(frozen=True)
class Scenario:
    name: str
    what: str
    call: Callable[[], Any]
    client: Client | None = None  # a whole request by this client: a page with floors


def page_scenario(name: str, what: str, client: Client, path: str) -> Scenario:
    return Scenario(name, what, page(client, path), client)


@dataclass(frozen=True)
class Subjects:
    """Who and what the scenarios read, chosen from the generated data."""

    county: County
    worker: User  # the designated worker with the fullest caseload in the largest county
    heavy_case: Case  # the open case there with the most intakes
    case_worker: User  # the heavy case's designated worker
    identity_code: str
    name: str
    caseload_on: datetime.date
    senior: User  # the county's senior official: the client search over the whole county
    team_child: Case  # a case of the dashboard worker's team: her own searches find it
    common_surname: str  # the county's commonest surname: the broadest name search

    def searches(self) -> list[tuple[str, str, str]]:
        """The client search's (name, term, who searches): a surname with a typo (the
        worker's among her team's cases, the senior official's over the county), a full
        name, a short surname with a letter dropped or two swapped (Niemi, Mäkelä), identity
        codes and dates of birth."""
        team = self.team_child.child
        heavy = self.heavy_case.child
        assert team.birth_date is not None and heavy.birth_date is not None
        first = heavy.first_names.split()[0]
        return [
            ("surname_team", misspelt(team.last_name), "worker"),
            ("surname_county", misspelt(heavy.last_name), "senior"),
            ("commonest_surname_county", misspelt(self.common_surname), "senior"),
            ("full_name_county", f"{first} {misspelt(heavy.last_name)}", "senior"),
            # One error in a short surname, where trigrams fail (fuzzystrmatch's edit distance).
            ("short_surname_county", "Nimi", "senior"),
            ("swapped_surname_county", "Mkäelä", "senior"),
            ("code_other_team", heavy.identity_code, "worker"),
            ("code_county", heavy.identity_code, "senior"),
            ("birth_date_team", f"{team.birth_date:%-d.%-m.%Y}", "worker"),
            ("birth_date_county", f"{heavy.birth_date:%-d.%-m.%Y}", "senior"),
        ]

    def describe(self) -> dict[str, Any]:
        board = dashboard(self.worker, log=False)
        assert self.worker.team is not None
        return {
            "county": self.county.name_fi,
            "county_children": self.county.persons.filter(cases__isnull=False).distinct().count(),
            "worker_team_size": self.worker.team.members.filter(
                role__in=QUALIFIED_SOCIAL_WORK_ROLES
            ).count(),
            "dashboard_my_cases": board.counts["my_cases"],
            "dashboard_team_cases": board.counts["team_cases"],
            "dashboard_deadlines": len(board.deadlines),
            "case_intakes": self.heavy_case.intakes.count(),
            "case_events": self.heavy_case.events.count(),
            "caseload_on": self.caseload_on.isoformat(),
            "name_query": self.name,
            "client_searches": {key: q for key, q, _who in self.searches()},
            "county_persons": self.county.persons.count(),
            "county_cases": Case.objects.filter(county=self.county).count(),
            "worker_visible_cases": policy.cases_visible_to(self.worker).count(),
        }


def choose_subjects() -> Subjects:
    county = (
        County.objects.annotate(n=Count("cases", filter=~Q(cases__stage=CaseStage.CLOSED)))
        .order_by("-n", "pk")
        .first()
    )
    assert county is not None, "no data: run bench/generate.py"
    worker = (
        User.objects.filter(county=county, role__in=QUALIFIED_SOCIAL_WORK_ROLES, team__isnull=False)
        .annotate(
            n=Count(
                "designated_cases",
                filter=Q(designated_cases__stage=CaseStage.CLIENT),
                distinct=True,
            ),
            # prefer a team of five social workers (six members with the family worker)
            off=Func(Count("team__members", distinct=True) - 6, function="ABS"),
        )
        .order_by("-n", "off", "pk")
        .select_related("team")
        .first()
    )
    assert worker is not None, "no designated worker in a team"
    # Of another team than the worker's: her identity-code search then finds "a matter
    # exists" (at national scale the heaviest case is another team's anyway).
    heavy = (
        Case.objects.filter(county=county, stage=CaseStage.CLIENT)
        .exclude(team_id=worker.team_id)
        .annotate(n=Count("intakes"))
        .order_by("-n", "pk")
        .select_related("child", "designated_worker")
        .first()
    )
    assert heavy is not None and heavy.designated_worker is not None
    senior = User.objects.filter(county=county, role="senior_official").first()
    team_child = (
        Case.objects.filter(team_id=worker.team_id, stage=CaseStage.CLIENT)
        .exclude(designated_worker=worker)
        .select_related("child")
        .order_by("pk")
        .first()
    )
    common = county.persons.values("last_name").annotate(n=Count("pk")).order_by("-n").first()
    assert senior is not None and team_child is not None and common is not None
    assert heavy.team_id != worker.team_id, "the code search of another team's child"
    child = heavy.child
    return Subjects(
        county=county,
        worker=worker,
        heavy_case=heavy,
        case_worker=heavy.designated_worker,
        identity_code=child.identity_code,
        name=f"{child.first_names.split()[0]} {child.last_name}",
        caseload_on=timezone.localdate() - datetime.timedelta(days=CASELOAD_DAYS_AGO),
        senior=senior,
        team_child=team_child,
        common_surname=common["last_name"],
    )


def misspelt(name: str) -> str:
    """A typing error: the name's third letter doubled ("Virtanen" → "Virrtanen")."""
    return name[:3] + name[2:] if len(name) > 3 else name


def dashboard(user: User, *, log: bool = True) -> selectors.Dashboard:
    """What ``web.views.dashboard`` does before it renders."""
    board = selectors.dashboard_for_user(
        user=user,
        visible=policy.cases_visible_to(user),
        today=timezone.localdate(),
        warn_working_days=settings.MONIA_DUE_SOON_WORKING_DAYS,
    )
    if log:
        policy.log_case_list(user, board.shown, purpose=Purpose.DASHBOARD)
    return board


def page(client: Client, path: str) -> Callable[[], Any]:
    def get() -> Any:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path} answered {response.status_code}")
        return response

    return get


def logged_in(user: User) -> Client:
    """A client logged in as ``user`` who has passed the second factor, as a staff member
    whose role requires one (a senior official) has in production."""
    from monia.accounts import second_factor

    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    session = client.session
    session[second_factor.SESSION_KEY] = "otp"
    session.save()
    return client


def portal_client_of(case: Case) -> User | None:
    """A portal client who follows the case: its child's guardian, else the child (12+)."""
    from monia.people.models import Person
    from monia.portal.services import client_user_for_identity_code

    guardian = (
        Person.objects.filter(ties_from__to_person=case.child, ties_from__is_guardian=True)
        .exclude(identity_code="")
        .first()
    )
    for person in (guardian, case.child):
        if person is None or not person.identity_code:
            continue
        user = client_user_for_identity_code(person.identity_code, method="demo")
        if user is not None and any(
            pc.case.pk == case.pk for pc in portal_access.portal_cases(user)
        ):
            return user
    return None


def portal_scenarios(case: Case) -> list[Scenario]:
    """The participation portal's pages of the heavy case, as its client sees them. The
    access log grows with every run of the other scenarios, so "who has seen" reads a
    long log (capped at 500 rows on the page)."""
    user = portal_client_of(case)
    if user is None:
        return []
    client = logged_in(user)
    return [
        page_scenario(
            "portal_case_page", "GET /portal/<id>/ (client)", client, f"/portal/{case.pk}/"
        ),
        page_scenario(
            "portal_decisions_page",
            "GET /portal/<id>/decisions/",
            client,
            f"/portal/{case.pk}/decisions/",
        ),
        page_scenario(
            "portal_who_viewed_page",
            "GET /portal/<id>/who-viewed/ (access + disclosure log, 2 years)",
            client,
            f"/portal/{case.pk}/who-viewed/",
        ),
    ]


def scenarios(s: Subjects) -> list[Scenario]:
    worker_client, case_client = logged_in(s.worker), logged_in(s.case_worker)
    senior_client = logged_in(s.senior)
    case_id, county_id = s.heavy_case.pk, s.county.pk
    # The portal last: by then the other scenarios have written the case's access log.
    return [
        Scenario(
            "dashboard_selector",
            "selectors.dashboard_for_user + policy.log_case_list",
            lambda: dashboard(s.worker),
        ),
        page_scenario("dashboard_page", "GET / (whole request)", worker_client, "/"),
        page_scenario(
            "caseboard_page", "GET /team/ (her team's open families)", worker_client, "/team/"
        ),
        page_scenario(
            "case_detail_page", "GET /cases/<id>/ (most intakes)", case_client, f"/cases/{case_id}/"
        ),
        page_scenario(
            "case_detail_page_all_intakes",
            "GET /cases/<id>/?intakes=all (every intake shown)",
            case_client,
            f"/cases/{case_id}/?intakes=all",
        ),
        page_scenario(
            "case_chronology_page",
            "GET /cases/<id>/chronology/",
            case_client,
            f"/cases/{case_id}/chronology/",
        ),
        Scenario(
            "case_get_for_user",
            "policy.case_get_for_user (read + access log)",
            lambda: policy.case_get_for_user(s.case_worker, case_id, purpose=Purpose.CASE_DETAIL),
        ),
        page_scenario(
            "caseload_page_worker",
            f"GET /caseload/ (her team's caseloads, {CASELOAD_DAYS_AGO} days ago and the year)",
            worker_client,
            f"/caseload/?on={s.caseload_on.isoformat()}",
        ),
        page_scenario(
            "caseload_page_senior",
            f"GET /caseload/ (the county's caseloads, {CASELOAD_DAYS_AGO} days ago and the year)",
            senior_client,
            f"/caseload/?on={s.caseload_on.isoformat()}",
        ),
        Scenario(
            "caseloads_county",
            f"selectors.caseloads, whole county, {CASELOAD_DAYS_AGO} days ago",
            lambda: selectors.caseloads(county_id=county_id, on=s.caseload_on),
        ),
        Scenario(
            "person_search_code",
            "people.selectors.persons_search by identity code",
            lambda: people_selectors.persons_search(county_id=county_id, query=s.identity_code),
        ),
        Scenario(
            "person_search_name",
            "persons_search by first and last name",
            lambda: people_selectors.persons_search(county_id=county_id, query=s.name),
        ),
        Scenario(
            "person_search_no_match",
            "persons_search by a name nobody has",
            lambda: people_selectors.persons_search(county_id=county_id, query="Zyxwvut"),
        ),
        *search_scenarios(s, worker_client, senior_client),
        *thl_scenarios(s),
        *portal_scenarios(s.heavy_case),
    ]


def thl_scenarios(s: Subjects) -> list[Scenario]:
    """THL's half-year processing times from the database (the selector that builds the
    records, then ``thl.processing_times``): the latest finished half-year, for the whole
    country (the comparison of counties' task) and for the largest county (its page)."""
    from monia.reporting import thl, thl_selectors

    start, end = thl_selectors.previous_period(timezone.localdate())

    def national() -> int:
        records = thl_selectors.thl_notifications(start=start, end=end)
        return sum(
            thl.processing_times(r, start=start, end=end).seven_day.matters
            for r in records.values()
        )

    return [
        Scenario(
            "thl_half_year_national",
            f"thl_selectors.thl_notifications + processing_times, all counties, {start}–{end}",
            national,
        ),
        Scenario(
            "thl_half_year_county",
            f"thl_selectors.thl_report, the largest county, {start}–{end}",
            lambda: thl_selectors.thl_report(start=start, end=end, county_id=s.county.pk),
        ),
    ]


def search_scenarios(s: Subjects, worker_client: Client, senior_client: Client) -> list[Scenario]:
    """The header's "Find a client" (issue 12), the whole request: the search, the page of
    results and its access-log rows. The worker searches her team's cases (and is told of
    another team's child by an identity code); the senior official the county's."""
    clients = {"worker": worker_client, "senior": senior_client}
    return [
        page_scenario(
            f"search_{key}",
            f"GET /search/?q={q} ({who})",
            clients[who],
            "/search/?" + urlencode({"q": q}),
        )
        for key, q, who in s.searches()
    ]
