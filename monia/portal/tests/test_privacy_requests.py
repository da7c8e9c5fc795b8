"""Issue 10 item 5: a young person able to decide (from 12; the worker judges) asks in the
portal that a document or a My voice answer is not shown to the guardians; the worker is
told without content and records the decision (GuardianRestriction, extended)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.casework import measure_services
from monia.casework.models import ChronologyEvent, EventKind
from monia.conftest import HEARD, PortalWorld, login, portal_client
from monia.notify.models import Notification
from monia.portal import services
from monia.portal.models import GuardianRestriction, RestrictionStatus
from monia.voice.models import VoiceEntry

pytestmark = pytest.mark.django_db


def _worker() -> Any:
    from monia.accounts.models import User

    return User.objects.get(username="worker_a")


@pytest.fixture
def placement(portal_world: PortalWorld) -> str:
    """An emergency placement of Eetu's with an approved family version; its key."""
    from monia.portal import family_services

    measure = measure_services.measure_record(
        user=_worker(),
        case=portal_world.young_case,
        kind="emergency_placement",
        decided_on=timezone.localdate(),
        started_on=timezone.localdate(),
        place="Perhekoti",
        hearing={**HEARD, "heard_on": timezone.localdate()},
    )
    key = f"measure:{measure.pk}"
    family_services.family_version_approve(
        user=_worker(), case=portal_world.young_case, document_key=key, text="Asut nyt turvassa."
    )
    return key


def _ask(client: Any, case_id: int, key: str) -> Any:
    return client.post(reverse("portal_privacy", args=[case_id]), {"document": key}, follow=True)


def test_a_young_person_asks_and_the_worker_is_told_without_content(
    portal_world: PortalWorld, placement: str
) -> None:
    case = portal_world.young_case
    young = portal_client(portal_world.young, language="en")
    page = _ask(young, case.pk, placement).content.decode()
    assert "You asked. Your worker will decide and tell you." in page
    assert "You asked that your guardians do not see this. Your worker will decide." in page
    row = GuardianRestriction.objects.get(case=case, document_key=placement)
    assert row.status == RestrictionStatus.REQUESTED and row.guardian == portal_world.guardian
    assert row.requested_by == portal_world.young
    note = Notification.objects.get(kind="privacy_request")
    assert note.user.username == "worker_a"
    assert "Eetu" not in note.message and "Perhekoti" not in note.message
    assert ChronologyEvent.objects.filter(case=case, kind=EventKind.PORTAL_VISIBILITY).exists()
    # Until the worker decides, the guardian still reads it.
    mother = portal_client(portal_world.guardian)
    url = reverse("portal_decisions", args=[case.pk])
    assert "Asut nyt turvassa." in mother.get(url).content.decode()
    # The worker sees the request on the case's portal page.
    staff = login("worker_a", language="en").get(reverse("case_portal", args=[case.pk]))
    assert "asked on" in staff.content.decode()


def test_the_worker_agrees_only_having_judged_the_young_person_able_to_decide(
    portal_world: PortalWorld, placement: str
) -> None:
    case = portal_world.young_case
    young = portal_client(portal_world.young, language="en")
    _ask(young, case.pk, placement)
    worker = login("worker_a", language="en")
    url = reverse("case_portal_request_decide", args=[case.pk])
    data = {"req-document": placement, "req-decision": "agree", "req-reason": "Eetu on 14."}
    refused = worker.post(url, data)
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "error-summary" in text and "Eetu on 14." in text  # kept as typed
    row = GuardianRestriction.objects.get(case=case, document_key=placement)
    assert row.status == RestrictionStatus.REQUESTED
    assert worker.post(url, {**data, "req-judged_able": "on"}).status_code == 302
    row.refresh_from_db()
    assert row.status == RestrictionStatus.IN_FORCE and row.judged_able
    assert row.restricted_by.username == "worker_a"
    mother = portal_client(portal_world.guardian)
    assert (
        "Asut nyt turvassa."
        not in mother.get(reverse("portal_decisions", args=[case.pk])).content.decode()
    )
    page = young.get(reverse("portal_privacy", args=[case.pk])).content.decode()
    assert "Your worker said yes." in page
    assert "The workers can read this too. Your guardians cannot." in page


def test_a_declined_request_leaves_the_document_shown_and_may_be_asked_again(
    portal_world: PortalWorld, placement: str
) -> None:
    case = portal_world.young_case
    young = portal_client(portal_world.young, language="en")
    _ask(young, case.pk, placement)
    services.restriction_decide(
        user=_worker(),
        case=case,
        document_key=placement,
        agree=False,
        judged_able=True,
        reason="Huoltajan on tiedettävä sijoituksesta.",
    )
    page = young.get(reverse("portal_privacy", args=[case.pk])).content.decode()
    assert "Your worker said no. Ask your worker why. You can ask again." in page
    assert "Huoltajan on tiedettävä" not in page  # the reasons come from the worker herself
    mother = portal_client(portal_world.guardian)
    url = reverse("portal_decisions", args=[case.pk])
    assert "Asut nyt turvassa." in mother.get(url).content.decode()
    _ask(young, case.pk, placement)
    row = GuardianRestriction.objects.get(case=case, document_key=placement)
    assert row.status == RestrictionStatus.REQUESTED and row.reason == ""


def test_a_guardian_and_a_child_under_12_cannot_ask(portal_world: PortalWorld) -> None:
    case = portal_world.cw.case
    key = f"measure:{portal_world.cw.emergency.pk}"
    mother = portal_client(portal_world.guardian, language="en")
    page = _ask(mother, case.pk, key).content.decode()
    assert "Only a young person from 12 can ask this." in page
    services.child_portal_access_set(user=_worker(), case=case, allowed=True)
    aino = portal_client(portal_world.child, language="en")
    page = _ask(aino, case.pk, key).content.decode()
    assert "Only a young person from 12 can ask this." in page
    assert "Ask that my guardians do not see this" not in page
    assert not GuardianRestriction.objects.exists()


