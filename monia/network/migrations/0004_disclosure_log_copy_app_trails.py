"""Copy the three apps' own disclosure tables into the one disclosure log.

Contribution requests, consultations and network meetings each kept a trail table of
their own because the log required a sharing grant. Every row moves here with its
time (``at``) unchanged, in one INSERT … SELECT per table; the tables are then dropped
by each app's next migration. Going back copies the rows the other way.
"""

from django.db import migrations


def _tables(apps, schema_editor):
    q = schema_editor.connection.ops.quote_name

    def table(app, model):
        return q(apps.get_model(app, model)._meta.db_table)

    return {
        "log": table("network", "DisclosureLog"),
        "contrib_trail": table("contrib", "ContributionDisclosure"),
        "request": table("contrib", "ContributionRequest"),
        "assessment": table("casework", "ServiceNeedsAssessment"),
        "case": table("casework", "Case"),
        "consult_trail": table("consult", "ConsultationDisclosure"),
        "consultation": table("consult", "Consultation"),
        "meeting_trail": table("netmeet", "NetworkMeetingDisclosure"),
        "meeting": table("netmeet", "NetworkMeeting"),
        "invitee": table("netmeet", "NetworkMeetingInvitee"),
        "user": table("accounts", "User"),
    }


_COLUMNS = (
    "at, source, source_id, grant_id, recipient_id, organisation_id, person_id, case_id,"
    " parts, basis, purpose"
)

# The partner's organisation for a meeting read: the invited organisation they belong
# to (the read was only possible through it), else the invitation naming them, else the
# meeting's first invited organisation.
_MEETING_ORGANISATION = """COALESCE(
    (SELECT i.organisation_id FROM {invitee} i WHERE i.meeting_id = d.meeting_id
      AND i.role = 'partner' AND i.organisation_id = u.organisation_id ORDER BY i.id LIMIT 1),
    (SELECT i.organisation_id FROM {invitee} i WHERE i.meeting_id = d.meeting_id
      AND i.role = 'partner' AND i.partner_id = d.recipient_id ORDER BY i.id LIMIT 1),
    (SELECT i.organisation_id FROM {invitee} i WHERE i.meeting_id = d.meeting_id
      AND i.role = 'partner' ORDER BY i.id LIMIT 1))"""

FORWARD = [
    "UPDATE {log} SET source_id = grant_id WHERE source = 'sharing_grant'",
    "INSERT INTO {log} (" + _COLUMNS + ") "
    "SELECT d.at, 'contribution_request', d.request_id, NULL, d.recipient_id, r.organisation_id,"
    " c.child_id, a.case_id, '[]'::jsonb, d.basis, d.purpose"
    " FROM {contrib_trail} d JOIN {request} r ON r.id = d.request_id"
    " JOIN {assessment} a ON a.id = r.assessment_id JOIN {case} c ON c.id = a.case_id"
    " ORDER BY d.at, d.id",
    "INSERT INTO {log} (" + _COLUMNS + ") "
    "SELECT d.at, 'consultation', d.consultation_id, NULL, d.recipient_id, k.organisation_id,"
    " d.person_id, k.case_id, '[]'::jsonb, d.basis, d.purpose"
    " FROM {consult_trail} d JOIN {consultation} k ON k.id = d.consultation_id"
    " ORDER BY d.at, d.id",
    "INSERT INTO {log} (" + _COLUMNS + ") "
    "SELECT d.at, 'network_meeting', d.meeting_id, NULL, d.recipient_id, "
    + _MEETING_ORGANISATION
    + ", d.person_id, m.case_id, '[]'::jsonb, 'meeting_invitation', d.purpose"
    " FROM {meeting_trail} d JOIN {meeting} m ON m.id = d.meeting_id"
    " JOIN {user} u ON u.id = d.recipient_id"
    " ORDER BY d.at, d.id",
]

BACKWARD = [
    "INSERT INTO {contrib_trail} (at, recipient_id, request_id, basis, purpose)"
    " SELECT at, recipient_id, source_id, basis, purpose FROM {log}"
    " WHERE source = 'contribution_request' ORDER BY id",
    "INSERT INTO {consult_trail} (at, consultation_id, recipient_id, person_id, basis, purpose)"
    " SELECT at, source_id, recipient_id, person_id, basis, purpose FROM {log}"
    " WHERE source = 'consultation' ORDER BY id",
    "INSERT INTO {meeting_trail} (at, recipient_id, meeting_id, person_id, purpose)"
    " SELECT at, recipient_id, source_id, person_id, purpose FROM {log}"
    " WHERE source = 'network_meeting' ORDER BY id",
    "DELETE FROM {log} WHERE source <> 'sharing_grant'",
]


def _run(statements, apps, schema_editor):
    tables = _tables(apps, schema_editor)
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement.format(**tables))


def copy_app_trails(apps, schema_editor):
    _run(FORWARD, apps, schema_editor)


def copy_back_to_app_trails(apps, schema_editor):
    _run(BACKWARD, apps, schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0003_disclosure_log_sources'),
        ('contrib', '0002_contribution_reminders'),
        ('consult', '0001_consultations'),
        ('netmeet', '0001_network_meetings'),
        ('casework', '0005_network_meeting_events'),
        ('accounts', '0002_partner_professionals'),
    ]

    operations = [
        migrations.RunPython(copy_app_trails, copy_back_to_app_trails),
    ]
