"""The access, disclosure and e-notification access logs refuse UPDATE, DELETE and
TRUNCATE in the database itself (issue 11, item 2): whoever holds the application's
database user cannot rewrite who read a client's data.

DELETE and TRUNCATE pass only when the transaction has set ``monia.retention = 'on'``
(the ``log_retention`` command, and the test runner's flush between live-server tests);
an UPDATE never passes. A superuser can still disable the triggers — the hash chain
(``verify_log_chain``) is what shows that afterwards.
"""

from django.db import migrations

LOG_TABLES = ("access_accesslog", "network_disclosurelog", "enotify_enotificationaccess")

FUNCTION = """
CREATE OR REPLACE FUNCTION monia_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE')
       AND coalesce(current_setting('monia.retention', true), '') = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'monia: % is append-only (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Logs are removed only by the log_retention command.';
END
$$;
"""


def _triggers(table: str) -> str:
    return f"""
CREATE TRIGGER monia_append_only_row BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION monia_log_append_only();
CREATE TRIGGER monia_append_only_truncate BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION monia_log_append_only();
"""


def _drop(table: str) -> str:
    return f"""
DROP TRIGGER IF EXISTS monia_append_only_row ON {table};
DROP TRIGGER IF EXISTS monia_append_only_truncate ON {table};
"""


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0004_accesslog_at_keeps_the_time_of_a_moved_read"),
        ("network", "0006_sharinggrant_partner_addressee_shape"),
        ("enotify", "0003_unidentified_child_and_form_session"),
    ]

    operations = [
        migrations.RunSQL(
            FUNCTION, reverse_sql="DROP FUNCTION IF EXISTS monia_log_append_only();"
        ),
        *(
            migrations.RunSQL(_triggers(table), reverse_sql=_drop(table))
            for table in LOG_TABLES
        ),
    ]
