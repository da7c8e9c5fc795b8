"""The logs' background tasks (monia/access/schedule.py): the weekly check of their hash
chains (``manage.py verify_log_chain`` by hand), and on the owner's queue the two duties
only the tables' owner may do — the access log's coming months (``log_partitions``) and
the expired months' removal (``log_retention``): ``monia/access/owner_duties.py``.

The ordinary worker runs as the least-privilege runtime role (docs/security.md, "Database
roles"); the owner's queue is worked by ``db_worker --queue-name owner`` on the owner's
connection. Taken by a worker without the owner's rights, they fail naming what they need,
and the run shows as failed in the admin's "Scheduled runs"."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_noop
from django_tasks import task

from monia.jobs.outcomes import JobFailure, Outcome, outcome
from monia.jobs.registry import OWNER_QUEUE


class BrokenLogChain(JobFailure):
    """A log's hash chain is broken: the run fails, and the administrator sees it (where
    each chain breaks, in the check's own technical words)."""


@task()
def log_chains_verify() -> Outcome:
    """Verify every county's chain in every log; fail naming the first broken rows."""
    from monia.access.chain import chain_breaks

    breaks = chain_breaks()
    if breaks:
        raise BrokenLogChain(
            gettext_noop("A log's hash chain is broken: %(breaks)s"),
            breaks="; ".join(str(b) for b in breaks),
        )
    return outcome(gettext_noop("Every log chain is whole"))


@task(queue_name=OWNER_QUEUE)
def log_partitions_create() -> Outcome:
    """This month's and the next three months' partitions of the access log, as needed."""
    from monia.access.owner_duties import log_partitions_ahead

    return outcome(
        gettext_noop("Access log partitions created: %(count)d"), count=log_partitions_ahead()
    )


@task(queue_name=OWNER_QUEUE)
def log_retention_apply() -> Outcome:
    """Remove the logs' whole months past the retention period, each removal recorded."""
    from monia.access.owner_duties import log_retention_due

    before, removed = log_retention_due(today=timezone.localdate())
    rows = sum(r.rows for r in removed)
    return outcome(
        gettext_noop("Retention before %(before)s: rows removed %(rows)d, removals %(removals)d"),
        before=before.isoformat(),
        rows=rows,
        removals=len(removed),
    )
