"""The access log at national volume (issue 15): one row per read event (a list view is
one row, carrying the persons shown), hash-chained per county, and a narrow index of
whose data was read, both partitioned by month; the old per-person rows move in, one
event each, re-chained; ``access_accesslog`` becomes a view of the events per person.
The tables are made by SQL (``_event_sql``): Django's state only describes them."""

import django.contrib.postgres.fields
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from monia.access.migrations import _event_sql as sql


def move_persons(apps: object, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """The person index of the moved rows, each read's day in the installation's zone."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(sql.MOVE_PERSONS, [settings.TIME_ZONE])


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0009_accesslog_basis_client_search"),
        ("casework", "0019_chronology_kinds_of_archive_export"),
        ("teams", "0007_team_office_postal_address"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(sql.CHAIN_FUNCTION, reverse_sql=migrations.RunSQL.noop),
                migrations.RunSQL(sql.PARTITION_FUNCTIONS, reverse_sql=migrations.RunSQL.noop),
                migrations.RunSQL(sql.TABLES, reverse_sql=sql.REVERSE),
                migrations.RunSQL(sql.MOVE_EVENTS, reverse_sql=migrations.RunSQL.noop),
                migrations.RunPython(move_persons, reverse_code=migrations.RunPython.noop),
                migrations.RunSQL(sql.DROP_OLD + sql.VIEW, reverse_sql=migrations.RunSQL.noop),
            ],
            state_operations=[
                migrations.AlterModelOptions(
                    name="accesslog",
                    options={
                        "managed": False,
                        "verbose_name": "access log entry",
                        "verbose_name_plural": "access log",
                    },
                ),
                migrations.CreateModel(
                    name="PersonRead",
                    fields=[
                        (
                            "pk",
                            models.CompositePrimaryKey(
                                "person_id",
                                "at",
                                "event_id",
                                blank=True,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("person_id", models.BigIntegerField()),
                        ("at", models.DateTimeField()),
                        ("day", models.DateField()),
                        ("event_id", models.BigIntegerField()),
                        ("user_id", models.BigIntegerField()),
                        ("case_id", models.BigIntegerField(null=True)),
                        ("purpose", models.CharField(max_length=80)),
                        (
                            "basis",
                            models.CharField(
                                choices=[
                                    ("designated_worker", "Designated social worker of the child"),
                                    ("team_member", "Member of the team responsible for the case"),
                                    ("senior_official", "Senior official of the county"),
                                    ("intake_registration", "Recording an intake"),
                                    ("own_data", "The client's own data (participation portal)"),
                                    ("guardian", "Guardian of the child (participation portal)"),
                                    ("client_search", "Finding the team responsible for the child"),
                                ],
                                max_length=30,
                            ),
                        ),
                    ],
                    options={
                        "indexes": [
                            models.Index(
                                fields=["person_id", "at"],
                                include=("user_id", "day", "purpose", "basis"),
                                name="personread_person_time_idx",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="AccessEvent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("purpose", models.CharField(max_length=80, verbose_name="view")),
                        ("channel", models.CharField(default="web", max_length=10)),
                        (
                            "persons",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.BigIntegerField(),
                                size=None,
                                verbose_name="whose data",
                            ),
                        ),
                        (
                            "cases",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.BigIntegerField(null=True), size=None
                            ),
                        ),
                        (
                            "bases",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.CharField(
                                    choices=[
                                        (
                                            "designated_worker",
                                            "Designated social worker of the child",
                                        ),
                                        (
                                            "team_member",
                                            "Member of the team responsible for the case",
                                        ),
                                        ("senior_official", "Senior official of the county"),
                                        ("intake_registration", "Recording an intake"),
                                        (
                                            "own_data",
                                            "The client's own data (participation portal)",
                                        ),
                                        (
                                            "guardian",
                                            "Guardian of the child (participation portal)",
                                        ),
                                        (
                                            "client_search",
                                            "Finding the team responsible for the child",
                                        ),
                                    ],
                                    max_length=30,
                                ),
                                size=None,
                            ),
                        ),
                        ("chain_seq", models.BigIntegerField(editable=False, null=True)),
                        ("chain_hash", models.CharField(editable=False, max_length=64, null=True)),
                        (
                            "case",
                            models.ForeignKey(
                                db_index=False,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="casework.case",
                            ),
                        ),
                        (
                            "county",
                            models.ForeignKey(
                                db_index=False,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="teams.county",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                db_index=False,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "access log entry",
                        "verbose_name_plural": "access log",
                        "indexes": [
                            models.Index(fields=["user", "at"], name="accessevent_user_time_idx"),
                            models.Index(
                                condition=models.Q(("case__isnull", False)),
                                fields=["case", "at"],
                                name="accessevent_case_time_idx",
                            ),
                        ],
                    },
                ),
            ],
        ),
    ]
