from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from monia.conftest import PASSWORD, CaseWorld, make_user
from monia.consult import services
from monia.consult.models import Consultation
from monia.network.models import DisclosureLog

HKI = ZoneInfo("Europe/Helsinki")


def _client(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _ask(cw: CaseWorld, school: Any, **extra: Any) -> Consultation:
    data: dict[str, Any] = {
        "mode": "pseudonymised",
        "pseudonym": "Tyttö, 9",
        "question": "Miten koulu voisi tukea?",
    }
    data.update(extra)
    return services.consultation_ask(
        user=cw.case.designated_worker, case=cw.case, organisation=school, **data
    )


def test_pseudonym_containing_the_childs_name_is_refused(case_a: CaseWorld, school: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        _ask(case_a, school, pseudonym="Ainon tapaus")
    assert "pseudonym" in exc.value.message_dict


def test_pseudonymised_question_with_identity_code_is_refused(
    case_a: CaseWorld, school: Any
) -> None:
    code = case_a.case.child.identity_code
    with pytest.raises(ValidationError) as exc:
        _ask(case_a, school, question=f"Lapsi {code} on poissa koulusta.")
    assert "question" in exc.value.message_dict


def test_consent_mode_requires_who_consented(case_a: CaseWorld, school: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        _ask(case_a, school, mode="consent", pseudonym="")
    assert "consent_given_by" in exc.value.message_dict


def test_a_friday_question_is_due_the_next_friday(case_a: CaseWorld, school: Any) -> None:
    c = _ask(case_a, school, asked_at=datetime.datetime(2025, 3, 7, 10, tzinfo=HKI))
    assert c.answer_due == datetime.date(2025, 3, 14)


def test_holidays_do_not_count(case_a: CaseWorld, school: Any) -> None:
    # Good Friday 18.4. and Easter Monday 21.4.2025 are not working days.
    c = _ask(case_a, school, asked_at=datetime.datetime(2025, 4, 11, 10, tzinfo=HKI))
    assert c.answer_due == datetime.date(2025, 4, 22)


def test_the_setting_changes_the_time_limit(case_a: CaseWorld, school: Any, settings: Any) -> None:
    settings.MONIA_CONSULTATION_DAYS = 1
    c = _ask(case_a, school, asked_at=datetime.datetime(2025, 3, 7, 10, tzinfo=HKI))
    assert c.answer_due == datetime.date(2025, 3, 10)


def test_answering_records_who_and_when(case_a: CaseWorld, school: Any, partner: Any) -> None:
    c = _ask(case_a, school)
    response = _client(partner).post(
        reverse("partner_consultation", args=[c.pk]), {"answer": "Tukiopetusta."}
    )
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.answer == "Tukiopetusta." and c.answered_by == partner
    assert c.answered_at is not None


def test_partner_of_another_organisation_gets_404(
    case_a: CaseWorld, school: Any, world: Any
) -> None:
    from monia.network.models import Organisation

    clinic = Organisation.objects.create(county=world.county_a, name="Klinikka", sector="health")
    stranger = make_user("clinic_nurse", "partner", world.county_a, None, organisation=clinic)
    c = _ask(case_a, school)
    client = _client(stranger)
    assert client.get(reverse("partner_consultation", args=[c.pk])).status_code == 404
    assert (
        client.post(reverse("partner_consultation", args=[c.pk]), {"answer": "x"}).status_code
        == 404
    )
    assert "Tyttö" not in client.get(reverse("partner_consultations")).content.decode()
    c.refresh_from_db()
    assert c.answered_at is None


def test_other_team_gets_404_on_the_case_page(case_a: CaseWorld, other_team: Any) -> None:
    url = reverse("case_consultations", args=[case_a.case.pk])
    assert _client(other_team).get(url).status_code == 404
    assert _client(other_team).post(url, {}).status_code == 404


def test_worker_asks_on_the_case_page(case_a: CaseWorld, school: Any, worker_a: Any) -> None:
    url = reverse("case_consultations", args=[case_a.case.pk])
    response = _client(worker_a).post(
        url,
        {
            "organisation": school.pk,
            "mode": "pseudonymised",
            "pseudonym": "Poika, 10",
            "question": "Onko poissaoloja?",
        },
    )
    assert response.status_code == 302
    assert Consultation.objects.get().pseudonym == "Poika, 10"


def test_escalation_marks_only_overdue_unanswered(
    case_a: CaseWorld, school: Any, partner: Any
) -> None:
    old = datetime.datetime(2025, 3, 3, 10, tzinfo=HKI)  # due 10.3.
    overdue = _ask(case_a, school, asked_at=old)
    answered = _ask(case_a, school, asked_at=old)
    services.consultation_answer(user=partner, consultation=answered, answer="Vastaus")
    on_time = _ask(case_a, school, asked_at=datetime.datetime(2025, 3, 10, 10, tzinfo=HKI))
    assert services.consultation_escalate_overdue(today=datetime.date(2025, 3, 11)) == 1
    assert services.consultation_escalate_overdue(today=datetime.date(2025, 3, 11)) == 0
    first = Consultation.objects.get(pk=overdue.pk).escalated_at
    assert first is not None
    assert Consultation.objects.get(pk=answered.pk).escalated_at is None
    assert Consultation.objects.get(pk=on_time.pk).escalated_at is None


def test_management_command_escalates(case_a: CaseWorld, school: Any) -> None:
    c = _ask(case_a, school, asked_at=datetime.datetime(2025, 3, 3, 10, tzinfo=HKI))
    call_command("escalate_consultations")
    c.refresh_from_db()
    assert c.escalated_at is not None


def test_the_daily_schedule_escalates_as_the_command_does(
    case_a: CaseWorld, school: Any, settings: Any
) -> None:
    from monia.jobs.models import ScheduledRun
    from monia.jobs.services import scheduled_run_request

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    c = _ask(case_a, school, asked_at=datetime.datetime(2025, 3, 3, 10, tzinfo=HKI))
    run = ScheduledRun.objects.get(pk=scheduled_run_request(job="escalate_consultations"))
    c.refresh_from_db()
    assert c.escalated_at is not None
    assert (run.state, run.result) == ("done", "Consultations escalated: 1")


def test_staff_see_overdue_and_escalated(case_a: CaseWorld, school: Any, worker_a: Any) -> None:
    _ask(case_a, school, asked_at=datetime.datetime(2025, 3, 3, 10, tzinfo=HKI))
    services.consultation_escalate_overdue()
    page = _client(worker_a).get(reverse("case_consultations", args=[case_a.case.pk]))
    body = page.content.decode()
    assert 'class="overdue"' in body and 'class="escalated"' in body


def test_partner_pages_never_show_the_name_of_a_pseudonymised_child(
    case_a: CaseWorld, school: Any, partner: Any
) -> None:
    c = _ask(case_a, school)
    client = _client(partner)
    child = case_a.case.child
    for url in (reverse("partner_consultations"), reverse("partner_consultation", args=[c.pk])):
        body = client.get(url).content.decode()
        assert "Tyttö, 9" in body
        assert child.first_names not in body and child.last_name not in body
        assert child.identity_code not in body
    assert not DisclosureLog.objects.exists()


def test_consent_reads_are_logged(case_a: CaseWorld, school: Any, partner: Any) -> None:
    c = _ask(case_a, school, mode="consent", consent_given_by="Maija Esimerkki (huoltaja)")
    client = _client(partner)
    inbox = client.get(reverse("partner_consultations")).content.decode()
    assert case_a.case.child.full_name in inbox
    client.get(reverse("partner_consultation", args=[c.pk]))
    rows = DisclosureLog.objects.filter(source="consultation", source_id=c.pk, recipient=partner)
    assert rows.count() == 2
    assert {r.basis for r in rows} == {"consent"}
    assert {(r.person_id, r.case_id) for r in rows} == {(case_a.case.child_id, case_a.case.pk)}
    assert {r.organisation_id for r in rows} == {school.pk}


def test_the_partner_reads_who_asks_with_the_county_named_in_her_language(
    case_a: CaseWorld, school: Any, partner: Any
) -> None:
    from monia.conftest import login

    c = _ask(case_a, school)
    url = reverse("partner_consultation", args=[c.pk])
    swedish = login(partner.username, "sv").get(url).content.decode()
    assert "– Område A" in swedish and "Alue A" not in swedish


def test_an_empty_answer_is_told_on_the_page_in_its_language_and_nothing_is_saved(
    case_a: CaseWorld, school: Any, partner: Any
) -> None:
    """The form left the empty answer to the browser's own bubble, in the browser's
    language; like the statement's form it now says on the page what to fix."""
    from monia.conftest import login

    c = _ask(case_a, school)
    url = reverse("partner_consultation", args=[c.pk])
    page = login(partner.username, "sv").post(url, {"answer": "  "})
    html = page.content.decode()
    assert page.status_code == 200 and "novalidate" in html
    assert 'class="error-summary"' in html and "Ingenting sparades" in html
    c.refresh_from_db()
    assert c.answered_at is None
