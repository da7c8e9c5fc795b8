"""``manage.py bootstrap_administrator USERNAME --email ADDRESS``: the first administrators.

Works only while the installation has fewer than two active administrators (four eyes
need two); after that every account is made in the admin and approved by another
administrator. The account gets no
password: a one-time link to set one goes to ``--email`` (or, with ``--print-link``, is
printed here for the operator who is that person, when e-mail is not set up yet). The
rights log records it as "bootstrap", with no actor.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from monia.notify.services import absolute_link
from monia.rights import services


class Command(BaseCommand):
    help = "Create an administrator (only while there are fewer than two active ones)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", required=True, help="The administrator's own address.")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--print-link",
            action="store_true",
            help="Print the password link instead of e-mailing it (you are that person).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = services.administrator_bootstrap(
                username=options["username"],
                email=options["email"],
                first_name=options["first_name"],
                last_name=options["last_name"],
            )
            if options["print_link"]:
                link = absolute_link(services.password_link_for_operator(subject=user))
                self.stdout.write(f"Set the password of {user.username} at (works once):\n{link}")
            else:
                services.password_link_send(actor=None, subject=user)
                self.stdout.write(f"A link to set the password was sent to {user.email}.")
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Administrator {user.username} created. Changes of rights need another "
                "administrator's approval: an installation needs at least two."
            )
        )
