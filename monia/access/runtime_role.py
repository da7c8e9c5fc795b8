"""The least-privilege runtime role (issue 11, item 2): the role the web application runs
as, separate from the role that owns the tables and runs migrations (and
``log_retention``). On the log tables it may only INSERT and SELECT; everything else it
may read and write as today. It owns nothing, so it cannot disable a trigger.

``manage.py runtime_role_sql <role>`` prints the SQL for a database administrator to run
as the owning role after every ``migrate`` (new tables need their grants); the role
itself (LOGIN, password) is created by the administrator. CI still runs as the owner:
see docs/security.md, "The access and disclosure logs".
"""

from __future__ import annotations

import re

from monia.access.logtables import LOG_TABLES

# Written by retention only (the owner): the application reads and appends. The rights
# log (monia/rights, issue 11 item 1) is append-only too, and never removed.
APPEND_ONLY = (*LOG_TABLES, "access_retentionrun", "rights_rightslogentry")


def runtime_role_sql(role: str) -> list[str]:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError("A role name of lower-case letters, digits and underscores.")
    tables = ", ".join(APPEND_ONLY)
    return [
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {tables} FROM {role}",
        f"REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM {role}",
    ]
