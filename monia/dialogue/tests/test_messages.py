"""Secure messages between a client and the workers of the case: who sees which thread,
content-free notifications, unread counts, errors that keep the text, and the log."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monia.access.models import AccessLog
from monia.accounts.models import User
from monia.conftest import PortalWorld, login, make_user, portal_client
from monia.dialogue import services
from monia.dialogue.models import Message, MessageThread
from monia.notify.models import Notification
from monia.portal.services import client_user_for_identity_code

pytestmark = pytest.mark.django_db

SECRET = "Isä joi taas eilen ja minua pelottaa"


def _client_user(person: Any) -> User:
    user = client_user_for_identity_code(person.identity_code, method="demo")
    assert user is not None
    return user


def _thread_url(thread: MessageThread) -> str:
    return reverse("case_message_thread", args=[thread.case_id, thread.pk])


def test_client_message_reaches_the_worker_who_is_notified_without_content(
    portal_world: PortalWorld,
    worker_a: User,
    mailoutbox: list,
    django_capture_on_commit_callbacks: Any,
) -> None:
    worker_a.email = "worker.a@example.org"
    worker_a.save()
    case = portal_world.cw.case
    guardian = portal_client(portal_world.guardian)
    with django_capture_on_commit_callbacks(execute=True):
        response = guardian.post(reverse("portal_messages", args=[case.pk]), {"body": SECRET})
    assert response.status_code == 302

    thread = MessageThread.objects.get(case=case, client=portal_world.guardian)
    page = login("worker_a").get(_thread_url(thread))
    assert page.status_code == 200
    assert SECRET in page.content.decode()

    note = Notification.objects.get(user=worker_a, kind="message")
    assert note.message == "You have a new message from a client in Monia."
    assert note.link == _thread_url(thread)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    for leak in (SECRET, "Maija", "Aino", "Esimerkki", portal_world.guardian.identity_code):
        assert leak not in mail.subject and leak not in mail.body


def test_message_goes_to_the_team_when_the_case_has_no_designated_worker(
    portal_world: PortalWorld, teammate_a: User
) -> None:
    case = portal_world.young_case
    case.designated_worker = None
    case.save(update_fields=["designated_worker"])
    portal_client(portal_world.young).post(
        reverse("portal_messages", args=[case.pk]), {"body": "Hei"}
    )
    notified = set(
        Notification.objects.filter(kind="message").values_list("user__username", flat=True)
    )
    assert {"worker_a", "teammate_a"} <= notified


def test_worker_reply_reaches_the_client_with_an_unread_count_in_the_nav(
    portal_world: PortalWorld, mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    case = portal_world.young_case
    young = portal_client(portal_world.young, language="en")
    young.post(reverse("portal_messages", args=[case.pk]), {"body": "Voinko vaihtaa koulua?"})
    client_user = _client_user(portal_world.young)
    client_user.email = "eetu@example.org"
    client_user.save()
    thread = MessageThread.objects.get(case=case, client=portal_world.young)
    reply = "Puhutaan siitä torstaina koululla."
    with django_capture_on_commit_callbacks(execute=True):
        response = login("worker_a").post(_thread_url(thread), {"body": reply})
    assert response.status_code == 302

    note = Notification.objects.get(user=client_user, kind="message")
    assert note.message == "You have a new message in Monia."
    assert note.link == reverse("portal_messages", args=[case.pk])
    assert len(mailoutbox) == 1
    assert reply not in mailoutbox[0].body and "Eetu" not in mailoutbox[0].body

    front = young.get(reverse("portal_case", args=[case.pk])).content.decode()
    assert "Messages (1 new)" in front
    page = young.get(reverse("portal_messages", args=[case.pk])).content.decode()
    assert reply in page
    assert 'class="bubble mine"' in page  # the young person's own message
    assert (
        "Messages (1 new)" not in young.get(reverse("portal_case", args=[case.pk])).content.decode()
    )
    assert Message.objects.get(body=reply).read_by_client_at is not None


def test_worker_can_write_first_to_the_child(portal_world: PortalWorld) -> None:
    case = portal_world.young_case
    response = login("worker_a").post(
        reverse("case_messages", args=[case.pk]),
        {"client": str(portal_world.young.pk), "body": "Tervetuloa portaaliin!"},
    )
    assert response.status_code == 302
    page = portal_client(portal_world.young).get(reverse("portal_messages", args=[case.pk]))
    assert "Tervetuloa portaaliin!" in page.content.decode()


def test_worker_cannot_write_to_a_person_outside_the_case(portal_world: PortalWorld) -> None:
    case = portal_world.young_case
    response = login("worker_a").post(
        reverse("case_messages", args=[case.pk]),
        {"client": str(portal_world.young_adult.pk), "body": "Hei"},
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Message.objects.exists()


def test_guardian_and_child_do_not_see_each_others_thread(portal_world: PortalWorld) -> None:
    case = portal_world.young_case
    url = reverse("portal_messages", args=[case.pk])
    guardian, young = portal_client(portal_world.guardian), portal_client(portal_world.young)
    guardian.post(url, {"body": "Äidin oma viesti"})
    young.post(url, {"body": "Eetun oma viesti"})
    guardian_page, young_page = guardian.get(url).content.decode(), young.get(url).content.decode()
    assert "Äidin oma viesti" in guardian_page and "Eetun oma viesti" not in guardian_page
    assert "Eetun oma viesti" in young_page and "Äidin oma viesti" not in young_page
    staff = login("worker_a").get(reverse("case_messages", args=[case.pk])).content.decode()
    assert "Maija" in staff and "Eetu" in staff
    assert MessageThread.objects.filter(case=case).count() == 2


def test_sibling_and_other_clients_get_404_on_another_matters_messages(
    portal_world: PortalWorld,
) -> None:
    aino_case = portal_world.cw.case
    for person in (portal_world.young, portal_world.young_adult):
        client = portal_client(person)
        assert client.get(reverse("portal_messages", args=[aino_case.pk])).status_code == 404
        posted = client.post(reverse("portal_messages", args=[aino_case.pk]), {"body": "x"})
        assert posted.status_code == 404
    assert not Message.objects.exists()


def test_other_team_and_clients_get_404_on_a_staff_thread(
    portal_world: PortalWorld, other_team: User
) -> None:
    case = portal_world.young_case
    thread = MessageThread.objects.create(case=case, client=portal_world.young)
    assert login("other_team").get(_thread_url(thread)).status_code == 404
    assert portal_client(portal_world.young).get(_thread_url(thread)).status_code == 404
    # A thread of another case under this case's address answers like a missing one.
    wrong = reverse("case_message_thread", args=[portal_world.cw.case.pk, thread.pk])
    assert login("worker_a").get(wrong).status_code == 404


def test_replying_needs_record(portal_world: PortalWorld, world: Any) -> None:
    make_user("coordinator_a", "team_coordinator", world.county_a, world.team_a1)
    thread = MessageThread.objects.create(case=portal_world.young_case, client=portal_world.young)
    coordinator = login("coordinator_a")
    assert coordinator.get(_thread_url(thread)).status_code == 200
    assert coordinator.post(_thread_url(thread), {"body": "Hei"}).status_code == 404
    assert not Message.objects.exists()


def test_empty_message_gets_a_clear_error_and_nothing_is_saved(portal_world: PortalWorld) -> None:
    url = reverse("portal_messages", args=[portal_world.young_case.pk])
    response = portal_client(portal_world.young, language="en").post(url, {"body": "   "})
    assert response.status_code == 200
    text = response.content.decode()
    assert "error-summary" in text and "Write a message first." in text
    assert not Message.objects.exists() and not MessageThread.objects.exists()


def test_too_long_message_keeps_what_was_typed(portal_world: PortalWorld) -> None:
    typed = "Pitkä viesti. " * 400  # over 5000 characters
    url = reverse("portal_messages", args=[portal_world.young_case.pk])
    response = portal_client(portal_world.young, language="en").post(url, {"body": typed})
    assert response.status_code == 200
    text = response.content.decode()
    assert "at most 5000 characters" in text
    assert typed.strip() in text
    assert not Message.objects.exists()


def test_empty_staff_reply_keeps_the_page_and_saves_nothing(portal_world: PortalWorld) -> None:
    thread = MessageThread.objects.create(case=portal_world.young_case, client=portal_world.young)
    response = login("worker_a", language="en").post(_thread_url(thread), {"body": ""})
    assert response.status_code == 200
    assert "Write a message first." in response.content.decode()
    assert not Message.objects.exists()


def test_every_message_page_read_writes_an_access_log_row(portal_world: PortalWorld) -> None:
    case = portal_world.young_case
    thread = MessageThread.objects.create(case=case, client=portal_world.young)
    reads = [
        (portal_client(portal_world.young), reverse("portal_messages", args=[case.pk])),
        (login("worker_a"), reverse("case_messages", args=[case.pk])),
        (login("worker_a"), _thread_url(thread)),
    ]
    for client, url in reads:
        before = AccessLog.objects.filter(case=case).count()
        assert client.get(url).status_code == 200
        assert AccessLog.objects.filter(case=case).count() == before + 1, url
    purposes = set(AccessLog.objects.filter(case=case).values_list("purpose", flat=True))
    assert {"portal_messages", "case_messages", "case_message_thread"} <= purposes


def _add_messages(thread: MessageThread, count: int, worker: User, client_user: User) -> None:
    for i in range(count):
        from_client = i % 2 == 0
        Message.objects.create(
            thread=thread,
            sender=client_user if from_client else worker,
            from_client=from_client,
            body=f"Viesti {i}",
        )


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_thread_pages_query_count_is_the_same_for_2_and_20_messages(
    portal_world: PortalWorld, worker_a: User, django_assert_num_queries: Any
) -> None:
    case = portal_world.young_case
    client_user = _client_user(portal_world.young)
    thread = MessageThread.objects.create(case=case, client=portal_world.young)
    _add_messages(thread, 2, worker_a, client_user)
    staff, young = login("worker_a"), portal_client(portal_world.young)
    staff_url, portal_url = _thread_url(thread), reverse("portal_messages", args=[case.pk])
    staff.get(staff_url), young.get(portal_url)  # warm the sessions
    staff_n, portal_n = _queries(staff, staff_url), _queries(young, portal_url)

    _add_messages(thread, 18, worker_a, client_user)
    with django_assert_num_queries(staff_n):
        assert staff.get(staff_url).status_code == 200
    with django_assert_num_queries(portal_n):
        assert young.get(portal_url).status_code == 200


def test_reply_service_rejects_blank_text_before_writing(portal_world: PortalWorld) -> None:
    from django.core.exceptions import ValidationError

    thread = MessageThread.objects.create(case=portal_world.young_case, client=portal_world.young)
    with pytest.raises(ValidationError):
        services.message_reply(user=User.objects.get(username="worker_a"), thread=thread, body=" ")
    assert not Notification.objects.exists()


def test_portal_nav_shows_the_unread_count_in_finnish_by_default(portal_world: PortalWorld) -> None:
    case = portal_world.young_case
    services.message_send_to_client(
        user=case.designated_worker or User.objects.get(username="worker_a"),
        case=case,
        client_id=portal_world.young.pk,
        body="Muistathan huomisen tapaamisen?",
    )
    page = portal_client(portal_world.young).get(reverse("portal_case", args=[case.pk]))
    assert "Viestit (1 uusi)" in page.content.decode()


@pytest.mark.parametrize("body", ["", "x" * 5001])
def test_database_refuses_an_empty_or_too_long_message(
    portal_world: PortalWorld, worker_a: User, body: str
) -> None:
    from django.db import IntegrityError, transaction

    thread = MessageThread.objects.create(case=portal_world.young_case, client=portal_world.young)
    with pytest.raises(IntegrityError), transaction.atomic():
        Message.objects.create(thread=thread, sender=worker_a, from_client=False, body=body)


def test_a_message_sent_twice_from_one_form_is_saved_and_notified_once(
    portal_world: PortalWorld,
) -> None:
    """A double click (or "Back" and send) repeats the form's key: one message, one
    notification, and the second answer still tells that the message was sent."""
    client = portal_client(portal_world.young, language="en")
    url = reverse("portal_messages", args=[portal_world.young_case.pk])
    page = client.get(url).content.decode()
    key = re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page)
    assert key is not None, "the form carries its key"
    for _twice in range(2):
        response = client.post(url, {"body": "Hei, soitatko?", "submission_key": key[1]})
        assert response.status_code == 302
    assert Message.objects.filter(body="Hei, soitatko?").count() == 1
    assert Notification.objects.filter(kind="message").count() == 1
    assert "Your message was sent." in client.get(url).content.decode()


def test_a_new_form_sends_a_new_message_with_the_same_words(portal_world: PortalWorld) -> None:
    client = portal_client(portal_world.young)
    url = reverse("portal_messages", args=[portal_world.young_case.pk])
    for _twice in range(2):
        client.post(url, {"body": "Kiitos!", "submission_key": str(uuid.uuid4())})
    assert Message.objects.filter(body="Kiitos!").count() == 2


def test_another_clients_form_key_saves_nothing_of_theirs(portal_world: PortalWorld) -> None:
    key = str(uuid.uuid4())
    case = portal_world.young_case
    portal_client(portal_world.young).post(
        reverse("portal_messages", args=[case.pk]), {"body": "Minun", "submission_key": key}
    )
    response = portal_client(portal_world.guardian, language="en").post(
        reverse("portal_messages", args=[case.pk]), {"body": "Toisen", "submission_key": key}
    )
    assert response.status_code == 200
    assert "This form was sent already. Open a new form." in response.content.decode()
    assert list(Message.objects.values_list("body", flat=True)) == ["Minun"]


def test_a_workers_message_sent_twice_from_one_form_reaches_the_client_once(
    portal_world: PortalWorld,
) -> None:
    """The worker's side of the same double click: a new message and a reply, each sent
    twice with its form's key, is one message and one notice to the client."""
    case = portal_world.young_case
    portal_client(portal_world.young)  # he has logged in to the portal: he gets notices
    worker = login("worker_a")
    url = reverse("case_messages", args=[case.pk])
    key = re.search(
        r'name="submission_key" value="([0-9a-f-]{36})"', worker.get(url).content.decode()
    )
    assert key is not None, "the form carries its key"
    sent = {"client": str(portal_world.young.pk), "body": "Tapaamme torstaina."}
    for _twice in range(2):
        response = worker.post(url, {**sent, "submission_key": key[1]})
        assert response.status_code == 302
    message = Message.objects.get(body="Tapaamme torstaina.")
    thread_url = response["Location"]
    key = re.search(
        r'name="submission_key" value="([0-9a-f-]{36})"', worker.get(thread_url).content.decode()
    )
    assert key is not None
    for _twice in range(2):
        worker.post(thread_url, {"body": "Ja soitan ennen sitä.", "submission_key": key[1]})
    assert Message.objects.filter(body="Ja soitan ennen sitä.").count() == 1
    assert Message.objects.filter(thread=message.thread).count() == 2
    assert Notification.objects.filter(kind="message").count() == 2
