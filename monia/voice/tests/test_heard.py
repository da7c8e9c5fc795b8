""" "Were you heard?" after a held meeting: only for held meetings of the case, one answer
per client, shown to the workers on the meeting page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from monia.conftest import PortalWorld, login, portal_client
from monia.netmeet.models import NetworkMeeting
from monia.voice.models import HeardFeedback, VoiceKind
from monia.voice.tests.conftest import meeting_make

pytestmark = pytest.mark.django_db


def _url(meeting: NetworkMeeting) -> str:
    return reverse("portal_heard", args=[meeting.case_id, meeting.pk])


def test_were_you_heard_is_asked_only_about_a_held_meeting(
    portal_world: PortalWorld, planned: NetworkMeeting, held: NetworkMeeting
) -> None:
    client = portal_client(portal_world.young)
    assert client.get(_url(planned)).status_code == 404
    assert client.post(_url(planned), {"score": "5"}).status_code == 404
    assert client.get(_url(held)).status_code == 200
    assert not HeardFeedback.objects.exists()


def test_a_held_meeting_of_a_siblings_case_is_not_found(portal_world: PortalWorld) -> None:
    sisters = meeting_make(portal_world.cw.case, days=-3, held=True)
    young = portal_client(portal_world.young)
    # Under Eetu's own case id, and under his sister's.
    wrong_case = reverse("portal_heard", args=[portal_world.young_case.pk, sisters.pk])
    assert young.get(wrong_case).status_code == 404
    assert young.get(_url(sisters)).status_code == 404


def test_a_second_answer_changes_the_first(portal_world: PortalWorld, held: NetworkMeeting) -> None:
    client = portal_client(portal_world.young)
    assert client.post(_url(held), {"score": "5"}).status_code == 302
    response = client.post(_url(held), {"score": "2", "comment": "Kukaan ei kysynyt minulta."})
    assert response.status_code == 302
    answer = HeardFeedback.objects.get()
    assert (answer.score, answer.comment) == (2, "Kukaan ei kysynyt minulta.")
    assert answer.kind == VoiceKind.YOUNG_PERSON and answer.author_person == portal_world.young
    page = client.get(_url(held)).content.decode()
    assert "Kukaan ei kysynyt minulta." in page  # the earlier answer is shown to change


def test_the_guardian_answers_separately(portal_world: PortalWorld, held: NetworkMeeting) -> None:
    portal_client(portal_world.young).post(_url(held), {"score": "4"})
    portal_client(portal_world.guardian).post(_url(held), {"score": "3"})
    kinds = dict(HeardFeedback.objects.values_list("kind", "score"))
    assert kinds == {VoiceKind.YOUNG_PERSON: 4, VoiceKind.GUARDIAN: 3}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"comment": "Ei mitään"}, "Choose how well you were heard."),
        ({"score": "6", "comment": "Ei mitään"}, "Choose one of the five faces."),
    ],
)
def test_a_missing_or_bad_answer_saves_nothing_and_keeps_the_comment(
    portal_world: PortalWorld, held: NetworkMeeting, data: dict[str, str], message: str
) -> None:
    client = portal_client(portal_world.young, language="en")
    response = client.post(_url(held), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text and "Ei mitään" in text
    assert not HeardFeedback.objects.exists()


def test_the_portal_lists_recent_held_meetings_to_answer(
    portal_world: PortalWorld, held: NetworkMeeting
) -> None:
    old = meeting_make(portal_world.young_case, days=-90, held=True)
    client = portal_client(portal_world.young, language="en")
    page = client.get(reverse("portal_voice", args=[portal_world.young_case.pk])).content.decode()
    assert _url(held) in page
    assert _url(old) not in page  # older than 60 days: no longer asked
    client.post(_url(held), {"score": "4"})
    page = client.get(reverse("portal_voice", args=[portal_world.young_case.pk])).content.decode()
    assert "you answered: Mostly" in page


def test_the_workers_see_the_answers_on_the_meeting_page(
    portal_world: PortalWorld, held: NetworkMeeting
) -> None:
    portal_client(portal_world.young).post(_url(held), {"score": "2", "comment": "Liian kiire."})
    worker = login("worker_a", language="en")
    page = worker.get(reverse("network_meeting_detail", args=[held.case_id, held.pk]))
    text = page.content.decode()
    assert "2/5 – A little" in text and "Liian kiire." in text
