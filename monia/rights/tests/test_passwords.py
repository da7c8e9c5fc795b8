"""Nobody sets another user's password (issue 11, item 1): the admin has no page for it,
shows no hash, and sends only a one-time link to the user's own address."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from monia.accounts.models import User
from monia.conftest import PASSWORD
from monia.rights import services
from monia.rights.models import RightsEvent, RightsLogEntry
from monia.rights.tests.conftest import admin_site

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Kalliolle kukkulalle 42"  # noqa: S105 - test only


def _link_in(message: Any) -> str:
    found = re.search(r"https?://[^/\s]+(/password/link/\S+)", message.body)
    assert found, message.body
    return found.group(1)


def test_an_administrator_cannot_set_or_learn_a_workers_password_in_the_admin(
    admins: Any, worker: User
) -> None:
    site = admin_site("admin")
    django_page = reverse("admin:auth_user_password_change", args=[worker.pk])
    assert site.get(django_page).status_code == 403
    response = site.post(
        django_page,
        {
            "password1": "x" + NEW_PASSWORD,
            "password2": "x" + NEW_PASSWORD,
            "usable_password": "true",
        },
    )
    assert response.status_code == 403
    change = site.get(reverse("admin:accounts_user_change", args=[worker.pk])).content.decode()
    worker.refresh_from_db()
    assert worker.password not in change and worker.password.split("$")[0] + "$" not in change
    assert "password/" not in change.replace("password-link/", "")
    assert 'name="password' not in change
    add = site.get(reverse("admin:accounts_user_add")).content.decode()
    assert 'type="password"' not in add and 'name="password' not in add
    for page in (
        reverse("admin:accounts_user_changelist"),
        reverse("admin:accounts_user_history", args=[worker.pk]),
        reverse("admin:accounts_user_changelist") + "?password__startswith=md5",
    ):
        assert worker.password not in site.get(page).content.decode(), page
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)


def test_a_password_typed_into_the_add_form_is_ignored(admins: Any, world: Any) -> None:
    admin_site("admin").post(
        reverse("admin:accounts_user_add"),
        {
            "username": "uusi",
            "email": "uusi@county-a.example",
            "role": "social_worker",
            "county": world.county_a.pk,
            "team": world.team_a1.pk,
            "reason": "Uusi työntekijä tiimiin A1.",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "usable_password": "true",
        },
    )
    created = User.objects.get(username="uusi")
    assert not created.has_usable_password() and not created.check_password(NEW_PASSWORD)


def test_a_password_link_goes_only_to_the_users_own_address(admins: Any, worker: User) -> None:
    site = admin_site("admin")
    response = site.post(reverse("admin:accounts_user_password_link", args=[worker.pk]))
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[worker.email]]
    link = _link_in(mail.outbox[0])
    assert "Monia" in mail.outbox[0].subject
    entry = RightsLogEntry.objects.get(event=RightsEvent.PASSWORD_LINK_SENT)
    assert entry.actor == admins[0] and entry.subject == worker
    assert entry.details == {"to": worker.email}
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert all(token not in str(e.details) for e in RightsLogEntry.objects.all())
    assert (
        site.get(reverse("admin:accounts_user_password_link", args=[worker.pk])).status_code == 404
    )


def test_the_admins_action_sends_the_link_to_each_selected_user_only(
    admins: Any, worker: User, teammate_a: User
) -> None:
    teammate_a.email = "teammate@county-a.example"
    teammate_a.save(update_fields=["email"])
    admin_site("admin").post(
        reverse("admin:accounts_user_changelist"),
        {"action": "send_password_link", "_selected_action": [worker.pk, teammate_a.pk]},
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([worker.email, teammate_a.email])
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mail.outbox)


def test_the_user_sets_their_own_password_with_the_link_once(client: Any, worker: User) -> None:
    client.cookies["django_language"] = "en"
    services.password_link_send(actor=None, subject=worker)
    link = _link_in(mail.outbox[0])
    first = client.get(link)
    assert first.status_code == 302 and "set-password" in first["Location"]
    page = client.get(first["Location"])
    text = page.content.decode()
    assert "Set your password" in text and "at least 12 characters" in text
    short = client.post(first["Location"], {"new_password1": "lyhyt", "new_password2": "lyhyt"})
    assert short.status_code == 200 and "too short" in short.content.decode()
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)
    done = client.post(
        first["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302 and done["Location"] == reverse("password_reset_complete")
    worker.refresh_from_db()
    assert worker.check_password(NEW_PASSWORD)
    assert RightsLogEntry.objects.filter(event=RightsEvent.PASSWORD_SET, subject=worker).exists()
    told = mail.outbox[-1]  # if it was not them, the link reached someone else
    assert told.to == [worker.email]
    assert "password of your Monia account was changed" in told.subject
    again = client.get(link)
    assert again.status_code == 200 and "The link does not work" in again.content.decode()
    assert "Your password is set" in client.get(reverse("password_reset_complete")).content.decode()


def test_the_password_page_speaks_finnish_and_swedish(client: Any, worker: User) -> None:
    path = services.password_link_path(worker)
    for language, words in (("fi", "Aseta salasanasi"), ("sv", "Ange ditt lösenord")):
        client.cookies["django_language"] = language
        page = client.get(client.get(path)["Location"]).content.decode()
        assert words in page, language


def test_an_old_link_stops_working_when_the_account_is_deactivated(
    client: Any, worker: User
) -> None:
    client.cookies["django_language"] = "en"
    path = services.password_link_path(worker)
    User.objects.filter(pk=worker.pk).update(is_active=False)
    assert "The link does not work" in client.get(path).content.decode()


def test_no_link_goes_to_a_deactivated_account_or_one_without_an_address(
    admins: Any, worker: User, teammate_a: User
) -> None:
    User.objects.filter(pk=worker.pk).update(is_active=False)
    site = admin_site("admin")
    site.post(reverse("admin:accounts_user_password_link", args=[worker.pk]))
    site.post(reverse("admin:accounts_user_password_link", args=[teammate_a.pk]))
    assert mail.outbox == []
    assert not RightsLogEntry.objects.filter(event=RightsEvent.PASSWORD_LINK_SENT).exists()


def test_control_characters_in_a_new_password_get_a_message_not_an_error(
    client: Any, worker: User
) -> None:
    client.cookies["django_language"] = "en"
    form = client.get(services.password_link_path(worker))["Location"]
    bad = "Kalliolle\x00kukkulalle 42"
    response = client.post(form, {"new_password1": bad, "new_password2": bad})
    assert response.status_code == 200
    assert "control characters" in response.content.decode()
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)
