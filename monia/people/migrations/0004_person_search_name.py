"""The client search (issue 12): names folded (lower case, no accents) by the database, in
a generated column with a trigram index, so that "Soderstrom" finds "Söderström" and
"Virtannen" finds "Virtanen".

``unaccent()`` itself is only STABLE (its dictionary could change), so it cannot build a
generated column or an index; ``monia_fold`` names the dictionary and is declared
IMMUTABLE, the usual PostgreSQL wrapper."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations, models

import monia.people.models

FOLD = """
CREATE OR REPLACE FUNCTION monia_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
"""


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_person_unidentified_corrections_trigram"),
        ("teams", "0006_county_office_hours_and_emergency_email"),
    ]

    operations = [
        UnaccentExtension(),
        migrations.RunSQL(FOLD, reverse_sql="DROP FUNCTION IF EXISTS monia_fold(text)"),
        migrations.AddField(
            model_name="person",
            name="search_name",
            field=models.GeneratedField(
                db_persist=True,
                expression=monia.people.models.Fold(
                    django.db.models.functions.text.Concat(
                        "first_names", models.Value(" "), "last_name"
                    )
                ),
                output_field=models.TextField(),
            ),
        ),
        migrations.AddIndex(
            model_name="person",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    models.F("search_name"), name="gin_trgm_ops"
                ),
                name="person_search_name_trgm",
            ),
        ),
    ]
