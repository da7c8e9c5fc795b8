from __future__ import annotations

import datetime
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.conftest import PASSWORD, CaseWorld
from monia.contrib import services
from monia.contrib.models import ContributionRequest
from monia.network.models import DisclosureLog


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _staff_url(case_a: CaseWorld) -> str:
    return reverse(
        "assessment_contributions",
        kwargs={"case_id": case_a.case.pk, "assessment_id": case_a.open_assessment.pk},
    )


def test_worker_invites_the_school(case_a: CaseWorld, worker_a: Any, school: Any) -> None:
    due = timezone.localdate() + datetime.timedelta(days=10)
    response = _client("worker_a").post(
        _staff_url(case_a),
        {
            "organisation": school.pk,
            "basis": "lsl_41_request",
            "questions": "Miten lapsi voi?",
            "due_on": due.isoformat(),
        },
    )
    assert response.status_code == 302
    req = ContributionRequest.objects.get()
    assert req.organisation == school and req.requested_by == worker_a


def test_the_same_invitation_sent_twice_is_saved_once(
    case_a: CaseWorld, worker_a: Any, school: Any
) -> None:
    """A double click, or the form sent again after "Back": one request, one chronology row."""
    due = timezone.localdate() + datetime.timedelta(days=10)
    data = {
        "organisation": school.pk,
        "basis": "lsl_41_request",
        "questions": "Miten lapsi voi?",
        "due_on": due.isoformat(),
    }
    client = _client("worker_a")
    assert client.post(_staff_url(case_a), data).status_code == 302
    assert client.post(_staff_url(case_a), data).status_code == 302
    assert ContributionRequest.objects.count() == 1
    assert case_a.case.events.filter(kind="contribution_requested").count() == 1


def test_past_due_date_is_shown_on_the_form(case_a: CaseWorld, worker_a: Any, school: Any) -> None:
    response = _client("worker_a").post(
        _staff_url(case_a),
        {
            "organisation": school.pk,
            "basis": "lsl_41_request",
            "questions": "?",
            "due_on": "2000-01-01",
        },
    )
    assert response.status_code == 200
    assert "due_on" in response.context["form"].errors
    assert not ContributionRequest.objects.exists()


def test_other_team_gets_404(
    school_request: ContributionRequest, case_a: CaseWorld, other_team: Any
) -> None:
    client = _client("other_team")
    assert client.get(_staff_url(case_a)).status_code == 404
    assert client.post(_staff_url(case_a), {}).status_code == 404


def test_statements_shown_in_full_to_the_worker(
    school_request: ContributionRequest, case_a: CaseWorld, partner: Any, worker_a: Any
) -> None:
    services.statement_submit(
        user=partner,
        request_id=school_request.pk,
        statement="Lapsi väsynyt aamuisin.",
        child_view_noted="Kysyin terveystarkastuksessa.",
    )
    client = _client("worker_a")
    page = client.get(_staff_url(case_a)).content.decode()
    assert "Lapsi väsynyt aamuisin." in page and "Kysyin terveystarkastuksessa." in page
    case_page = client.get(reverse("case_detail", kwargs={"case_id": case_a.case.pk})).content
    assert (
        reverse(
            "assessment_contributions",
            kwargs={"case_id": case_a.case.pk, "assessment_id": case_a.open_assessment.pk},
        )
        in case_page.decode()
    )


def test_partner_task_list_and_overdue_text(
    school_request: ContributionRequest, partner: Any
) -> None:
    ContributionRequest.objects.filter(pk=school_request.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    page = _client("partner").get(reverse("partner_contributions")).content.decode()
    assert school_request.assessment.case.child.full_name in page
    from django.utils import translation

    with translation.override("fi"):
        assert f"<strong>{translation.gettext('Overdue')}</strong>" in page
    assert (
        DisclosureLog.objects.filter(
            recipient=partner,
            source="contribution_request",
            source_id=school_request.pk,
            purpose="contribution_list",
        ).count()
        == 1
    )


def test_partner_sees_only_the_task_not_the_case(
    school_request: ContributionRequest, partner: Any
) -> None:
    url = reverse("partner_contribution", kwargs={"request_id": school_request.pk})
    page = _client("partner").get(url).content.decode()
    child = school_request.assessment.case.child
    assert child.full_name in page and "Miten lapsi jaksaa koulussa?" in page
    from monia.contrib.action_cards import CARDS

    assert str(CARDS["school"].child_view) in page  # the school's action card
    for secret in ("Tuki arkeen", "Perhetyö", "Tarvitaan tukea.", "Perhekoti"):
        assert secret not in page
    assert "Maija" not in page
    row = DisclosureLog.objects.get(recipient=partner, purpose="contribution_task")
    assert (row.source, row.source_id, row.basis, row.grant) == (
        "contribution_request",
        school_request.pk,
        "lsl_41_request",
        None,
    )
    assert (row.person, row.case) == (child, school_request.assessment.case)
    assert row.organisation_id == school_request.organisation_id


def test_partner_submits_the_statement(school_request: ContributionRequest, partner: Any) -> None:
    url = reverse("partner_contribution", kwargs={"request_id": school_request.pk})
    response = _client("partner").post(url, {"statement": "Havainnot.", "child_view_noted": ""})
    assert response.status_code == 302
    school_request.refresh_from_db()
    assert school_request.statement == "Havainnot."


def test_partner_of_another_organisation_gets_404(
    school_request: ContributionRequest, clinic_partner: Any
) -> None:
    url = reverse("partner_contribution", kwargs={"request_id": school_request.pk})
    client = _client("clinic_doctor")
    assert client.get(url).status_code == 404
    assert (
        school_request.assessment.case.child.full_name
        not in client.get(reverse("partner_contributions")).content.decode()
    )
    assert not DisclosureLog.objects.exists()


def test_staff_get_404_on_partner_pages(school_request: ContributionRequest, worker_a: Any) -> None:
    client = _client("worker_a")
    assert client.get(reverse("partner_contributions")).status_code == 404
    url = reverse("partner_contribution", kwargs={"request_id": school_request.pk})
    assert client.get(url).status_code == 404


def test_the_same_statement_sent_twice_is_thanked_for_not_refused(
    school_request: ContributionRequest, partner: Any
) -> None:
    """The partner's double click, or "Back" and send: the second send finds the statement
    saved and says thank you; a different statement after it is still refused."""
    url = reverse("partner_contribution", kwargs={"request_id": school_request.pk})
    client = _client("partner")
    data = {"statement": "Havainnot.", "child_view_noted": ""}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert school_request.assessment.case.events.filter(kind="contribution_received").count() == 1
    other = client.post(url, {**data, "statement": "Toinen teksti."})
    assert other.status_code == 200
    school_request.refresh_from_db()
    assert school_request.statement == "Havainnot."


def test_the_partner_reads_who_asks_with_the_county_named_in_her_language(
    school_request: ContributionRequest, partner: Any
) -> None:
    """A Swedish page named the asking worker's county in Finnish."""
    from monia.conftest import login

    url = reverse("partner_contribution", kwargs={"request_id": school_request.pk})
    swedish = login("partner", "sv").get(url).content.decode()
    assert "– Område A" in swedish and "Alue A" not in swedish
    finnish = login("partner", "fi").get(url).content.decode()
    assert "– Alue A" in finnish
