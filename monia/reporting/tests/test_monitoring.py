"""Self-monitoring, live: each count on a world counted by hand, the scopes, the children
behind a figure (visible ones only, logged), and a bounded number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.casework import measure_services, plan_services, services
from monia.casework.models import Case, ClientPlan
from monia.casework.tests.test_exceptions import client_without_plan
from monia.conftest import World, child_create, days_ago, login, notification
from monia.network.models import Organisation, Referral
from monia.reporting import access
from monia.reporting import monitoring_selectors as ms

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@dataclass
class Monitored:
    client_a: Case  # A1 client: no plan, an emergency placement ending, a wait over target
    reviewed: Case  # A1 client: plan approved, its review overdue
    fresh: Case  # A1 intake 20 days ago: no urgency assessment, no decision
    late_assessment: Case  # A1 assessment arrived 120 days ago, open, nobody named
    other_team: Case  # A2 intake 20 days ago: no urgency assessment, no decision
    other_county: Case  # county B: never counted in A


def _fresh_intake(user: Any, county: Any, team: Any, number: int, first: str) -> Case:
    child = child_create(county, first=first, number=number)
    return notification(user, child, team, at=days_ago(20)).case


def _late_assessment(world: World, worker: Any) -> Case:
    child = child_create(world.county_a, first="Viivästynyt", number=942)
    intake = notification(worker, child, world.team_a1, at=days_ago(120))
    services.intake_assess_urgency(user=worker, intake=intake, urgency="not_urgent", note="")
    services.intake_decide(
        user=worker,
        intake=intake,
        decision="start_assessment",
        decided_on=TODAY() - datetime.timedelta(days=118),
        family_told_on=None,
    )
    return Case.objects.get(pk=intake.case_id)


def _with_plan_overdue(world: World, worker: Any) -> Case:
    case = client_without_plan(world, worker, number=944)
    plan_services.plan_save(
        user=worker,
        case=case,
        lock_version=0,
        approve=True,
        data={
            "service_needs": "Tuki",
            "circumstances": "Koulu",
            "services": "Perhetyö",
            "goal_time_estimate": "6 kk",
            "no_differing_views": True,
            "child_meetings": "Koululla",
            "child_meeting_interval_weeks": 4,
            "review_due": TODAY() + datetime.timedelta(days=180),
        },
    )
    # The plan was approved a year ago: its review date has since passed; and its worker
    # left yesterday, nobody named since.
    ClientPlan.objects.filter(case=case).update(review_due=TODAY() - datetime.timedelta(days=5))
    case.worker_assignments.update(ended_on=TODAY() - datetime.timedelta(days=1))
    Case.objects.filter(pk=case.pk).update(designated_worker=None)
    return case


@pytest.fixture
def monitored(world: World, worker_a: Any, other_team: Any, other_county: Any) -> Monitored:
    client_a = client_without_plan(world, worker_a, number=940)
    measure_services.measure_record(
        user=worker_a,
        case=client_a,
        kind="emergency_placement",
        decided_on=TODAY() - datetime.timedelta(days=25),
        started_on=TODAY() - datetime.timedelta(days=25),
        place="Perhekoti",
    )
    clinic = Organisation.objects.create(
        county=world.county_a, name="Nuorisoasema", sector="mental_health_substance"
    )
    Referral.objects.create(
        case=client_a,
        organisation=clinic,
        service="Päihdetyö",
        need_identified_on=TODAY() - datetime.timedelta(days=40),
        referred_at=days_ago(39),
        created_by=worker_a,
    )
    Referral.objects.create(  # waiting 10 days: under the target of 30
        case=client_a,
        organisation=clinic,
        service="Terapia",
        need_identified_on=TODAY() - datetime.timedelta(days=10),
        referred_at=days_ago(9),
        created_by=worker_a,
    )
    return Monitored(
        client_a=client_a,
        reviewed=_with_plan_overdue(world, worker_a),
        fresh=_fresh_intake(worker_a, world.county_a, world.team_a1, 941, "Uusi"),
        late_assessment=_late_assessment(world, worker_a),
        other_team=_fresh_intake(other_team, world.county_a, world.team_a2, 943, "Toinen"),
        other_county=_fresh_intake(other_county, world.county_b, world.team_b1, 945, "Muu"),
    )


def _counts(scope: access.Scope) -> dict[str, set[int]]:
    result = ms.monitoring(scope, today=TODAY())
    return {f.key: set(f.case_ids) for f in result.figures}


def test_each_count_of_a_team_is_the_hand_counted_one(monitored: Monitored, worker_a: Any) -> None:
    m = monitored
    counts = _counts(access.team_scope_get(worker_a, None))
    assert counts == {
        # The late assessment's case has nobody named either, but it is not a client.
        ms.NO_WORKER: {m.reviewed.pk},
        ms.NO_PLAN: {m.client_a.pk},
        ms.PLAN_REVIEW_OVERDUE: {m.reviewed.pk},
        ms.URGENCY_NOT_ASSESSED: {m.fresh.pk},
        ms.DECISION_OVERDUE: {m.fresh.pk},
        ms.ASSESSMENT_OVERDUE: {m.late_assessment.pk},
        ms.PLACEMENT_EXPIRING: {m.client_a.pk},  # 30 days from 25 days ago: 5 days left
        ms.WAIT_OVER_TARGET: {m.client_a.pk},  # 40 days > 30; the other waits 10
    }


def test_the_county_counts_every_team_and_never_another_county(
    monitored: Monitored, senior_a: Any
) -> None:
    m = monitored
    counts = _counts(access.team_scope_get(senior_a, None))
    assert counts[ms.URGENCY_NOT_ASSESSED] == {m.fresh.pk, m.other_team.pk}
    assert counts[ms.DECISION_OVERDUE] == {m.fresh.pk, m.other_team.pk}
    assert m.other_county.pk not in set().union(*counts.values())
    team_a2 = _counts(access.team_scope_get(senior_a, m.other_team.team_id))
    assert team_a2[ms.URGENCY_NOT_ASSESSED] == {m.other_team.pk}
    assert team_a2[ms.NO_PLAN] == set()


def test_workers_over_the_limit_are_counted_and_listed_for_the_senior_official_only(
    monitored: Monitored, senior_a: Any, worker_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monia import deadlines

    class NoCap:
        def on(self, day: datetime.date) -> int:
            return 0

    monkeypatch.setattr(deadlines, "CASELOAD_CAP", NoCap())
    result = ms.monitoring(access.team_scope_get(senior_a, None), today=TODAY())
    assert [c.worker for c in result.over_cap] == [worker_a]
    senior_page = login("senior_a").get(reverse("statistics_monitoring")).content.decode()
    worker_page = login("worker_a").get(reverse("statistics_monitoring")).content.decode()
    assert "Worker_A Testinen: 1 / 0" in senior_page
    assert "1 / 0" not in worker_page


def test_a_worker_sees_their_own_team_and_the_senior_official_any_team(
    monitored: Monitored, worker_a: Any, senior_a: Any
) -> None:
    a2 = monitored.other_team.team_id
    url = reverse("statistics_monitoring")
    assert login("worker_a").get(url).status_code == 200
    assert login("worker_a").get(url, {"team": a2}).status_code == 404
    senior = login("senior_a")
    page = senior.get(url, {"team": a2})
    assert page.status_code == 200 and page.context["scope"].team.pk == a2
    bad = senior.get(url, {"team": "abc"})  # a bad choice: the form says so, the county shown
    assert bad.status_code == 200 and bad.context["form"].errors
    assert bad.context["scope"].whole_county


@pytest.mark.parametrize("persona", ["other_county", "admin", "partner"])
def test_other_counties_administrators_and_partners_get_404(
    persona: str, monitored: Monitored, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    client = login(persona)
    team = {"team": monitored.fresh.team_id}
    assert client.get(reverse("statistics_monitoring"), team).status_code == 404
    children = reverse("statistics_monitoring_children", args=[ms.URGENCY_NOT_ASSESSED])
    assert client.get(children, team).status_code == 404


def test_the_children_behind_a_figure_are_listed_and_the_read_logged(
    monitored: Monitored, worker_a: Any, senior_a: Any
) -> None:
    url = reverse("statistics_monitoring_children", args=[ms.URGENCY_NOT_ASSESSED])
    before = AccessLog.objects.count()
    page = login("worker_a").get(url)
    assert page.status_code == 200
    assert [c.pk for c in page.context["cases"]] == [monitored.fresh.pk]
    assert "Uusi" in page.content.decode() and "Toinen" not in page.content.decode()
    assert AccessLog.objects.count() == before + 1
    county = login("senior_a").get(url)
    assert {c.pk for c in county.context["cases"]} == {monitored.fresh.pk, monitored.other_team.pk}
    assert (
        login("worker_a").get(reverse("statistics_monitoring_children", args=["x"])).status_code
        == 404
    )


def test_the_page_shows_each_figure_with_its_rule_and_link(
    monitored: Monitored, worker_a: Any
) -> None:
    page = login("worker_a", language="fi").get(reverse("statistics_monitoring")).content.decode()
    for key in ms.RULES:
        assert reverse("statistics_monitoring_children", args=[key]) in page
    assert (
        reverse("statistics_monitoring")
        in login("worker_a").get(reverse("statistics")).content.decode()
    )


def test_the_number_of_queries_does_not_grow_with_the_data(
    monitored: Monitored,
    world: World,
    worker_a: Any,
    senior_a: Any,
    django_assert_max_num_queries: Any,
) -> None:
    client = login("senior_a")
    url = reverse("statistics_monitoring")
    with django_assert_max_num_queries(25):
        client.get(url)
    for n in range(5):
        _fresh_intake(worker_a, world.county_a, world.team_a1, 950 + n, f"Lisä{n}")
    with django_assert_max_num_queries(25):
        assert client.get(url).context["result"].figure(ms.URGENCY_NOT_ASSESSED).count == 7
