"""Each row of the three logs carries a hash chained to the previous row of the same
county (issue 11, item 2): sha256 over the previous row's hash and the row's own content
(its JSON, in UTC, without the hash), with a number that counts the county's rows.

The database computes it, in a BEFORE INSERT trigger, so no writer can forget it or
write it wrong, and a bulk insert costs no extra query: the county's head row in
``access_logchainhead`` is locked FOR UPDATE (which serialises that county's writers to
the end of their transaction) and advanced. Rows written before this migration are
chained here, in the order of their ids.
"""

from django.db import migrations

from monia.access.migrations._log_sql import (
    CHAIN_FUNCTIONS,
    DROP_CHAIN_FUNCTIONS,
    backfill,
    chain_trigger,
    drop_chain_trigger,
)

LOG_TABLES = ("access_accesslog", "network_disclosurelog", "enotify_enotificationaccess")


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0006_log_chain_fields"),
        ("network", "0007_disclosurelog_chain_fields"),
        ("enotify", "0004_enotificationaccess_chain_fields"),
    ]

    operations = [
        migrations.RunSQL(CHAIN_FUNCTIONS, reverse_sql=DROP_CHAIN_FUNCTIONS),
        *(
            migrations.RunSQL(chain_trigger(table), reverse_sql=drop_chain_trigger(table))
            for table in LOG_TABLES
        ),
        *(
            migrations.RunSQL(backfill(table), reverse_sql=migrations.RunSQL.noop)
            for table in LOG_TABLES
        ),
    ]
