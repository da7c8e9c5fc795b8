"""The logged-in user changes their own password: at least 12 characters."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import password_validation
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from monia.accounts.models import User
from monia.conftest import PASSWORD, login
from monia.ui.fields import MoniaForm
from monia.web.forms import PasswordChangeForm

NEW = "kolme sanaa peräkkäin"


def _change(client: Client, old: str, new: str, again: str | None = None) -> object:
    return client.post(
        reverse("password_change"),
        {"old_password": old, "new_password1": new, "new_password2": again or new},
    )


def test_a_password_shorter_than_twelve_characters_is_refused(worker_a: User) -> None:
    client = login("worker_a")
    response = _change(client, PASSWORD, "lyhyt sana1")  # 11 characters
    page = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "vähintään 12 merkkiä" in page  # Django's own message, in Finnish
    worker_a.refresh_from_db()
    assert worker_a.check_password(PASSWORD)


def test_the_minimum_length_is_twelve() -> None:
    password_validation.validate_password("talvi kevät9")  # exactly 12
    with pytest.raises(ValidationError):
        password_validation.validate_password("talvikevät9")


def test_a_changed_password_works_and_the_session_goes_on(worker_a: User) -> None:
    client = login("worker_a")
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
        follow=True,
    )
    assert response.redirect_chain == [(reverse("security"), 302)]
    assert "Salasanasi vaihdettiin." in response.content.decode()
    assert client.get(reverse("dashboard")).status_code == 200  # still logged in
    assert Client().login(username="worker_a", password=NEW)
    assert not Client().login(username="worker_a", password=PASSWORD)


def test_a_password_change_ends_the_users_other_sessions(worker_a: User) -> None:
    here, elsewhere = login("worker_a"), login("worker_a")
    assert elsewhere.get(reverse("dashboard")).status_code == 200
    _change(here, PASSWORD, NEW)
    assert here.get(reverse("dashboard")).status_code == 200
    assert elsewhere.get(reverse("dashboard")).status_code == 302  # back to the login page


def test_a_wrong_old_password_changes_nothing_and_keeps_nothing_secret_in_the_page(
    worker_a: User,
) -> None:
    client = login("worker_a")
    response = _change(client, "väärä vanha salasana", NEW)
    page = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "Nothing was saved" in page or "Mitään ei tallennettu" in page
    assert NEW not in page  # passwords are never echoed back
    worker_a.refresh_from_db()
    assert worker_a.check_password(PASSWORD)


def test_the_password_form_follows_monias_form_rules(worker_a: User) -> None:
    assert issubclass(PasswordChangeForm, MoniaForm)
    form = PasswordChangeForm(
        worker_a, {"old_password": PASSWORD, "new_password1": NEW + "\x00", "new_password2": NEW}
    )
    assert not form.is_valid()


def test_the_password_page_needs_a_login(db: None) -> None:
    response = Client().get(reverse("password_change"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_user_is_told_by_email_when_their_password_changes(
    worker_a: User, django_capture_on_commit_callbacks: Any
) -> None:
    worker_a.email = "worker.a@county-a.example"
    worker_a.save(update_fields=["email"])
    client = login("worker_a")
    with django_capture_on_commit_callbacks(execute=True):
        _change(client, PASSWORD, NEW)
    assert [m.to for m in mail.outbox] == [[worker_a.email]]
    assert "Monia-tilisi salasana vaihdettiin." in mail.outbox[0].subject
    assert NEW not in mail.outbox[0].body


def test_a_long_password_of_any_characters_counts_to_its_last_character(
    worker_a: User,
) -> None:
    long = "Pitkä lause, jossa on välilyöntejä ja 🦉-merkki, ei katkea koskaan kesken!"
    assert 64 <= len(long) <= 128
    client = login("worker_a")
    assert _change(client, PASSWORD, long).status_code == 302  # type: ignore[attr-defined]
    assert Client().login(username="worker_a", password=long)
    assert not Client().login(username="worker_a", password=long[:-1])
    assert not Client().login(username="worker_a", password=long.strip("!"))


def test_a_password_over_128_characters_is_refused_with_a_message(worker_a: User) -> None:
    client = login("worker_a", "en")
    response = _change(client, PASSWORD, "sana " * 26)  # 130 characters
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "at most 128 characters" in response.content.decode()  # type: ignore[attr-defined]
    worker_a.refresh_from_db()
    assert worker_a.check_password(PASSWORD)


def test_a_common_password_is_refused(worker_a: User) -> None:
    with pytest.raises(ValidationError) as refused:
        password_validation.validate_password("password1234")  # on Django's list of 20 000
    assert [e.code for e in refused.value.error_list] == ["password_too_common"]


def test_password_managers_may_fill_the_password_fields(worker_a: User) -> None:
    login_page = Client().get(reverse("login")).content.decode()
    assert 'autocomplete="current-password"' in login_page
    change = login("worker_a").get(reverse("password_change")).content.decode()
    assert 'autocomplete="current-password"' in change and 'autocomplete="new-password"' in change
    assert "paste" not in login_page + change  # nothing stops pasting
