"""What runs when: the schedule's vocabulary and its one registry.

An app declares its periodic work in ``<app>/schedule.py``::

    from monia.jobs.registry import Daily, Job, register
    register(Job("escalate_consultations", consultations_escalate, Daily(time(5, 0))))

``monia.jobs`` finds those modules at start-up (``apps.py``), so this low app never imports
the apps above it. Each kind of "when" answers one question, ``last_slot(now)``: the latest
moment at or before ``now`` when the job was due. A slot is the identity of one run
(``ScheduledRun``: unique by job and slot), so every scheduler on every machine computes
the same slot and only one of them enqueues it; and only the *latest* slot is ever due, so
after downtime a job runs once, not once per slot it missed. Times of day are in
``settings.TIME_ZONE`` (Helsinki): "daily at 05:00" follows summer time.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any, Protocol

from django.utils import timezone
from django.utils.translation import gettext as _

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)

# The queues (``settings.TASKS``' QUEUES). The ordinary worker (``db_worker --queue-name
# default``) runs as the least-privilege runtime role; a job whose task needs the tables'
# owner (creating the log's partitions, the logs' retention) is declared with
# ``@task(queue_name=OWNER_QUEUE)`` and runs in the owner's worker (``db_worker
# --queue-name owner`` on the owner's DATABASE_URL: monia/jobs/workers.py).
DEFAULT_QUEUE = "default"
OWNER_QUEUE = "owner"


class When(Protocol):
    def last_slot(self, now: datetime.datetime) -> datetime.datetime: ...

    def describe(self) -> str: ...


def _at(day: datetime.date, at: datetime.time) -> datetime.datetime:
    """``day`` at ``at`` on the installation's clock, in UTC. A time that the spring change
    skips or the autumn change repeats resolves the same way on every machine (fold 0).
    Slots are compared in UTC: Python compares two times of one zone by the clock's face,
    which an hour skipped or repeated would mislead."""
    local = datetime.datetime.combine(day, at, tzinfo=timezone.get_default_timezone())
    return local.astimezone(datetime.UTC)


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


@dataclasses.dataclass(frozen=True)
class Every:
    """Every ``minutes`` minutes, on the clock's multiples (every 15: :00, :15, :30, :45)."""

    minutes: int

    def __post_init__(self) -> None:
        if not 1 <= self.minutes <= 24 * 60:
            raise ValueError("Every(minutes) is from 1 to 1440")

    def last_slot(self, now: datetime.datetime) -> datetime.datetime:
        period = self.minutes * 60
        seconds = int((now - EPOCH).total_seconds())
        return EPOCH + datetime.timedelta(seconds=seconds - seconds % period)

    def describe(self) -> str:
        return _("every %(minutes)d minutes") % {"minutes": self.minutes}


@dataclasses.dataclass(frozen=True)
class Daily:
    """Every day at ``at`` (local time)."""

    at: datetime.time

    def last_slot(self, now: datetime.datetime) -> datetime.datetime:
        day = timezone.localtime(now).date()
        slot = _at(day, self.at)
        return slot if slot <= _utc(now) else _at(day - datetime.timedelta(days=1), self.at)

    def describe(self) -> str:
        return _("every day at %(time)s") % {"time": self.at.strftime("%H:%M")}


@dataclasses.dataclass(frozen=True)
class Weekly:
    """Every week on ``weekday`` (0 = Monday … 6 = Sunday) at ``at`` (local time)."""

    weekday: int
    at: datetime.time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError("Weekly(weekday) is 0 (Monday) to 6 (Sunday)")

    def last_slot(self, now: datetime.datetime) -> datetime.datetime:
        day = timezone.localtime(now).date()
        day -= datetime.timedelta(days=(day.weekday() - self.weekday) % 7)
        slot = _at(day, self.at)
        return slot if slot <= _utc(now) else _at(day - datetime.timedelta(days=7), self.at)

    def describe(self) -> str:
        from django.utils.dates import WEEKDAYS

        return _("every %(weekday)s at %(time)s") % {
            "weekday": WEEKDAYS[self.weekday],
            "time": self.at.strftime("%H:%M"),
        }


@dataclasses.dataclass(frozen=True)
class Monthly:
    """Every month on ``day`` (1–28: every month has it) at ``at`` (local time)."""

    day: int
    at: datetime.time

    def __post_init__(self) -> None:
        if not 1 <= self.day <= 28:
            raise ValueError("Monthly(day) is 1 to 28")

    def last_slot(self, now: datetime.datetime) -> datetime.datetime:
        today = timezone.localtime(now).date()
        slot = _at(today.replace(day=self.day), self.at)
        if slot <= _utc(now):
            return slot
        previous = today.replace(day=1) - datetime.timedelta(days=1)
        return _at(previous.replace(day=self.day), self.at)

    def describe(self) -> str:
        return _("on day %(day)d of every month at %(time)s") % {
            "day": self.day,
            "time": self.at.strftime("%H:%M"),
        }


@dataclasses.dataclass(frozen=True)
class Job:
    """One periodic job: a stable ``name`` (kept in the run table: never rename one
    lightly), the django-tasks ``task`` it runs (no arguments) and ``when``. A slot missed
    (every scheduler stopped) runs once when a scheduler is back — unless it is older than
    ``catch_up``: a heavy job then waits for its next slot rather than run by day. The run
    goes to the task's own queue (``task.queue_name``): an owner's job to the owner's worker."""

    name: str
    task: Any  # a django_tasks.Task taking no arguments
    when: When
    catch_up: datetime.timedelta | None = None  # None: however late


_JOBS: dict[str, Job] = {}


def register(*jobs: Job) -> None:
    for job in jobs:
        if _JOBS.get(job.name, job) != job:
            raise ValueError(f"two scheduled jobs are named {job.name!r}")
        _JOBS[job.name] = job


def jobs() -> list[Job]:
    return sorted(_JOBS.values(), key=lambda j: j.name)


def job_get(name: str) -> Job | None:
    return _JOBS.get(name)
