"""A dump restores (the restore drill, docs/backup.md): ``monia_name_keys`` names
``monia_fold`` with its schema. pg_restore runs with an empty search_path, and this function
builds a generated column of ``people_person``: unqualified, the restore stopped at that
table ("function monia_fold(text) does not exist"). Same result, nothing recomputed."""

from django.db import migrations

NAME_KEYS = """
CREATE OR REPLACE FUNCTION monia_name_keys(county bigint, first text, last text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(county::text || ':' || w), '{{}}')
    FROM unnest(regexp_split_to_array(
        {fold}(coalesce(first, '') || ' ' || coalesce(last, '')), '[[:space:]-]+'
    )) AS w
    WHERE w <> ''
$$
"""


class Migration(migrations.Migration):
    dependencies = [("people", "0005_person_search_name")]

    operations = [
        migrations.RunSQL(
            NAME_KEYS.format(fold="public.monia_fold"),
            reverse_sql=NAME_KEYS.format(fold="monia_fold"),
        ),
    ]
