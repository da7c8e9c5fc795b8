"""Issue 10 item 5: what a client reads of a document is its family version, written or
approved by the worker; nothing professional reaches the portal without it, and every page
says truthfully who else reads it."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.casework import measure_services
from monia.casework.models import ChronologyEvent, EventKind
from monia.conftest import HEARD, PortalWorld, login, portal_client
from monia.netmeet import services as netmeet_services
from monia.portal import family_services, services
from monia.portal.document_selectors import case_documents
from monia.portal.models import FamilyVersion

pytestmark = pytest.mark.django_db

# What the workers wrote for each other; none of it may reach the portal as such.
PROFESSIONAL = {
    "decision": "Ilmoittajan mukaan isän päihteidenkäyttö jatkuu",
    "summary": "Äidin masennus heikentää arjen hoitoa",
    "details": "Perhetyöntekijä Sanna Virtanen käy kotona",
    "place": "Perhekoti Kotiranta",
    "plan": "Koulunkäynti ja vanhempien riidat",
    "minutes": "Isä kiisti väkivallan",
    "action": "Järjestää tapaamisen turvakodissa",
}
PORTAL_PAGES = [
    "portal_case",
    "portal_plan",
    "portal_decisions",
    "portal_meetings",
    "portal_privacy",
    "portal_voice",
    "portal_messages",
    "portal_journal",
]


def _worker() -> Any:
    from monia.accounts.models import User

    return User.objects.get(username="worker_a")


@pytest.fixture
def professional_case(portal_world: PortalWorld) -> Any:
    """Aino's case with a worker's text in every document the portal knows; Aino (9) is let
    into the portal, so both she and her mother read it."""
    case = portal_world.cw.case
    worker = _worker()
    case.intakes.exclude(decision="").update(decision_reason=PROFESSIONAL["decision"])
    case.assessments.filter(completed_on__isnull=False).update(summary=PROFESSIONAL["summary"])
    case.measures.update(details=PROFESSIONAL["details"], place=PROFESSIONAL["place"])
    case.plans.filter(status="approved").update(circumstances=PROFESSIONAL["plan"])
    now = timezone.now()
    meeting = netmeet_services.meeting_plan(
        user=worker,
        case=case,
        held_at=now - datetime.timedelta(days=1),
        place="Koulu",
        agenda="Tuki",
        now=now - datetime.timedelta(days=2),
    )
    netmeet_services.meeting_record(
        user=worker,
        meeting=meeting,
        minutes=PROFESSIONAL["minutes"],
        family_view="Hyvä.",
        child_view="Haluan asua kotona.",
        actions=[
            {
                "description": PROFESSIONAL["action"],
                "owner_name": "Sanna",
                "owner_organisation": None,
                "due_on": timezone.localdate() + datetime.timedelta(days=7),
            }
        ],
    )
    services.child_portal_access_set(user=worker, case=case, allowed=True)
    return case


def _pages(client: Any, case_id: int) -> str:
    texts = []
    for name in PORTAL_PAGES:
        response = client.get(reverse(name, args=[case_id]))
        assert response.status_code == 200, name
        texts.append(response.content.decode())
    return "\n".join(texts)


def test_nothing_professional_reaches_the_portal_without_a_family_version(
    portal_world: PortalWorld, professional_case: Any
) -> None:
    for person in (portal_world.child, portal_world.guardian):
        text = _pages(portal_client(person, language="en"), professional_case.pk)
        for marker in PROFESSIONAL.values():
            assert marker not in text, (person, marker)
        assert "Decision after a child welfare notification" in text  # the plain title
        assert "The worker will tell you about this." in text
        assert "The worker will tell you about the plan." in text


def test_the_family_reads_the_approved_family_version_and_still_no_professional_text(
    portal_world: PortalWorld, professional_case: Any
) -> None:
    worker = _worker()
    for document in case_documents(professional_case):
        if document.needs_family_version:
            family_services.family_version_approve(
                user=worker,
                case=professional_case,
                document_key=document.key,
                text=f"Selkeä versio {document.key}.",
            )
    for person in (portal_world.child, portal_world.guardian):
        text = _pages(portal_client(person, language="en"), professional_case.pk)
        assert "Selkeä versio" in text
        assert "The worker will tell you about this." not in text
        # The agreed actions come with the meeting record's family version.
        for name, marker in PROFESSIONAL.items():
            assert (marker in text) == (name == "action"), marker


def test_the_worker_approves_a_suggestion_on_the_cases_portal_page(
    portal_world: PortalWorld,
) -> None:
    case = portal_world.cw.case
    worker = login("worker_a", language="en")
    page = worker.get(reverse("case_portal", args=[case.pk])).content.decode()
    # A suggestion, in Aino's language (Finnish) though the worker reads English.
    assert "Päätimme selvittää yhdessä, mitä apua tarvitset." in page
    assert "Not approved: the family sees only the title and the date." in page
    intake = next(d for d in case_documents(case) if d.key.startswith("intake:"))
    response = worker.post(
        reverse("case_portal_family_version", args=[case.pk]),
        {"fv-document": intake.key, "fv-text": "Päätimme selvittää yhdessä, mitä apua tarvitset."},
    )
    assert response.status_code == 302
    version = FamilyVersion.objects.get(case=case, document_key=intake.key)
    assert version.approved_by.username == "worker_a"
    assert ChronologyEvent.objects.filter(
        case=case, kind=EventKind.PORTAL_VISIBILITY, detail__contains="Family version"
    ).exists()
    child_page = portal_client(portal_world.guardian, language="en").get(
        reverse("portal_decisions", args=[case.pk])
    )
    assert "Päätimme selvittää yhdessä" in child_page.content.decode()


def test_an_empty_family_version_saves_nothing_and_says_what_is_missing(
    portal_world: PortalWorld,
) -> None:
    case = portal_world.cw.case
    worker = login("worker_a", language="en")
    key = f"measure:{portal_world.cw.emergency.pk}"
    response = worker.post(
        reverse("case_portal_family_version", args=[case.pk]),
        {"fv-document": key, "fv-text": "  "},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "error-summary" in text and 'href="#id_fv-text"' in text and 'id="id_fv-text"' in text
    assert not FamilyVersion.objects.filter(case=case).exists()


def test_a_hard_family_version_gets_a_reading_level_warning(portal_world: PortalWorld) -> None:
    case = portal_world.cw.case
    worker = login("worker_a", language="en")
    key = f"measure:{portal_world.cw.emergency.pk}"
    response = worker.post(
        reverse("case_portal_family_version", args=[case.pk]),
        {
            "fv-document": key,
            "fv-text": "Kiireellisen sijoituksen perusteena olivat vanhempien "
            "päihdeongelmat, lapsen turvattomuuskokemukset ja vanhemmuuden voimavarojen "
            "riittämättömyys nykyisessä elämäntilanteessa.",
        },
        follow=True,
    )
    assert "It may be hard for a child to read" in response.content.decode()
    assert FamilyVersion.objects.filter(case=case, document_key=key).exists()  # a warning


def test_withdrawing_a_family_version_leaves_only_the_title_again(
    portal_world: PortalWorld,
) -> None:
    case = portal_world.cw.case
    key = f"measure:{portal_world.cw.emergency.pk}"
    family_services.family_version_approve(
        user=_worker(), case=case, document_key=key, text="Asut nyt turvassa."
    )
    guardian = portal_client(portal_world.guardian, language="en")
    url = reverse("portal_decisions", args=[case.pk])
    assert "Asut nyt turvassa." in guardian.get(url).content.decode()
    response = login("worker_a").post(
        reverse("case_portal_family_version_withdraw", args=[case.pk]), {"fv-document": key}
    )
    assert response.status_code == 302
    assert "Asut nyt turvassa." not in guardian.get(url).content.decode()


def test_an_invitation_needs_no_family_version_and_a_stranger_document_is_refused(
    portal_world: PortalWorld,
) -> None:
    from django.core.exceptions import ValidationError

    case = portal_world.cw.case
    meeting = netmeet_services.meeting_plan(
        user=_worker(),
        case=case,
        held_at=timezone.now() + datetime.timedelta(days=3),
        place="Koulu",
        agenda="Miten koulu sujuu",
    )
    with pytest.raises(ValidationError):
        family_services.family_version_approve(
            user=_worker(), case=case, document_key=f"netmeet:{meeting.pk}", text="Tapaaminen."
        )
    other = f"measure:{portal_world.cw.emergency.pk + 999}"
    with pytest.raises(ValidationError):
        family_services.family_version_approve(
            user=_worker(), case=case, document_key=other, text="Jotain."
        )
    page = portal_client(portal_world.guardian).get(reverse("portal_meetings", args=[case.pk]))
    assert "Miten koulu sujuu" in page.content.decode()  # the invitation, as sent


def test_the_footer_tells_each_reader_who_else_reads(portal_world: PortalWorld) -> None:
    young = portal_client(portal_world.young, language="en")
    text = young.get(reverse("portal_case", args=[portal_world.young_case.pk])).content.decode()
    assert "Your guardians (Maija) can see the decisions, the plan and the meetings." in text
    assert "Only you and the workers can see your messages, your thoughts and My voice." in text
    assert "Only you and the workers who need it" not in text

    mother = portal_client(portal_world.guardian, language="en")
    url = reverse("portal_case", args=[portal_world.cw.case.pk])
    assert "Aino can see" not in mother.get(url).content.decode()  # Aino is 9
    services.child_portal_access_set(user=_worker(), case=portal_world.cw.case, allowed=True)
    assert "Aino can see the decisions, the plan and the meetings too." in (
        mother.get(url).content.decode()
    )

    adult = portal_client(portal_world.young_adult, language="en")
    text = adult.get(reverse("portal_case", args=[portal_world.adult_case.pk])).content.decode()
    assert "Only you and the workers can see your matters here." in text


def test_each_document_says_who_reads_it(portal_world: PortalWorld) -> None:
    case = portal_world.young_case
    worker = _worker()
    measure = measure_services.measure_record(
        user=worker,
        case=case,
        kind="emergency_placement",
        decided_on=timezone.localdate(),
        started_on=timezone.localdate(),
        place="Perhekoti",
        hearing={**HEARD, "heard_on": timezone.localdate()},
    )
    young = portal_client(portal_world.young, language="en")
    mother = portal_client(portal_world.guardian, language="en")
    url = reverse("portal_decisions", args=[case.pk])
    assert "The workers and your guardians (Maija) can read this too." in (
        young.get(url).content.decode()
    )
    assert "The workers and Eetu can read this too." in mother.get(url).content.decode()
    services.document_hide(
        user=worker,
        case=case,
        document_key=f"measure:{measure.pk}",
        guardian=portal_world.guardian,
        reason="Tukihenkilön tiedot eivät saa päätyä huoltajalle.",
    )
    assert "The workers can read this too. Your guardians cannot." in (
        young.get(url).content.decode()
    )
    assert "Urgent move to a safe place" not in mother.get(url).content.decode()
