"""Create the access log's monthly partitions ahead (issue 15): this month and the next
``--months`` (default 3) of the events and of the person index. Run it monthly, as the
tables' owner; a read whose month has no partition yet lands in the DEFAULT partition
(never lost, but retention then removes it row by row, not with its month)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction


def log_partitions_ahead(months: int) -> int:
    """The partitions created (0 when every one existed already)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT monia_log_partitions_ahead(%s)", [months])
        return int(cursor.fetchone()[0])


class Command(BaseCommand):
    help = "Create the access log's partitions for this month and the next --months months."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--months", type=int, default=3)

    def handle(self, *args: Any, **options: Any) -> None:
        made = log_partitions_ahead(options["months"])
        self.stdout.write(f"{made} partition(s) created.")
