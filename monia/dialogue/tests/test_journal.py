"""The co-research journal: the client and the worker read each other's entries, a
guardian and a child keep separate journals, and a worker brings an entry to the plan
review, where the plan page shows it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from monia.access.models import AccessLog
from monia.conftest import PortalWorld, login, make_user, portal_client
from monia.dialogue.models import JournalEntry

pytestmark = pytest.mark.django_db


def _portal_url(pw: PortalWorld) -> str:
    return reverse("portal_journal", args=[pw.young_case.pk])


def _staff_url(pw: PortalWorld) -> str:
    return reverse("case_journal", args=[pw.young_case.pk])


def test_client_entry_is_read_by_the_worker_and_the_workers_by_the_client(
    portal_world: PortalWorld,
) -> None:
    young = portal_client(portal_world.young)
    response = young.post(
        _portal_url(portal_world), {"text": "Futistreenit auttavat jaksamaan.", "helps": "helps"}
    )
    assert response.status_code == 302
    worker = login("worker_a")
    assert (
        "Futistreenit auttavat jaksamaan." in worker.get(_staff_url(portal_world)).content.decode()
    )

    response = worker.post(
        _staff_url(portal_world),
        {
            "intent": "add",
            "client": str(portal_world.young.pk),
            "text": "Aamuherätykset eivät vielä suju.",
            "helps": "does_not_help",
        },
    )
    assert response.status_code == 302
    page = young.get(_portal_url(portal_world)).content.decode()
    assert "Aamuherätykset eivät vielä suju." in page and "Futistreenit" in page
    entry = JournalEntry.objects.get(text__startswith="Futistreenit")
    assert entry.author_person == portal_world.young and entry.client == portal_world.young


def test_guardian_and_child_keep_separate_journals(portal_world: PortalWorld) -> None:
    guardian, young = portal_client(portal_world.guardian), portal_client(portal_world.young)
    guardian.post(_portal_url(portal_world), {"text": "Äidin havainto", "helps": "not_sure"})
    young.post(_portal_url(portal_world), {"text": "Eetun havainto", "helps": "helps"})
    guardian_page = guardian.get(_portal_url(portal_world)).content.decode()
    young_page = young.get(_portal_url(portal_world)).content.decode()
    assert "Äidin havainto" in guardian_page and "Eetun havainto" not in guardian_page
    assert "Eetun havainto" in young_page and "Äidin havainto" not in young_page
    staff = login("worker_a").get(_staff_url(portal_world)).content.decode()
    assert "Äidin havainto" in staff and "Eetun havainto" in staff


def test_sibling_gets_404_on_another_matters_journal(portal_world: PortalWorld) -> None:
    url = reverse("portal_journal", args=[portal_world.cw.case.pk])
    young = portal_client(portal_world.young)
    assert young.get(url).status_code == 404
    assert young.post(url, {"text": "x", "helps": "helps"}).status_code == 404
    assert not JournalEntry.objects.exists()


def test_bringing_an_entry_to_the_plan_review_shows_it_on_the_plan_page(
    portal_world: PortalWorld, worker_a: Any
) -> None:
    case = portal_world.cw.case  # Aino's case has an approved plan
    guardian = portal_client(portal_world.guardian, language="en")
    guardian.post(
        reverse("portal_journal", args=[case.pk]),
        {"text": "Yhteiset iltapalat rauhoittavat illan.", "helps": "helps"},
    )
    entry = JournalEntry.objects.get()
    worker = login("worker_a")
    plan_url = reverse("plan_edit", args=[case.pk])
    assert "Yhteiset iltapalat" not in worker.get(plan_url).content.decode()

    response = worker.post(
        reverse("case_journal", args=[case.pk]), {"intent": "bring", "entry": str(entry.pk)}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.for_plan_review and entry.brought_by == worker_a and entry.brought_at
    assert "Yhteiset iltapalat rauhoittavat illan." in worker.get(plan_url).content.decode()
    portal_page = guardian.get(reverse("portal_journal", args=[case.pk])).content.decode()
    assert "We will talk about this when we look at your plan." in portal_page


def test_bringing_to_the_plan_review_needs_record(portal_world: PortalWorld, world: Any) -> None:
    make_user("coordinator_a", "team_coordinator", world.county_a, world.team_a1)
    portal_client(portal_world.young).post(
        _portal_url(portal_world), {"text": "Koulukuraattori auttaa.", "helps": "helps"}
    )
    entry = JournalEntry.objects.get()
    coordinator = login("coordinator_a")
    assert coordinator.get(_staff_url(portal_world)).status_code == 200
    response = coordinator.post(
        _staff_url(portal_world), {"intent": "bring", "entry": str(entry.pk)}
    )
    assert response.status_code == 404
    entry.refresh_from_db()
    assert not entry.for_plan_review


def test_an_entry_of_another_case_cannot_be_brought(portal_world: PortalWorld) -> None:
    portal_client(portal_world.young).post(
        _portal_url(portal_world), {"text": "Oma huone auttaa.", "helps": "helps"}
    )
    entry = JournalEntry.objects.get()
    response = login("worker_a").post(
        reverse("case_journal", args=[portal_world.cw.case.pk]),
        {"intent": "bring", "entry": str(entry.pk)},
    )
    assert response.status_code == 404
    entry.refresh_from_db()
    assert not entry.for_plan_review


def test_journal_entry_without_a_choice_keeps_the_text_and_saves_nothing(
    portal_world: PortalWorld,
) -> None:
    young = portal_client(portal_world.young, language="en")
    response = young.post(_portal_url(portal_world), {"text": "Kesken jäänyt ajatus", "helps": ""})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Choose whether it helps." in text and "Kesken jäänyt ajatus" in text
    response = young.post(_portal_url(portal_world), {"text": " ", "helps": "helps"})
    assert "Write your thought first." in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_every_journal_read_writes_an_access_log_row(portal_world: PortalWorld) -> None:
    case = portal_world.young_case
    for client, url, purpose in (
        (portal_client(portal_world.young), _portal_url(portal_world), "portal_journal"),
        (login("worker_a"), _staff_url(portal_world), "case_journal"),
    ):
        before = AccessLog.objects.filter(case=case, purpose=purpose).count()
        assert client.get(url).status_code == 200
        assert AccessLog.objects.filter(case=case, purpose=purpose).count() == before + 1


def test_a_thought_sent_twice_from_one_form_is_saved_once(portal_world: PortalWorld) -> None:
    young = portal_client(portal_world.young)
    page = young.get(_portal_url(portal_world)).content.decode()
    key = re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page)
    assert key is not None, "the form carries its key"
    sent = {"text": "Kaverille soittaminen auttaa", "helps": "helps", "submission_key": key[1]}
    for _twice in range(2):
        assert young.post(_portal_url(portal_world), sent).status_code == 302
    assert JournalEntry.objects.filter(text="Kaverille soittaminen auttaa").count() == 1


def test_a_workers_entry_sent_twice_from_one_form_is_saved_once(
    portal_world: PortalWorld,
) -> None:
    worker = login("worker_a")
    page = worker.get(_staff_url(portal_world)).content.decode()
    key = re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page)
    assert key is not None, "the form carries its key"
    sent = {
        "intent": "add",
        "client": str(portal_world.young.pk),
        "text": "Isän kanssa pelaaminen auttoi.",
        "helps": "helps",
        "submission_key": key[1],
    }
    for _twice in range(2):
        assert worker.post(_staff_url(portal_world), sent).status_code == 302
    assert JournalEntry.objects.filter(text="Isän kanssa pelaaminen auttoi.").count() == 1
