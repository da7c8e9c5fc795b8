"""The logs' two periodic duties that only the tables' owner may do (issue 15): create the
access log's coming monthly partitions (DDL) and remove the expired months (DELETE and
DROP on the logs). The schedule runs them on the owner's queue (``monia/access/tasks.py``,
``schedule.py``), worked by ``db_worker --queue-name owner`` on the owner's connection;
``manage.py log_partitions`` and ``log_retention`` run them by hand (docs/deployment.md,
"Scheduled work"; docs/security.md, "Database roles").

Run as any other role they fail at once, naming the role they need: creating partitions
would otherwise seem to succeed whenever the months exist already, and retention would
fail on the first statement the database refuses, with a message about one table.
"""

from __future__ import annotations

import datetime

from django.db import connection, transaction
from django.utils.translation import gettext_noop

from monia.access.retention import Removed, latest_allowed_cutoff, log_retention_run
from monia.jobs.outcomes import JobFailure, outcome

PARTITION_MONTHS_AHEAD = 3  # this month and three more: a missed month still has room
OWNED = "access_accessevent"  # the owner of the logs is the owner of the tables


class OwnerRightsNeeded(JobFailure, PermissionError):
    """The connection's role does not own the log tables: the duty is not attempted (the
    scheduled run's page says so in the administrator's language)."""


def owner_rights_check(duty: str) -> None:
    """Raise ``OwnerRightsNeeded`` unless the connection's role owns the log tables (or is a
    member of the role that does: a superuser is). ``duty``: marked with ``gettext_noop``."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_has_role(current_user, relowner, 'USAGE'), current_user, "
            "pg_get_userbyid(relowner) FROM pg_class WHERE oid = %s::regclass",
            [OWNED],
        )
        is_owner, role, owner = cursor.fetchone()
    if not is_owner:
        raise OwnerRightsNeeded(
            gettext_noop(
                "permission denied: %(duty)s needs the database owner's rights (the role "
                "'%(owner)s', owner of %(table)s); this connection is '%(role)s'. Run the "
                "owner's worker, `manage.py db_worker --queue-name owner`, with DATABASE_URL "
                "set to the owner's URL (MONIA_OWNER_DATABASE_URL; docs/deployment.md, "
                "'Scheduled work')."
            ),
            duty=outcome(duty),
            owner=owner,
            table=OWNED,
            role=role,
        )


def log_partitions_ahead(*, months: int = PARTITION_MONTHS_AHEAD) -> int:
    """Create this month's and the next ``months`` months' partitions of the access log and
    its person index (SQL ``monia_log_partitions_ahead``); how many were missing."""
    owner_rights_check(gettext_noop("creating the access log's partitions"))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT monia_log_partitions_ahead(%s)", [months])
        return int(cursor.fetchone()[0])


def log_retention_due(*, today: datetime.date) -> tuple[datetime.date, list[Removed]]:
    """Remove every whole month the retention period lets go today (the latest cut-off,
    ``retention.latest_allowed_cutoff``); the cut-off and what was removed."""
    owner_rights_check(gettext_noop("the logs' retention"))
    before = latest_allowed_cutoff(today)
    return before, log_retention_run(before=before, today=today)
