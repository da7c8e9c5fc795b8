"""Co-research (issue 16): a research question is chosen together — one side proposes, the
other agrees — and an excerpt of the journal reaches the development report only without
names, as the client approved it, and only while the consent stands."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from monia.conftest import PortalWorld, login, portal_client
from monia.dialogue.models import ExcerptConsent, JournalEntry, ResearchQuestion

pytestmark = pytest.mark.django_db


def _portal_url(pw: PortalWorld) -> str:
    return reverse("portal_journal", args=[pw.young_case.pk])


def _staff_url(pw: PortalWorld) -> str:
    return reverse("case_journal", args=[pw.young_case.pk])


def test_a_question_the_worker_proposes_is_chosen_when_the_young_person_agrees(
    portal_world: PortalWorld, worker_a: Any
) -> None:
    worker = login("worker_a")
    response = worker.post(
        _staff_url(portal_world),
        {
            "intent": "question",
            "q-client": portal_world.young.pk,
            "q-question": "Mikä auttaa nukkumaan?",
        },
    )
    assert response.status_code == 302
    question = ResearchQuestion.objects.get()
    assert question.agreed_at is None and not question.proposed_by_client
    young = portal_client(portal_world.young, language="en")
    page = young.get(_portal_url(portal_world)).content.decode()
    assert "Mikä auttaa nukkumaan?" in page and "find this out together" in page
    young.post(_portal_url(portal_world), {"intent": "agree", "question_id": question.pk})
    question.refresh_from_db()
    assert question.agreed_at and question.agreed_by.role == "client"
    assert "You chose this together on" in young.get(_portal_url(portal_world)).content.decode()


def test_a_worker_cannot_agree_to_their_own_proposal_nor_the_client_to_their_own(
    portal_world: PortalWorld, worker_a: Any
) -> None:
    young = portal_client(portal_world.young)
    young.post(_portal_url(portal_world), {"intent": "question", "question": "Auttaako treeni?"})
    question = ResearchQuestion.objects.get()
    assert question.proposed_by_client
    assert (
        young.post(
            _portal_url(portal_world), {"intent": "agree", "question_id": question.pk}
        ).status_code
        == 404
    )
    login("worker_a").post(
        _staff_url(portal_world), {"intent": "agree", "question_id": question.pk}
    )
    question.refresh_from_db()
    assert question.agreed_by == worker_a


def test_a_guardian_does_not_see_the_young_persons_questions(portal_world: PortalWorld) -> None:
    portal_client(portal_world.young).post(
        _portal_url(portal_world), {"intent": "question", "question": "Oma kysymys"}
    )
    guardian = portal_client(portal_world.guardian)
    assert "Oma kysymys" not in guardian.get(_portal_url(portal_world)).content.decode()
    question = ResearchQuestion.objects.get()
    assert (
        guardian.post(
            _portal_url(portal_world), {"intent": "agree", "question_id": question.pk}
        ).status_code
        == 404
    )


def test_an_empty_question_keeps_the_page_and_saves_nothing(portal_world: PortalWorld) -> None:
    young = portal_client(portal_world.young, language="en")
    response = young.post(_portal_url(portal_world), {"intent": "question", "question": " "})
    assert response.status_code == 200 and "Write the text first." in response.content.decode()
    assert not ResearchQuestion.objects.exists()


def _entry(pw: PortalWorld) -> JournalEntry:
    portal_client(pw.young).post(
        _portal_url(pw), {"text": "Eetu: futis Jyväskylässä auttaa jaksamaan.", "helps": "helps"}
    )
    return JournalEntry.objects.get()


def test_only_a_consented_excerpt_without_names_reaches_the_report(
    portal_world: PortalWorld, worker_a: Any, developer_a: Any
) -> None:
    entry = _entry(portal_world)
    worker = login("worker_a")
    worker.post(
        _staff_url(portal_world),
        {"intent": "excerpt", "entry": entry.pk, "excerpt": "Harrastus auttaa jaksamaan."},
    )
    consent = ExcerptConsent.objects.get()
    report = login("developer_a", "en")
    assert "Harrastus auttaa" not in report.get(reverse("coresearch_report")).content.decode()
    young = portal_client(portal_world.young, language="en")
    page = young.get(_portal_url(portal_world)).content.decode()
    assert "Harrastus auttaa jaksamaan." in page and "Your name is not in it" in page
    young.post(_portal_url(portal_world), {"intent": "consent", "consent_id": consent.pk})
    html = report.get(reverse("coresearch_report")).content.decode()
    assert "Harrastus auttaa jaksamaan." in html
    assert (
        "Eetu" not in html
        and "Jyväskylä" not in html
        and str(portal_world.young_case.pk) not in html
    )
    young.post(_portal_url(portal_world), {"intent": "withdraw", "consent_id": consent.pk})
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert "Harrastus auttaa" not in report.get(reverse("coresearch_report")).content.decode()


def test_saying_no_leaves_nothing_to_report(portal_world: PortalWorld, worker_a: Any) -> None:
    entry = _entry(portal_world)
    login("worker_a").post(
        _staff_url(portal_world), {"intent": "excerpt", "entry": entry.pk, "excerpt": "Ote"}
    )
    consent = ExcerptConsent.objects.get()
    portal_client(portal_world.young).post(
        _portal_url(portal_world), {"intent": "withdraw", "consent_id": consent.pk}
    )
    assert not ExcerptConsent.objects.exists()


def test_the_guardian_cannot_consent_for_the_young_person(
    portal_world: PortalWorld, worker_a: Any
) -> None:
    entry = _entry(portal_world)
    login("worker_a").post(
        _staff_url(portal_world), {"intent": "excerpt", "entry": entry.pk, "excerpt": "Ote"}
    )
    consent = ExcerptConsent.objects.get()
    response = portal_client(portal_world.guardian).post(
        _portal_url(portal_world), {"intent": "consent", "consent_id": consent.pk}
    )
    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.given_at is None


def test_the_report_is_for_the_coordinator_and_the_senior_official(
    world: Any, worker_a: Any, senior_a: Any, developer_a: Any, expert_by_experience: Any
) -> None:
    url = reverse("coresearch_report")
    assert login("developer_a").get(url).status_code == 200
    assert login("senior_a").get(url).status_code == 200
    assert login("worker_a").get(url).status_code == 404
    assert login("expert_by_experience").get(url).status_code == 404


def test_a_question_without_a_journal_keeps_what_the_worker_typed(
    portal_world: PortalWorld, worker_a: Any
) -> None:
    response = login("worker_a", "en").post(
        _staff_url(portal_world),
        {"intent": "question", "q-client": "", "q-question": "Kesken jäänyt kysymys"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Kesken jäänyt kysymys" in html
    assert "Choose the child or a guardian of this case." in html
    assert not ResearchQuestion.objects.exists()


def test_the_worker_cannot_ask_twice_for_the_same_entry(
    portal_world: PortalWorld, worker_a: Any
) -> None:
    entry = _entry(portal_world)
    worker = login("worker_a", "en")
    data = {"intent": "excerpt", "entry": entry.pk, "excerpt": "Ote"}
    assert worker.post(_staff_url(portal_world), data).status_code == 302
    response = worker.post(_staff_url(portal_world), {**data, "excerpt": "Toinen ote"})
    assert response.status_code == 200 and "already been asked" in response.content.decode()
    assert ExcerptConsent.objects.count() == 1


def test_the_consent_question_reads_as_good_finnish(
    portal_world: PortalWorld, worker_a: Any
) -> None:
    """ "Vain alla oleva teksti käytetään" lacked its partitive: a child read broken Finnish
    in the one place that asks for her consent."""
    entry = _entry(portal_world)
    login("worker_a").post(
        _staff_url(portal_world), {"intent": "excerpt", "entry": entry.pk, "excerpt": "Ote"}
    )
    page = portal_client(portal_world.young, language="fi").get(_portal_url(portal_world))
    text = page.content.decode()
    assert "Vain alla olevaa tekstiä käytetään." in text
    assert "Vain alla oleva teksti käytetään" not in text
