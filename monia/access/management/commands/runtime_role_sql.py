"""Print the grants of the least-privilege runtime role (INSERT and SELECT only on the
logs), to be run by the owning role after every migrate."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from monia.access.runtime_role import runtime_role_sql


class Command(BaseCommand):
    help = "Print the SQL granting the runtime role its least privileges."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            statements = runtime_role_sql(options["role"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        for statement in statements:
            self.stdout.write(statement + ";")
