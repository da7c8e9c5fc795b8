"""The rights log refuses UPDATE, DELETE and TRUNCATE in the database itself, with the
access logs' trigger function ``monia_log_append_only()`` (migration ``access.0005``):
whoever holds the application's database user cannot rewrite who granted what.

As for the access logs, a DELETE or TRUNCATE passes only in a transaction that set
``monia.retention = 'on'`` — here only the test runner's flush between live-server tests:
no retention command removes rights log rows.
"""

from django.db import migrations

TABLE = "rights_rightslogentry"

TRIGGERS = f"""
CREATE TRIGGER monia_append_only_row BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION monia_log_append_only();
CREATE TRIGGER monia_append_only_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION monia_log_append_only();
"""

DROP = f"""
DROP TRIGGER IF EXISTS monia_append_only_row ON {TABLE};
DROP TRIGGER IF EXISTS monia_append_only_truncate ON {TABLE};
"""


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0001_rights_changes_and_log"),
        ("access", "0005_log_tables_append_only"),
    ]

    operations = [migrations.RunSQL(TRIGGERS, reverse_sql=DROP)]
