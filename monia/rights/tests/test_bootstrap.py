"""The first administrators come from the server's command line, while there are fewer
than two active ones (four eyes need two). Logged as "bootstrap"; each gets only a
password link."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from monia.accounts.models import Role, User
from monia.rights.models import RightsEvent, RightsLogEntry

pytestmark = pytest.mark.django_db


def test_the_first_two_administrators_are_made_on_the_server_with_a_link_not_a_password() -> None:
    out = io.StringIO()
    call_command(
        "bootstrap_administrator", "paakayttaja", "--email", "paa@county.example", stdout=out
    )
    user = User.objects.get(username="paakayttaja")
    assert user.role == Role.ADMINISTRATOR and user.is_superuser and user.is_active
    assert not user.has_usable_password()
    assert [m.to for m in mail.outbox] == [["paa@county.example"]]
    assert "/password/link/" in mail.outbox[0].body
    entries = RightsLogEntry.objects.filter(subject=user).order_by("pk")
    assert [(e.event, e.actor) for e in entries] == [
        (RightsEvent.BOOTSTRAP, None),
        (RightsEvent.PASSWORD_LINK_SENT, None),
    ]
    call_command("bootstrap_administrator", "toinen", "--email", "toinen@county.example")
    assert User.objects.get(username="toinen").is_superuser
    with pytest.raises(CommandError, match="Two active administrators exist"):
        call_command("bootstrap_administrator", "kolmas", "--email", "kolmas@county.example")
    assert not User.objects.filter(username="kolmas").exists()


def test_bootstrap_is_refused_when_two_administrators_exist(admins: Any) -> None:
    with pytest.raises(CommandError):
        call_command("bootstrap_administrator", "toinen", "--email", "toinen@county.example")
    assert not User.objects.filter(username="toinen").exists()


def test_the_link_can_be_printed_for_the_operator_when_mail_is_not_set_up() -> None:
    out = io.StringIO()
    call_command(
        "bootstrap_administrator",
        "eka",
        "--email",
        "eka@county.example",
        "--print-link",
        stdout=out,
    )
    assert "/password/link/" in out.getvalue() and mail.outbox == []
    assert RightsLogEntry.objects.filter(event=RightsEvent.PASSWORD_LINK_SENT).count() == 1
