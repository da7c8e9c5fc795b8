"""Verify the hash chain of every county in the access, disclosure and e-notification
access logs; name the first broken row of each broken chain (exit code 1)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from monia.access.chain import chain_breaks


class Command(BaseCommand):
    help = "Verify the logs' hash chains; name the first broken row (exit code 1)."

    def handle(self, *args: Any, **options: Any) -> None:
        breaks = chain_breaks()
        for b in breaks:
            self.stderr.write(str(b))
        if breaks:
            raise CommandError(f"{len(breaks)} broken log chain(s).")
        self.stdout.write("Every log chain is whole.")
