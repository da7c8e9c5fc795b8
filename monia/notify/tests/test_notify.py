"""Notifications: the three hooks, e-mail only after commit and free of client data, and
the user's own list."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.conftest import PASSWORD, CaseWorld, make_user
from monia.consult import services as consult_services
from monia.contrib import services as contrib_services
from monia.notify import services
from monia.notify.models import Notification
from monia.systemic import services as systemic_services

QUESTION = "Miten Aino jaksaa koulussa kotitilanteen jälkeen?"
STEP = "Soita Maija Esimerkille kotikäynnistä"


def _client(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _secrets(cw: CaseWorld) -> list[str]:
    child = cw.case.child
    return [child.first_names, child.last_name, child.identity_code, "Maija", QUESTION, STEP]


def _assert_clean(messages: list[Any], cw: CaseWorld) -> None:
    assert messages
    for m in messages:
        text = f"{m.subject}\n{m.body}"
        for secret in _secrets(cw):
            assert secret.lower() not in text.lower(), secret


def _add_step(cw: CaseWorld, user: Any, owner: Any) -> Any:
    return systemic_services.next_step_add(
        user=user, case=cw.case, description=STEP, owner=owner, due_on=timezone.localdate()
    )


def _invite(cw: CaseWorld, user: Any, org: Any, partner: Any = None) -> Any:
    return contrib_services.request_create(
        user=user,
        assessment=cw.open_assessment,
        organisation=org,
        partner=partner,
        basis="lsl_41_request",
        questions=QUESTION,
        due_on=timezone.localdate() + datetime.timedelta(days=7),
    )


@pytest.fixture
def nurses(world: Any, school: Any, partner: Any) -> list[Any]:
    partner.email = "partner@example.org"
    partner.save()
    second = make_user(
        "nurse2", "partner", world.county_a, None, organisation=school, email="n2@example.org"
    )
    make_user("gone", "partner", world.county_a, None, organisation=school, is_active=False)
    return [partner, second]


def test_new_task_notifies_its_owner_and_mails_after_commit(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    teammate_a.email = "teammate@example.org"
    teammate_a.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        step = _add_step(case_a, worker_a, teammate_a)
        assert mail.outbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    n = Notification.objects.get()
    assert (n.user, n.kind) == (teammate_a, "task")
    assert n.link == reverse("dashboard") + "#tasks-h"
    assert STEP not in n.message and str(step.pk) not in n.message
    assert [m.to for m in mail.outbox] == [["teammate@example.org"]]
    assert "http://127.0.0.1:8000/#tasks-h" in mail.outbox[0].body
    _assert_clean(mail.outbox, case_a)


def test_contribution_request_notifies_every_active_partner_of_the_organisation(
    case_a: CaseWorld,
    worker_a: Any,
    school: Any,
    nurses: list[Any],
    django_capture_on_commit_callbacks: Any,
    mailoutbox: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        req = _invite(case_a, worker_a, school)
    notified = set(Notification.objects.values_list("user__username", flat=True))
    assert notified == {"partner", "nurse2"}
    link = reverse("partner_contribution", kwargs={"request_id": req.pk})
    assert set(Notification.objects.values_list("link", flat=True)) == {link}
    assert sorted(m.to[0] for m in mailoutbox) == ["n2@example.org", "partner@example.org"]
    _assert_clean(mailoutbox, case_a)


def test_contribution_request_to_a_named_partner_notifies_only_them(
    case_a: CaseWorld, worker_a: Any, school: Any, nurses: list[Any]
) -> None:
    _invite(case_a, worker_a, school, partner=nurses[1])
    assert list(Notification.objects.values_list("user__username", flat=True)) == ["nurse2"]


def test_consultation_notifies_the_organisations_partners_without_the_question(
    case_a: CaseWorld,
    school: Any,
    nurses: list[Any],
    django_capture_on_commit_callbacks: Any,
    mailoutbox: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        c = consult_services.consultation_ask(
            user=case_a.case.designated_worker,
            case=case_a.case,
            organisation=school,
            mode="pseudonymised",
            pseudonym="Tyttö, 9",
            question="Miten koulu voisi tukea?",
        )
    rows = Notification.objects.all()
    assert {n.user.username for n in rows} == {"partner", "nurse2"}
    assert {n.kind for n in rows} == {"consultation"}
    assert {n.link for n in rows} == {f"/consultations/{c.pk}/"}
    assert len(mailoutbox) == 2
    for m in mailoutbox:
        assert "Miten koulu voisi tukea" not in m.subject + m.body
        assert "Tyttö" not in m.subject + m.body
    _assert_clean(mailoutbox, case_a)


def test_email_is_in_finnish_with_only_the_generic_message(
    worker_a: Any, django_capture_on_commit_callbacks: Any, mailoutbox: Any
) -> None:
    worker_a.email = "w@example.org"
    worker_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(users=[worker_a], kind="task", message="You have a new task", link="/")
    # The catalogue may not translate the msgid yet; either way only the message is sent.
    assert mailoutbox[0].subject.startswith("Monia: ")
    assert "http://127.0.0.1:8000/" in mailoutbox[0].body


def test_no_email_when_the_transaction_rolls_back(
    case_a: CaseWorld,
    worker_a: Any,
    teammate_a: Any,
    django_capture_on_commit_callbacks: Any,
    mailoutbox: Any,
) -> None:
    teammate_a.email = "teammate@example.org"
    teammate_a.save()

    class Abort(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(Abort), transaction.atomic():
            _add_step(case_a, worker_a, teammate_a)
            raise Abort
    assert callbacks == []
    assert mailoutbox == []
    assert not Notification.objects.exists()


def test_user_without_email_gets_only_the_in_app_notification(
    worker_a: Any, django_capture_on_commit_callbacks: Any, mailoutbox: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(users=[worker_a], kind="task", message="You have a new task", link="/")
    assert Notification.objects.filter(user=worker_a).count() == 1
    assert mailoutbox == []


def test_list_shows_own_notifications_newest_first(worker_a: Any, teammate_a: Any) -> None:
    services.notify(users=[worker_a], kind="task", message="You have a new task", link="/a/")
    services.notify(
        users=[worker_a],
        kind="consultation",
        message="A consultation question awaits your answer",
        link="/b/",
    )
    services.notify(users=[teammate_a], kind="task", message="Someone else's", link="/c/")
    response = _client(worker_a).get(reverse("notifications"))
    assert response.status_code == 200
    items = response.context["items"]
    assert [n.link for n in items] == ["/b/", "/a/"]
    assert b"Someone else" not in response.content


def test_opening_marks_read_and_redirects_to_the_link(worker_a: Any) -> None:
    (n,) = services.notify(users=[worker_a], kind="task", message="x", link="/#tasks-h")
    response = _client(worker_a).post(reverse("notification_open", args=[n.pk]))
    assert response.status_code == 302 and response["Location"] == "/#tasks-h"
    n.refresh_from_db()
    assert n.read_at is not None


def test_other_users_notification_gets_404(worker_a: Any, other_team: Any) -> None:
    (n,) = services.notify(users=[worker_a], kind="task", message="x", link="/")
    client = _client(other_team)
    forbidden = client.post(reverse("notification_open", args=[n.pk]))
    missing = client.post(reverse("notification_open", args=[n.pk + 10_000]))
    assert forbidden.status_code == missing.status_code == 404
    n.refresh_from_db()
    assert n.read_at is None


def test_mark_all_read_touches_only_own(worker_a: Any, teammate_a: Any) -> None:
    services.notify(users=[worker_a, teammate_a], kind="task", message="x", link="/")
    response = _client(worker_a).post(reverse("notifications_read_all"))
    assert response.status_code == 302
    assert Notification.objects.get(user=worker_a).read_at is not None
    assert Notification.objects.get(user=teammate_a).read_at is None


def test_pages_need_login_and_post_for_changes(db: None, worker_a: Any) -> None:
    assert Client().get(reverse("notifications"))["Location"].startswith("/login/")
    (n,) = services.notify(users=[worker_a], kind="task", message="x", link="/")
    assert _client(worker_a).get(reverse("notification_open", args=[n.pk])).status_code == 405


def test_header_shows_the_unread_count(worker_a: Any, partner: Any) -> None:
    services.notify(users=[worker_a], kind="task", message="x", link="/")
    services.notify(users=[worker_a], kind="task", message="y", link="/")
    page = _client(worker_a).get(reverse("notifications")).content.decode()
    assert reverse("notifications") in page and "2" in page.split('class="badge"')[1][:40]
    # Shown to partners too; no badge when nothing is unread.
    partner_page = _client(partner).get(reverse("partner_contributions")).content.decode()
    assert reverse("notifications") in partner_page and 'class="badge"' not in partner_page


def test_unread_count_is_one_query(worker_a: Any, django_assert_num_queries: Any) -> None:
    from monia.notify.selectors import unread_count

    services.notify(users=[worker_a], kind="task", message="x", link="/")
    with django_assert_num_queries(1):
        assert unread_count(user=worker_a) == 1


def test_link_must_be_relative(worker_a: Any) -> None:
    from django.db import IntegrityError

    with pytest.raises(IntegrityError), transaction.atomic():
        services.notify(users=[worker_a], kind="task", message="x", link="https://evil.example/")
