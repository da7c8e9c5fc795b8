"""`manage.py restore_drill`: dump the database, restore it into a fresh one, compare every
table's rows and the sequences, verify the logs' hash chains on the copy, drop the copy
(monia/backup.py, docs/backup.md). Exit code 1 on any difference."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from monia.backup import restore_drill


class Command(BaseCommand):
    help = (
        "Restore drill: pg_dump -Fc, pg_restore into <database>_drill, compare every table's "
        "row count and the sequences, verify the log chains there; exit 1 on any difference."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--keep", action="store_true", help="Keep the restored copy (<database>_drill)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        began = time.monotonic()
        report = restore_drill(connections["default"].settings_dict, keep=options["keep"])
        for difference in report.differences:
            self.stderr.write(difference)
        if not report.passed:
            raise CommandError(
                f"Restore drill FAILED: {len(report.differences)} difference(s) between "
                f"{report.source} and its restored copy."
            )
        self.stdout.write(
            f"Restore drill passed in {time.monotonic() - began:.1f} s: {report.tables} tables, "
            f"{report.rows} rows and every sequence equal in {report.restored}; {report.chain}"
        )
