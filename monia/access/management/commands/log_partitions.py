"""Create the access log's monthly partitions ahead (issue 15): this month and the next
``--months`` (default 3) of the events and of the person index. The schedule does it on
the 1st and the 15th on the owner's queue (``monia/access/schedule.py``); this runs it by
hand, as the tables' owner (another role is refused, naming the owner). A read whose month
has no partition yet lands in the DEFAULT partition (never lost, but retention then
removes it row by row, not with its month)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from monia.access.owner_duties import PARTITION_MONTHS_AHEAD, log_partitions_ahead


class Command(BaseCommand):
    help = "Create the access log's partitions for this month and the next --months months."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--months", type=int, default=PARTITION_MONTHS_AHEAD)

    def handle(self, *args: Any, **options: Any) -> None:
        made = log_partitions_ahead(months=options["months"])
        self.stdout.write(f"{made} partition(s) created.")
