"""The chronology's "Intake received" lines kept the intake's kind as the words of the
language of whoever recorded it (a Swedish reader saw "Lastensuojeluilmoitus (LsL 25 §)");
they now keep the kind's code, which each reader sees in their own language
(ChronologyEvent.detail_display). The lines written before are turned into codes here."""

from django.db import migrations
from django.utils import translation

# IntakeKind as it stands at this migration: code and its words (msgid).
KINDS = {
    "notification": "Child welfare notification (LsL 25 §)",
    "request_with_family": "Request for assessment made together with the family (LsL 25 a §)",
    "contact_shl35": "Contact about the need for social welfare (SHL 35 §)",
    "pre_birth": "Pre-birth notification (LsL 25 c §)",
}
LANGUAGES = ("fi", "sv", "en")


def labels_to_codes(apps, schema_editor):
    ChronologyEvent = apps.get_model("casework", "ChronologyEvent")
    for code, msgid in KINDS.items():
        words = {msgid}
        for language in LANGUAGES:
            with translation.override(language):
                words.add(translation.gettext(msgid))
        ChronologyEvent.objects.filter(kind="intake_received", detail__in=words).update(
            detail=code
        )


class Migration(migrations.Migration):
    dependencies = [("casework", "0020_case_indexes_of_visible_open_cases")]

    operations = [migrations.RunPython(labels_to_codes, migrations.RunPython.noop)]
