"""The append-only log tables (issue 11, item 2): the database refuses UPDATE, DELETE and
TRUNCATE on them (triggers of migration ``access.0005``). DELETE and TRUNCATE pass only
in a transaction that has set ``monia.retention = 'on'``."""

from __future__ import annotations

LOG_TABLES = ("access_accesslog", "network_disclosurelog", "enotify_enotificationaccess")
RETENTION_ON = "SET LOCAL monia.retention = 'on'"
