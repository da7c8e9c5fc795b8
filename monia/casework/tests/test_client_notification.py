"""A new notification about a child who is already a client is handled within the client
relationship: the plan is reviewed, with its own record, and no new assessment opens."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from monia.casework import selectors, services
from monia.casework.models import Case, ChronologyEvent, ClientPlan, IntakeDecision, PlanStatus
from monia.casework.tests.test_exceptions import client_without_plan
from monia.conftest import CaseWorld, child_create, days_ago, login, notification

TODAY = timezone.localdate


def _handle(cw: CaseWorld, user: Any, **extra: Any) -> Any:
    data: dict[str, Any] = {
        "decision": IntakeDecision.CLIENT_RELATIONSHIP,
        "decided_on": TODAY(),
        "family_told_on": TODAY(),
        "client_action": "Suunnitelma tarkistetaan perheen kanssa 14 päivän kuluessa.",
    }
    data.update(extra)
    return services.intake_decide(user=user, intake=cw.pending_intake, **data)


def test_handled_within_the_client_relationship_opens_no_assessment(
    case_a: CaseWorld, worker_a: Any
) -> None:
    assessments = case_a.case.assessments.count()
    plan = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.APPROVED)
    review_by = TODAY() + datetime.timedelta(days=14)
    intake = _handle(case_a, worker_a, plan_review_by=review_by)
    intake.refresh_from_db()
    assert intake.decision == IntakeDecision.CLIENT_RELATIONSHIP
    assert intake.decided_by == worker_a and intake.decided_on == TODAY()
    assert intake.client_action.startswith("Suunnitelma tarkistetaan")
    assert intake.reviewed_plan == plan and intake.plan_review_by == review_by
    assert case_a.case.assessments.count() == assessments
    case = Case.objects.get(pk=case_a.case.pk)
    assert case.stage == "client"
    kinds = list(case.events.order_by("-pk").values_list("kind", "detail")[:2])
    assert kinds == [
        ("plan_review_forward", f"{review_by.day}.{review_by.month}.{review_by.year}"),
        ("intake_decided", "client_relationship"),
    ]


def test_the_brought_forward_review_is_the_plans_deadline_until_a_new_plan(
    case_a: CaseWorld, worker_a: Any
) -> None:
    review_by = TODAY() + datetime.timedelta(days=14)
    _handle(case_a, worker_a, plan_review_by=review_by)
    due = [
        d
        for d in selectors.deadlines_for_cases(
            Case.objects.filter(pk=case_a.case.pk), today=TODAY()
        )
        if d.kind == "plan_review"
    ]
    assert [d.due for d in due] == [review_by]
    # The plan is reviewed: the new plan's own review date rules again.
    old = ClientPlan.objects.get(case=case_a.case, status=PlanStatus.APPROVED)
    from monia.casework import plan_services

    data = {f: getattr(old, f) for f in plan_services.PLAN_FIELDS}
    data.update({f: "x" for f in plan_services.PLACED_CHILD_ITEMS})
    data["review_due"] = TODAY() + datetime.timedelta(days=200)
    plan_services.plan_save(
        user=worker_a, case=case_a.case, lock_version=0, data=data, approve=True
    )
    due = [
        d
        for d in selectors.deadlines_for_cases(
            Case.objects.filter(pk=case_a.case.pk), today=TODAY()
        )
        if d.kind == "plan_review"
    ]
    assert [d.due for d in due] == [TODAY() + datetime.timedelta(days=200)]


def test_the_record_says_what_is_done(case_a: CaseWorld, worker_a: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        _handle(case_a, worker_a, client_action="  ")
    assert set(exc.value.message_dict) == {"client_action"}
    assert not ChronologyEvent.objects.filter(case=case_a.case, detail="client_relationship")


@pytest.mark.parametrize(
    ("days", "message"),
    [(-1, "menneisyydessä"), (400, "valitse aiempi päivä")],
)
def test_a_review_is_brought_forward_only(
    case_a: CaseWorld, worker_a: Any, days: int, message: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        _handle(case_a, worker_a, plan_review_by=TODAY() + datetime.timedelta(days=days))
    assert message in exc.value.message_dict["plan_review_by"][0]


def test_a_child_not_yet_a_client_cannot_be_handled_within_a_relationship(
    world: Any, worker_a: Any
) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(1))
    with pytest.raises(ValidationError) as exc:
        services.intake_decide(
            user=worker_a,
            intake=intake,
            decision=IntakeDecision.CLIENT_RELATIONSHIP,
            decided_on=TODAY(),
            family_told_on=None,
            client_action="Tarkistetaan suunnitelma",
        )
    assert "decision" in exc.value.message_dict


def test_a_client_without_a_plan_gets_no_review_date(world: Any, worker_a: Any) -> None:
    case = client_without_plan(world, worker_a)
    intake = notification(worker_a, case.child, world.team_a1, at=days_ago(1))
    with pytest.raises(ValidationError) as exc:
        services.intake_decide(
            user=worker_a,
            intake=intake,
            decision=IntakeDecision.CLIENT_RELATIONSHIP,
            decided_on=TODAY(),
            family_told_on=None,
            client_action="Laaditaan suunnitelma",
            plan_review_by=TODAY() + datetime.timedelta(days=7),
        )
    assert "plan_review_by" in exc.value.message_dict


def test_a_new_notification_about_a_client_is_labelled_as_such(case_a: CaseWorld) -> None:
    due = selectors.deadlines_for_cases(Case.objects.filter(pk=case_a.case.pk), today=TODAY())
    assert "client_notification" in {d.kind for d in due}
    assert "decision" not in {d.kind for d in due}


# --- The decision page -----------------------------------------------------------------------


def test_the_decision_page_offers_the_third_path_for_a_client_first(
    case_a: CaseWorld, worker_a: Any
) -> None:
    client = login("worker_a")
    url = reverse("intake_decision", args=[case_a.case.pk, case_a.pending_intake.pk])
    html = client.get(url).content.decode()
    assert html.index('value="client_relationship"') < html.index('value="start_assessment"')
    assert 'value="client_relationship" checked' in html.replace("\n", " ") or (
        "checked" in html.split('value="client_relationship"')[1].split(">")[0]
    )
    assert 'name="plan_review_by"' in html and "Uuden ilmoituksen käsittely" in html
    response = client.post(
        url,
        {
            "decision": "client_relationship",
            "decided_on": TODAY().isoformat(),
            "client_action": "Verkostopalaveri ja suunnitelman tarkistus.",
            "plan_review_by": (TODAY() + datetime.timedelta(days=10)).isoformat(),
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    assert "Käsitellään osana nykyistä asiakkuutta" in page
    assert "Verkostopalaveri ja suunnitelman tarkistus." in page


def test_the_decision_page_reopened_after_the_decision_says_it_is_recorded_and_changes_nothing(
    case_a: CaseWorld, worker_a: Any, other_team: Any
) -> None:
    client = login("worker_a")
    url = reverse("intake_decision", args=[case_a.case.pk, case_a.pending_intake.pk])
    data = {
        "decision": "client_relationship",
        "decided_on": TODAY().isoformat(),
        "client_action": "Verkostopalaveri.",
        "plan_review_by": (TODAY() + datetime.timedelta(days=10)).isoformat(),
    }
    assert client.post(url, data, follow=True).redirect_chain[-1][1] == 302
    case_a.pending_intake.refresh_from_db()
    decided = (case_a.pending_intake.decision, case_a.pending_intake.decided_on)
    # Back to the form (a GET: the page is never cached), and the form sent again.
    for again in (client.get(url, follow=True), client.post(url, data, follow=True)):
        assert again.redirect_chain[-1][0] == reverse("case_detail", args=[case_a.case.pk])
        assert [str(m) for m in again.context["messages"]] == [
            "Tämän vireilletulon päätös oli jo kirjattu: mitään ei muutettu."
        ]
    case_a.pending_intake.refresh_from_db()
    assert (case_a.pending_intake.decision, case_a.pending_intake.decided_on) == decided
    # Someone without access still gets the same 404 as for any page of the case.
    assert login("other_team").get(url).status_code == 404


def test_the_decision_page_of_an_intake_offers_two_paths(world: Any, worker_a: Any) -> None:
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(1))
    url = reverse("intake_decision", args=[intake.case_id, intake.pk])
    html = login("worker_a").get(url).content.decode()
    assert 'value="client_relationship"' not in html and 'name="plan_review_by"' not in html
    assert 'value="start_assessment"' in html and 'value="no_action"' in html


def test_an_error_keeps_what_was_typed(case_a: CaseWorld, worker_a: Any) -> None:
    url = reverse("intake_decision", args=[case_a.case.pk, case_a.pending_intake.pk])
    response = login("worker_a").post(
        url,
        {
            "decision": "client_relationship",
            "decided_on": TODAY().isoformat(),
            "client_action": "Tarkistetaan",
            "plan_review_by": (TODAY() - datetime.timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tarkistetaan</textarea>" in html and "menneisyydessä" in html
