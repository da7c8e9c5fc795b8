"""``manage.py api_token_create USERNAME --name NAME``: print a new API token once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from monia.accounts.models import User
from monia.accounts.services import api_token_create


class Command(BaseCommand):
    help = "Create a personal API token for a staff member and print it once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--name", required=True, help="What the token is for, e.g. the integration's name."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        if not user.is_active:
            raise CommandError(f"User {user.username!r} is not active.")
        name = options["name"].strip()
        if not name:
            raise CommandError("Give the token a --name.")
        token, raw = api_token_create(user=user, name=name)
        self.stderr.write(
            f"Token {token.pk} ({token.name}) for {user.username}. "
            "It is shown only now: store it safely."
        )
        self.stdout.write(raw)
