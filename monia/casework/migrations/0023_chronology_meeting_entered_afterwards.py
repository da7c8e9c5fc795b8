"""A network meeting entered after it was held was written to the chronology as "planned"
with "(pidetty, kirjattu jälkikäteen)" appended in the language of whoever entered it (a
Swedish reader saw Finnish). It now has a kind of its own, which each reader sees in their
own language, and the line keeps only the time and the place. The lines written before
are turned here."""

from django.db import migrations, models
from django.utils import translation

# The words appended, as msgid, as they stood at this migration.
APPENDED = "%(detail)s (held, entered afterwards)"
LANGUAGES = ("fi", "sv", "en")


def appended_words_to_kind(apps, schema_editor):
    ChronologyEvent = apps.get_model("casework", "ChronologyEvent")
    endings = set()
    for language in LANGUAGES:
        with translation.override(language):
            endings.add(translation.gettext(APPENDED) % {"detail": ""})
    rows = ChronologyEvent.objects.filter(kind="network_meeting_planned")
    for pk, detail in rows.values_list("pk", "detail"):
        for ending in endings:
            if detail.endswith(ending):
                ChronologyEvent.objects.filter(pk=pk).update(
                    kind="network_meeting_entered", detail=detail[: -len(ending)]
                )
                break


class Migration(migrations.Migration):
    dependencies = [("casework", "0022_chronology_agreed_actions_as_count")]

    operations = [
        migrations.AlterField(
            model_name="chronologyevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("intake_received", "Intake received"),
                    ("urgency_assessed", "Urgency assessed"),
                    ("intake_decided", "Decision on the intake"),
                    ("assessment_started", "Service-needs assessment started"),
                    ("child_heard", "Child's view recorded"),
                    ("assessment_completed", "Service-needs assessment completed"),
                    ("client_opened", "Child welfare client relationship opened"),
                    ("client_closed", "Client relationship closed"),
                    ("worker_assigned", "Designated social worker named"),
                    ("plan_saved", "Client plan draft saved"),
                    ("plan_approved", "Client plan approved"),
                    ("plan_review_forward", "Client plan review brought forward"),
                    ("measure_decided", "Measure decided"),
                    ("measure_extended", "Emergency placement extended"),
                    ("measure_ended", "Measure ended"),
                    ("case_closed", "Case closed"),
                    ("family_member_added", "Family member recorded"),
                    ("referral_made", "Referred to a support service"),
                    ("referral_step", "Referral moved on"),
                    ("contribution_requested", "A partner was asked to contribute"),
                    ("contribution_received", "A partner's statement received"),
                    ("consultation_asked", "Consultation asked"),
                    ("consultation_answered", "Consultation answered"),
                    ("network_meeting_planned", "Network meeting planned"),
                    ("network_meeting_held", "Network meeting held"),
                    ("network_meeting_entered", "Network meeting held, entered afterwards"),
                    ("safety_alert", 'The child said "I don\'t feel safe" in the portal'),
                    ("safety_alert_handled", "Safety alert handled"),
                    ("client_voice", "The client's own voice before a meeting"),
                    ("portal_visibility", "What a guardian sees in the portal changed"),
                    ("person_corrected", "Personal details corrected"),
                    ("intake_corrected", "Intake corrected"),
                    ("child_identified", "The child was identified"),
                    ("attachment_added", "A file was attached"),
                    ("attachment_removed", "An attached file was removed"),
                    ("contact_changed", "Contact details recorded or corrected"),
                    ("non_disclosure_marked", "Non-disclosure for personal safety marked"),
                    ("non_disclosure_removed", "Non-disclosure for personal safety removed"),
                    ("decision_signed", "Decision signed"),
                    ("decision_corrected", "A signed decision was corrected by a new one"),
                    ("decision_served", "Decision served to a party"),
                    ("letter_sent", "Letter sent to the family"),
                    ("relationship_corrected", "Family relation corrected"),
                    ("client_note", "Client note"),
                    ("client_note_amended", "Client note amended"),
                    ("archive_export_requested", "Archive export asked for"),
                    ("archive_export_downloaded", "Archive export downloaded"),
                ],
                max_length=30,
            ),
        ),
        migrations.RunPython(appended_words_to_kind, migrations.RunPython.noop),
    ]
