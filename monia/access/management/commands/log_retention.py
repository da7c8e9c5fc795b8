"""Remove the log rows of whole months older than the retention period, and record what
was removed (the only path that may delete log rows). The schedule runs it monthly on the
owner's queue (``monia/access/schedule.py``) with the latest cut-off the period allows;
this runs it by hand, as the tables' owner, with that cut-off or an earlier ``--before``."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from monia.access.owner_duties import log_retention_due
from monia.access.retention import log_retention_run


class Command(BaseCommand):
    help = (
        "Remove the logs' whole months before --before (YYYY-MM-01; default: the latest "
        "cut-off the retention period allows, as the schedule does), recording each removal."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--before", type=datetime.date.fromisoformat)

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        try:
            if options["before"] is None:
                removed = log_retention_due(today=today)[1]
            else:
                removed = log_retention_run(before=options["before"], today=today)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        for r in removed:
            self.stdout.write(
                f"{r.log}, county {r.county_id}: removed {r.rows} row(s), "
                f"numbers {r.first_seq}–{r.last_seq}"
            )
        self.stdout.write(f"{len(removed)} removal(s) recorded.")
