"""The logged-in user changes their own password: at least 12 characters."""

from __future__ import annotations

import pytest
from django.contrib.auth import password_validation
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
