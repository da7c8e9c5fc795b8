"""My voice in the portal: who is asked what, where the answers go, and what is refused."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from monia.access.models import AccessLog, Basis
from monia.casework.models import ChronologyEvent, EventKind
from monia.conftest import PortalWorld, login, portal_client
from monia.netmeet.models import NetworkMeeting
from monia.notify.models import Notification
from monia.voice.models import VoiceEntry, VoiceKind
from monia.voice.tests.conftest import meeting_make

pytestmark = pytest.mark.django_db


def _url(case_id: int, meeting: NetworkMeeting | None = None) -> str:
    url = reverse("portal_voice", args=[case_id])
    return f"{url}?meeting={meeting.pk}" if meeting else url


YOUNG_ANSWERS = {
    "home": "4",
    "school": "2",
    "friends": "5",
    "feeling": "",  # "I skip this"
    "adults_know": "Koulussa on vaikeaa aamuisin.",
    "who_there": "Haluan että isä tulee.",
    "hopes": "Että saan apua läksyihin.",
}


def test_young_person_gives_my_voice_and_it_reaches_the_meeting_page_and_the_record(
    portal_world: PortalWorld, planned: NetworkMeeting
) -> None:
    case = portal_world.young_case
    client = portal_client(portal_world.young)
    page = client.get(_url(case.pk, planned))
    assert page.status_code == 200
    response = client.post(_url(case.pk, planned), YOUNG_ANSWERS)
    assert response.status_code == 302

    entry = VoiceEntry.objects.get()
    assert (entry.case, entry.meeting, entry.kind) == (case, planned, VoiceKind.YOUNG_PERSON)
    assert (entry.home, entry.school, entry.friends, entry.feeling) == (4, 2, 5, None)
    assert entry.author_person == portal_world.young
    event = ChronologyEvent.objects.get(case=case, kind=EventKind.CLIENT_VOICE)
    assert event.actor == entry.author
    assert "Koulussa on vaikeaa aamuisin." in event.detail
    log = AccessLog.objects.filter(case=case, purpose="portal_voice").latest("at")
    assert log.basis == Basis.OWN_DATA and log.channel == "portal"

    worker = login("worker_a", language="en")
    meeting_page = worker.get(reverse("network_meeting_detail", args=[case.pk, planned.pk]))
    text = meeting_page.content.decode()
    assert "Haluan että isä tulee." in text
    assert "Eetu" in text and "2/5 – Bad" in text
    chronology = worker.get(reverse("case_chronology", args=[case.pk])).content.decode()
    assert "Koulussa on vaikeaa aamuisin." in chronology


def test_an_entry_for_the_next_meeting_shows_at_the_next_planned_meeting(
    portal_world: PortalWorld,
) -> None:
    case = portal_world.young_case
    client = portal_client(portal_world.young)
    assert (
        client.post(_url(case.pk), {"feeling": "3", "hopes": "Lyhyt palaveri"}).status_code == 302
    )
    assert VoiceEntry.objects.get().meeting is None
    later = meeting_make(case, days=10)
    worker = login("worker_a")
    text = worker.get(reverse("network_meeting_detail", args=[case.pk, later.pk])).content.decode()
    assert "Lyhyt palaveri" in text


def test_a_guardian_is_asked_other_questions_than_the_child(
    portal_world: PortalWorld, planned: NetworkMeeting
) -> None:
    url = _url(portal_world.young_case.pk, planned)
    child_page = portal_client(portal_world.young, language="en").get(url).content.decode()
    guardian_page = portal_client(portal_world.guardian, language="en").get(url).content.decode()
    assert 'name="friends"' in child_page and 'name="child_doing"' not in child_page
    assert "How are things at school?" in child_page
    assert 'name="child_doing"' in guardian_page and 'name="friends"' not in guardian_page
    assert "How is your child doing?" in guardian_page
    assert "What I want the workers to know" in guardian_page


def test_a_young_adult_is_asked_about_studies_or_work(portal_world: PortalWorld) -> None:
    page = portal_client(portal_world.young_adult, language="en").get(
        _url(portal_world.adult_case.pk)
    )
    assert "How are things with your studies or work?" in page.content.decode()


def test_a_guardians_answers_are_kept_as_the_guardians(
    portal_world: PortalWorld, planned: NetworkMeeting
) -> None:
    client = portal_client(portal_world.guardian)
    response = client.post(
        _url(portal_world.young_case.pk, planned), {"home": "3", "child_doing": "2"}
    )
    assert response.status_code == 302
    entry = VoiceEntry.objects.get()
    assert entry.kind == VoiceKind.GUARDIAN and entry.author_person == portal_world.guardian
    assert (entry.home, entry.child_doing) == (3, 2)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**YOUNG_ANSWERS, "home": "7"}, "Choose one of the five faces."),
        ({**YOUNG_ANSWERS, "school": "zero"}, "Choose one of the five faces."),
        ({"home": "", "school": "", "adults_know": "   "}, "Choose at least one face or write"),
    ],
)
def test_a_bad_or_empty_form_saves_nothing_and_keeps_what_was_typed(
    portal_world: PortalWorld, planned: NetworkMeeting, data: dict[str, str], message: str
) -> None:
    client = portal_client(portal_world.young, language="en")
    response = client.post(_url(portal_world.young_case.pk, planned), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text
    assert "Nothing was sent yet." in text
    if data.get("who_there"):
        assert "Haluan että isä tulee." in text
    assert not VoiceEntry.objects.exists()
    assert not ChronologyEvent.objects.filter(kind=EventKind.CLIENT_VOICE).exists()


def test_a_chosen_face_stays_chosen_when_the_form_comes_back(
    portal_world: PortalWorld, planned: NetworkMeeting
) -> None:
    client = portal_client(portal_world.young)
    response = client.post(
        _url(portal_world.young_case.pk, planned), {**YOUNG_ANSWERS, "home": "9"}
    )
    text = response.content.decode()
    assert '<input type="radio" name="friends" value="5"' in text
    friends_five = text.split('name="friends" value="5"')[1].split(">")[0]
    assert "checked" in friends_five


def test_a_meeting_of_a_siblings_case_is_not_found(
    portal_world: PortalWorld, sibling_planned: NetworkMeeting
) -> None:
    young = portal_client(portal_world.young)
    url = _url(portal_world.young_case.pk, sibling_planned)
    assert young.get(url).status_code == 404
    assert young.post(url, YOUNG_ANSWERS).status_code == 404
    # The guardian of both may not mix the two matters either.
    guardian = portal_client(portal_world.guardian)
    assert guardian.get(url).status_code == 404
    # Nor may Eetu open his sister's matter at all.
    assert young.get(_url(portal_world.cw.case.pk)).status_code == 404
    assert not VoiceEntry.objects.exists()


@pytest.mark.parametrize("meeting_id", ["held", "999999", "abc"])
def test_only_a_planned_meeting_of_the_case_can_be_chosen(
    portal_world: PortalWorld, held: NetworkMeeting, meeting_id: str
) -> None:
    chosen = str(held.pk) if meeting_id == "held" else meeting_id
    url = reverse("portal_voice", args=[portal_world.young_case.pk]) + f"?meeting={chosen}"
    assert portal_client(portal_world.young).get(url).status_code == 404


@pytest.mark.parametrize("persona", ["worker_a", "senior_a", "admin", "partner"])
def test_staff_and_partners_do_not_reach_my_voice(
    portal_world: PortalWorld, persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    assert login(persona).get(_url(portal_world.young_case.pk)).status_code == 404


def test_the_meetings_page_links_to_my_voice_for_each_coming_meeting(
    portal_world: PortalWorld, planned: NetworkMeeting
) -> None:
    client = portal_client(portal_world.young, language="en")
    text = client.get(reverse("portal_meetings", args=[portal_world.young_case.pk])).content
    assert _url(portal_world.young_case.pk, planned).encode() in text
    assert b"Tell us before the meeting (My voice)" in text
    nav = client.get(reverse("portal_case", args=[portal_world.young_case.pk])).content
    assert reverse("portal_voice", args=[portal_world.young_case.pk]).encode() in nav


def test_the_service_refuses_a_question_not_asked_of_the_client(
    portal_world: PortalWorld, planned: NetworkMeeting
) -> None:
    from django.core.exceptions import ValidationError

    from monia.portal import access as portal_access
    from monia.portal.services import client_user_for_identity_code
    from monia.voice import services

    user: Any = client_user_for_identity_code(portal_world.guardian.identity_code, method="demo")
    pc = portal_access.portal_case_get(user, portal_world.young_case.pk, purpose="portal_voice")
    with pytest.raises(ValidationError) as exc:
        services.voice_entry_give(
            user=user, portal_case=pc, meeting=planned, answers={"friends": 4}
        )
    assert "friends" in exc.value.message_dict
    assert not VoiceEntry.objects.exists()


def test_the_team_hears_of_my_voice_without_its_content(
    portal_world: PortalWorld,
    planned: NetworkMeeting,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    from monia.accounts.models import User
    from monia.notify.models import Notification

    User.objects.filter(username="worker_a").update(email="worker_a@example.invalid")
    client = portal_client(portal_world.young)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(portal_world.young_case.pk, planned), YOUNG_ANSWERS)
    assert response.status_code == 302
    notes = Notification.objects.filter(kind="client_voice")
    assert notes.filter(user__username="worker_a").exists()
    assert all("Eetu" not in n.message and "Koulussa" not in n.message for n in notes)
    for mail in mailoutbox:
        assert "Eetu" not in mail.body and "Koulussa" not in mail.body
    assert any("worker_a@example.invalid" in m.to for m in mailoutbox)


def test_my_voice_sent_twice_from_one_form_is_saved_recorded_and_notified_once(
    portal_world: PortalWorld, planned: NetworkMeeting
) -> None:
    case = portal_world.young_case
    client = portal_client(portal_world.young)
    page = client.get(_url(case.pk, planned)).content.decode()
    key = re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page)
    assert key is not None, "the form carries its key"
    for _twice in range(2):
        response = client.post(_url(case.pk, planned), {**YOUNG_ANSWERS, "submission_key": key[1]})
        assert response.status_code == 302
    assert VoiceEntry.objects.count() == 1
    assert ChronologyEvent.objects.filter(case=case, kind=EventKind.CLIENT_VOICE).count() == 1
    assert Notification.objects.filter(kind="client_voice").count() == 1
