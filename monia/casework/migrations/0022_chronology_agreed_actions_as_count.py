"""The chronology's "Network meeting held" lines kept "1 sovittua toimenpidettä" in the
language of whoever recorded the minutes (a Swedish reader saw Finnish, and the Finnish
words took no singular); they now keep the count, which each reader sees in their own
words (ChronologyEvent.detail_display). The lines written before become counts here."""

import re

from django.db import migrations

# The words the line was written in, in each language, as they stood at this migration.
WRITTEN = re.compile(r"^(\d+) (agreed actions|sovittua toimenpidettä|överenskomna åtgärder)$")


def words_to_counts(apps, schema_editor):
    ChronologyEvent = apps.get_model("casework", "ChronologyEvent")
    rows = ChronologyEvent.objects.filter(kind="network_meeting_held")
    for pk, detail in rows.values_list("pk", "detail"):
        found = WRITTEN.match(detail)
        if found:
            ChronologyEvent.objects.filter(pk=pk).update(detail=found.group(1))


class Migration(migrations.Migration):
    dependencies = [("casework", "0021_chronology_intake_kind_as_code")]

    operations = [migrations.RunPython(words_to_counts, migrations.RunPython.noop)]
