"""The client search (issue 12): names folded (lower case, no accents) by the database, and
the vocabulary of the register's name words, so that "Soderstrom" finds "Söderström",
"Virtannen" finds "Virtanen" and a search reads only the persons with the words meant.

- ``monia_fold``: ``unaccent()`` is only STABLE (its dictionary could change), so it cannot
  build a generated column; this wrapper names the dictionary and is IMMUTABLE, the usual
  PostgreSQL idiom.
- ``Person.search_name`` and ``Person.name_keys``: the folded name, and its words each with
  the person's county ("7:virtanen"), generated columns; a GIN index finds one county's
  persons with any of a set of words in one look-up (a county in the key, not beside it:
  the planner then never reads a whole county's persons to filter them by name).
- ``NameWord``: every word of the register's names, kept by a trigger on the person table
  (words are only added); a trigram index finds the words a typed word may have meant.
"""

import django.contrib.postgres.fields
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

NAME_KEYS = """
CREATE OR REPLACE FUNCTION monia_name_keys(county bigint, first text, last text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(county::text || ':' || w), '{}')
    FROM unnest(regexp_split_to_array(
        monia_fold(coalesce(first, '') || ' ' || coalesce(last, '')), '[[:space:]-]+'
    )) AS w
    WHERE w <> ''
$$
"""

KEEP_WORDS = """
CREATE OR REPLACE FUNCTION monia_name_words_keep() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO people_nameword (word)
    SELECT DISTINCT split_part(k, ':', 2) FROM unnest(NEW.name_keys) AS k
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER person_name_words_keep
AFTER INSERT OR UPDATE OF first_names, last_name ON people_person
FOR EACH ROW EXECUTE FUNCTION monia_name_words_keep();
INSERT INTO people_nameword (word)
SELECT DISTINCT split_part(k, ':', 2) FROM people_person, unnest(name_keys) AS k
ON CONFLICT DO NOTHING;
"""

KEEP_WORDS_REVERSE = """
DROP TRIGGER IF EXISTS person_name_words_keep ON people_person;
DROP FUNCTION IF EXISTS monia_name_words_keep();
"""


def _folded_name() -> monia.people.models.Fold:
    return monia.people.models.Fold(
        django.db.models.functions.text.Concat("first_names", models.Value(" "), "last_name")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_contact_details_non_disclosure_relationship_corrections"),
        ("teams", "0006_county_office_hours_and_emergency_email"),
    ]

    operations = [
        UnaccentExtension(),
        migrations.RunSQL(FOLD, reverse_sql="DROP FUNCTION IF EXISTS monia_fold(text)"),
        migrations.RunSQL(
            NAME_KEYS, reverse_sql="DROP FUNCTION IF EXISTS monia_name_keys(bigint, text, text)"
        ),
        migrations.CreateModel(
            name="NameWord",
            fields=[
                ("word", models.TextField(primary_key=True, serialize=False)),
            ],
        ),
        migrations.AddField(
            model_name="person",
            name="name_keys",
            field=models.GeneratedField(
                db_persist=True,
                expression=monia.people.models.NameKeys("county_id", "first_names", "last_name"),
                output_field=django.contrib.postgres.fields.ArrayField(
                    base_field=models.TextField(), size=None
                ),
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="search_name",
            field=models.GeneratedField(
                db_persist=True,
                expression=_folded_name(),
                output_field=models.TextField(),
            ),
        ),
        migrations.AddIndex(
            model_name="person",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["name_keys"], name="person_name_keys"
            ),
        ),
        migrations.AddIndex(
            model_name="nameword",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(models.F("word"), name="gin_trgm_ops"),
                name="nameword_trgm",
            ),
        ),
        migrations.RunSQL(KEEP_WORDS, reverse_sql=KEEP_WORDS_REVERSE),
    ]