def test_a_young_person_cannot_ask_about_another_matters_document(
    portal_world: PortalWorld,
) -> None:
    young = portal_client(portal_world.young, language="en")
    key = f"measure:{portal_world.cw.emergency.pk}"  # his sister's placement
    page = _ask(young, portal_world.young_case.pk, key).content.decode()
    assert "Choose a document of your matter." in page
    assert not GuardianRestriction.objects.exists()


def _voice(pw: PortalWorld) -> VoiceEntry:
    young = portal_client(pw.young, language="en")
    young.post(
        reverse("portal_voice", args=[pw.young_case.pk]),
        {"feeling": "2", "adults_know": "Isä huutaa iltaisin."},
    )
    return VoiceEntry.objects.get(case=pw.young_case)


def test_a_young_person_asks_that_the_guardians_do_not_hear_a_my_voice_answer(
    portal_world: PortalWorld,
) -> None:
    case = portal_world.young_case
    entry = _voice(portal_world)
    young = portal_client(portal_world.young, language="en")
    url = reverse("portal_voice", args=[case.pk])
    page = young.post(url, {"private_entry": str(entry.pk)}, follow=True).content.decode()
    assert "You asked that your guardians do not hear this. Your worker will decide." in page
    key = f"voice:{entry.pk}"
    assert GuardianRestriction.objects.get(document_key=key).status == "requested"
    assert VoiceEntry.objects.count() == 1  # the request is not a new answer
    staff = login("worker_a", language="en").get(reverse("case_portal", args=[case.pk]))
    text = staff.content.decode()
    assert "Isä huutaa iltaisin." in text  # the answer beside the request
    services.restriction_decide(
        user=_worker(),
        case=case,
        document_key=key,
        agree=True,
        judged_able=True,
        reason="Eetu pystyy päättämään.",
    )
    assert "Your worker said yes: your guardians will not hear this." in (
        young.get(url).content.decode()
    )


def test_the_team_sees_that_an_answer_is_not_for_the_guardians(
    portal_world: PortalWorld,
) -> None:
    from monia.voice import selectors as voice_selectors
    from monia.voice.tests.conftest import meeting_make

    entry = _voice(portal_world)
    meeting = meeting_make(portal_world.young_case, days=3)
    portal_client(portal_world.young).post(
        reverse("portal_voice", args=[portal_world.young_case.pk]),
        {"private_entry": str(entry.pk)},
    )
    voices = voice_selectors.meeting_voices(meeting)
    assert [v.private for v in voices.entries] == ["requested"]
    page = login("worker_a", language="en").get(
        reverse(
            "network_meeting_detail",
            kwargs={"case_id": portal_world.young_case.pk, "meeting_id": meeting.pk},
        )
    )
    assert "The young person asked that the guardians do not hear this" in page.content.decode()


def test_another_clients_answer_cannot_be_asked_about(portal_world: PortalWorld) -> None:
    entry = _voice(portal_world)
    mother = portal_client(portal_world.guardian, language="en")
    page = mother.post(
        reverse("portal_voice", args=[portal_world.young_case.pk]),
        {"private_entry": str(entry.pk)},
        follow=True,
    ).content.decode()
    assert "Choose one of your own answers." in page
    assert not GuardianRestriction.objects.exists()


def test_hiding_by_the_worker_keeps_working_with_requests_beside_it(
    portal_world: PortalWorld, placement: str
) -> None:
    """The worker's own hiding (without a request) still hides at once; "show again"
    removes it; the meeting a guardian may not see stays hidden in My voice."""
    case = portal_world.young_case
    restriction = services.document_hide(
        user=_worker(),
        case=case,
        document_key=placement,
        guardian=portal_world.guardian,
        reason="Sijoituspaikka on salainen.",
    )
    assert restriction.status == RestrictionStatus.IN_FORCE
    mother = portal_client(portal_world.guardian)
    url = reverse("portal_decisions", args=[case.pk])
    assert "Asut nyt turvassa." not in mother.get(url).content.decode()
    services.document_show(user=_worker(), case=case, restriction_id=restriction.pk)
    assert "Asut nyt turvassa." in mother.get(url).content.decode()
    assert timezone.now() - datetime.timedelta(minutes=5) < restriction.restricted_at


def test_who_can_see_what_names_the_professionals_a_part_of_the_matter_is_shared_with(
    portal_world: PortalWorld, school: Any, partner: Any
) -> None:
    """The page said only the workers and the guardians see the matter, while a school
    nurse read the plan by the guardian's consent."""
    from monia.network import services as network_services

    case = portal_world.young_case
    url = reverse("portal_privacy", args=[case.pk])
    client = portal_client(portal_world.young, language="en")
    assert "Nothing is shared with them now." in client.get(url).content.decode()
    until = timezone.localdate() + datetime.timedelta(days=60)
    grant = network_services.grant_create(
        user=_worker(),
        case=case,
        organisation=school,
        partner=partner,
        basis="guardian_consent",
        consent_given_by="Maija Esimerkki",
        scope=["plan"],
        ends_on=until,
    )
    page = client.get(url).content.decode()
    assert f"{partner.display_name}, Keskuskoulu" in page
    assert "Can see: The client plan" in page
    assert f"Until {until:%-d.%-m.%Y}. Why: Consent of the guardian" in page
    network_services.grant_withdraw(user=_worker(), grant=grant)
    assert "Nothing is shared with them now." in client.get(url).content.decode()
