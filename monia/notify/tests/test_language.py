"""Each user's language: stored from the language switch, applied at login, and every
e-mail written in the recipient's own language."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import PASSWORD, CaseWorld, login, make_user
from monia.notify import services
from monia.systemic import services as systemic_services


def test_the_language_switch_stores_a_logged_in_users_language(worker_a: Any) -> None:
    login("worker_a", language="sv")
    worker_a.refresh_from_db()
    assert worker_a.language == "sv"


def test_the_language_switch_before_login_stores_nothing(worker_a: Any) -> None:
    Client().post(reverse("set_language"), {"language": "sv", "next": "/"})
    worker_a.refresh_from_db()
    assert worker_a.language == ""


def test_login_applies_the_stored_language(world: Any) -> None:
    make_user("linnea", "designated_social_worker", world.county_a, world.team_a1, language="sv")
    client = Client()
    response = client.post(reverse("login"), {"username": "linnea", "password": PASSWORD})
    assert response.status_code == 302
    assert client.cookies["django_language"].value == "sv"
    assert 'lang="sv"' in client.get(reverse("dashboard")).content.decode()


def test_emails_go_in_each_recipients_language(
    case_a: CaseWorld, world: Any, worker_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    swedish = make_user(
        "johan", "social_worker", world.county_a, world.team_a1, email="johan@example.org"
    )
    swedish.language = "sv"
    swedish.save()
    User.objects.filter(pk=worker_a.pk).update(email="worker@example.org")
    worker_a.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        for owner in (worker_a, swedish):
            systemic_services.next_step_add(
                user=worker_a,
                case=case_a.case,
                description="Kotikäynti",
                owner=owner,
                due_on=timezone.localdate(),
            )
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "Sinulla on uusi tehtävä" in by_address["worker@example.org"].subject
    swedish_mail = by_address["johan@example.org"]
    assert "Du har en ny uppgift" in swedish_mail.subject
    assert "Öppna Monia för att se det:" in swedish_mail.body


def test_an_email_in_english_for_a_user_who_chose_english(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = make_user("expat", "social_worker", world.county_a, world.team_a1, email="e@example.org")
    user.language = "en"
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(users=[user], kind="task", message="You have a new task", link="/")
    assert mail.outbox[0].subject == "Monia: You have a new task"


def test_notification_dates_are_written_alike_in_every_language(world: Any, worker_a: Any) -> None:
    services.notify(users=[worker_a], kind="task", message="You have a new task", link="/")
    created = timezone.localtime(worker_a.notifications.get().created_at)
    expected = f"{created.day}.{created.month}.{created.year}"
    for language in ("fi", "sv"):
        page = login("worker_a", language=language).get(reverse("notifications")).content.decode()
        assert expected in page, language
        assert created.strftime("%Y-%m-%d ") not in page, language


def test_the_administrator_sets_a_users_language(admin: Any, worker_a: Any) -> None:
    client = login("admin")
    url = reverse("admin:accounts_user_change", args=[worker_a.pk])
    assert 'name="language"' in client.get(url).content.decode()
