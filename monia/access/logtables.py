"""The append-only log tables (issue 11, item 2): the database refuses UPDATE, DELETE and
TRUNCATE on them (triggers of migrations ``access.0005`` and, for the partitioned access
events, ``access.0010``). DELETE and TRUNCATE pass only in a transaction that has set
``monia.retention = 'on'``.

The access log is ``access_accessevent`` (one row per read event, partitioned by month);
its index by person, ``access_personread``, is derived from it (no triggers: the chain
verifier checks it matches the events)."""

from __future__ import annotations

LOG_TABLES = ("access_accessevent", "network_disclosurelog", "enotify_enotificationaccess")
PERSON_INDEX = "access_personread"
# The partitioned tables, each with a month per partition (``log_partitions``).
PARTITIONED = ("access_accessevent", PERSON_INDEX)
RETENTION_ON = "SET LOCAL monia.retention = 'on'"
