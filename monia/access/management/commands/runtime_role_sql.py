"""Print the grants of the least-privilege runtime role (INSERT and SELECT only on the
logs), to be run by the owning role after every migrate; ``--apply`` runs them on this
connection (which must be the owner's: ``make serve`` does so after its migrate)."""

from __future__ import annotations

from typing import Any

import dj_database_url
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

from monia.access.runtime_role import runtime_role_sql


class Command(BaseCommand):
    help = "Print the SQL granting the runtime role its least privileges."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", nargs="?", default="")
        parser.add_argument(
            "--role-of", default="", help="take the role from this database URL (its user)"
        )
        parser.add_argument(
            "--apply", action="store_true", help="run the grants here (as the owner) in one go"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        role = options["role"]
        if options["role_of"]:
            role = dj_database_url.parse(options["role_of"]).get("USER") or ""
        if not role:
            raise CommandError("Name the runtime role, or give --role-of its DATABASE_URL.")
        options["role"] = role
        try:
            statements = runtime_role_sql(role)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if not options["apply"]:
            for statement in statements:
                self.stdout.write(statement + ";")
            return
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        self.stdout.write(f"{len(statements)} grant statement(s) applied for {options['role']}")
