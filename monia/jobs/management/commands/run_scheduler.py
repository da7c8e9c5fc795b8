"""`manage.py run_scheduler`: enqueue each scheduled job when it is due, for
`manage.py db_worker` to run (monia/jobs; docs/deployment.md, "Scheduled work").

Safe to run on every machine at once: each due slot is enqueued exactly once
(``monia.jobs.services``). ``--once`` ticks once and exits; ``--list`` shows the schedule
and each job's latest run; ``--run NAME`` runs one job now, by hand."""

from __future__ import annotations

import logging
import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from monia.jobs import registry, selectors, services

logger = logging.getLogger("monia.jobs")


class Command(BaseCommand):
    help = "Enqueue the scheduled jobs when they are due (safe on several machines at once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=30.0, help="seconds between ticks")
        parser.add_argument("--once", action="store_true", help="tick once and exit")
        parser.add_argument("--list", action="store_true", help="show the schedule and exit")
        parser.add_argument("--run", metavar="NAME", help="run this job now, by hand")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            return self._list()
        if options["run"]:
            return self._run(options["run"])
        if options["once"]:
            self.stdout.write(f"{len(services.scheduled_runs_enqueue())} run(s) enqueued.")
            return None
        return self._loop(options["interval"])

    def _list(self) -> None:
        for job, last in selectors.schedule_with_last_runs():
            seen = "—"
            if last:
                at = timezone.localtime(last.slot)
                seen = f"{at:%Y-%m-%d %H:%M} {last.state} {last.result or last.error}"
            self.stdout.write(f"{job.name:24} {job.when.describe():36} {seen}")

    def _run(self, name: str) -> None:
        try:
            run_id = services.scheduled_run_request(job=name)
        except KeyError as exc:
            names = ", ".join(j.name for j in registry.jobs())
            raise CommandError(f"No scheduled job {name!r}; the jobs: {names}") from exc
        self.stdout.write(f"{name}: run {run_id} enqueued.")

    def _loop(self, interval: float) -> None:
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        seen: dict[str, Any] = {}
        logger.info("scheduler started: %d job(s)", len(registry.jobs()))
        while not stop.is_set():
            close_old_connections()
            try:
                for run_id in services.scheduled_runs_enqueue(skip=seen):
                    logger.info("scheduled run %d enqueued", run_id)
            except DatabaseError:  # the database away: try again at the next tick
                logger.exception("scheduler tick failed")
                seen.clear()
            stop.wait(interval)
