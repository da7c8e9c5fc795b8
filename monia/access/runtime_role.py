"""The least-privilege runtime role (issue 11, item 2): the role the web application runs
as, separate from the role that owns the tables and runs migrations (and
``log_retention``). It owns nothing, so it cannot disable a trigger or alter a table.

Every table of Monia has a decision here, and a table without one gets nothing (a new
model's table is refused until someone decides; ``test_every_table_has_a_grant_decision``
names it). A partition of a partitioned log is reached only through its parent, whose
grants decide (PostgreSQL checks the table named in the query): partitions get nothing.
``manage.py runtime_role_sql <role>`` prints the SQL for a database
administrator to run as the owning role after every ``migrate``; the role itself (LOGIN,
password) is created by the administrator. The test command runs the whole suite's
application code as such a role (``monia/access/testing.py: runtime_role_install``). See
docs/security.md, "Database roles".
"""

from __future__ import annotations

import re

from monia.access.logtables import LOG_TABLES, PERSON_INDEX

# The access and disclosure logs, and the rights log (monia/rights, issue 11 item 1, never
# removed): the application reads and appends, never changes.
# A letter sent to the family (monia/letters) is kept as sent: never changed or removed.
# The access log's index by person is appended with its event, in the same statement.
APPEND_ONLY = (*LOG_TABLES, PERSON_INDEX, "rights_rightslogentry", "letters_letter")

# Views: read only. ``access_accesslog`` is the access events per person read (access.0010).
VIEWS = ("access_accesslog",)

# Written only by the owner: retention's record of what it removed, and what `migrate`
# writes (content types and permissions are created after every migrate).
READ_ONLY = ("access_retentionrun", "auth_permission", "django_content_type")

# The chain's head per county: the log's insert trigger runs as the invoker and reads,
# creates and advances it; nothing ever deletes one.
NO_DELETE = ("access_logchainhead",)

# Nothing: the application never reads which migrations ran.
NO_ACCESS = (
    "django_migrations",
    # django-axes's logs of successful and failed logins: switched off (settings:
    # AXES_DISABLE_ACCESS_LOG, AXES_ENABLE_ACCESS_FAILURE_LOG), so never written or read.
    "axes_accesslog",
    "axes_accessfailurelog",
)

# The client record: cases, notifications, assessments, hearings, notes, plans, measures,
# decisions, persons, their relations and contact details, messages, e-notifications and
# attachments' rows. Kept until their retention ends (domain.md § 4.3: no hard delete before
# then): the application reads, adds and corrects, never deletes; what retention removes is
# removed by the owning role. (A note's persons, ``casework_clientnote_persons``, are a
# draft's choice and change with it.)
CLIENT_RECORDS = (
    "attachments_attachment",
    "casework_case",
    "casework_childhearing",
    "casework_chronologyevent",
    "casework_clientnote",
    "casework_clientplan",
    "casework_clientrelationship",
    "casework_designatedworkerassignment",
    "casework_intake",
    "casework_intakecorrection",
    "casework_measure",
    "casework_measureconsent",
    "casework_noteamendment",
    "casework_serviceneedsassessment",
    "decisions_decision",
    "decisions_decisionparty",
    "decisions_decisionservice",
    "dialogue_message",
    "dialogue_messagethread",
    "enotify_enotification",
    "people_contactdetail",
    "people_contactdetailcorrection",
    "people_person",
    "people_personcorrection",
    "people_relationship",
    "people_relationshipcorrection",
)

# Everything else the application reads and writes as it always has.
READ_WRITE = (
    "accounts_apitoken",
    "accounts_user",
    "accounts_user_groups",
    "accounts_user_user_permissions",
    "archive_archiveexport",
    "auth_group",
    "auth_group_permissions",
    "axes_accessattempt",
    "axes_accessattemptexpiration",
    "calendar_calendarfeed",
    "casework_clientnote_persons",
    "consult_consultation",
    "contrib_contributionrequest",
    "decisions_appealauthority",
    "devgroups_developergroup",
    "devgroups_groupmeeting",
    "devgroups_idea",
    "devgroups_membership",
    "dialogue_excerptconsent",
    "dialogue_journalentry",
    "dialogue_researchquestion",
    "django_admin_log",  # Django's admin; a user's deletion cascades to it
    "django_otp_webauthn_webauthnattestation",
    "django_otp_webauthn_webauthncredential",
    "django_otp_webauthn_webauthnuserhandle",
    "django_session",
    # The background tasks' queue (django-tasks-db): the web application enqueues, the
    # worker (`manage.py db_worker`, the same role) claims and finishes; pruning deletes.
    "django_tasks_database_dbtaskresult",
    # The schedule's runs (monia/jobs): the scheduler claims a slot, the worker records the
    # outcome, the daily housekeeping deletes old runs.
    "jobs_scheduledrun",
    "events_attendance",
    "events_event",
    "events_eventsession",
    "events_registration",
    "events_reminder",
    "experience_assignment",
    "experience_expertbyexperience",
    "experience_payrollexport",
    "experience_taxcardnote",
    "experts_expertcase",
    "experts_expertgroup",
    "experts_expertmember",
    "experts_expertsession",
    "feedback_answer",
    "feedback_invitation",
    "feedback_question",
    "feedback_questionnaire",
    "feedback_questiontext",
    "netmeet_agreedaction",
    "netmeet_networkmeeting",
    "netmeet_networkmeetinginvitee",
    "network_organisation",
    "network_referral",
    "network_sharinggrant",
    "notify_notification",
    "otp_totp_totpdevice",
    "peer_peergroup",
    "peer_peergroup_facilitators",
    "peer_peerjournalentry",
    "peer_peermembership",
    "people_nameword",  # the register's name words, filled by a trigger on persons
    "portal_childportalaccess",
    "portal_clientaccount",
    "portal_familyversion",
    "portal_guardianrestriction",
    "portal_safetyalert",
    "reporting_thlcomparerun",
    "rights_rightschange",
    "systemic_agendaitem",
    "systemic_caseflag",
    "systemic_diagramsnapshot",
    "systemic_emotionaltie",
    "systemic_hypothesis",
    "systemic_hypothesisrevision",
    "systemic_lifeevent",
    "systemic_meetingattendance",
    "systemic_networktie",
    "systemic_nextstep",
    "systemic_reflection",
    "systemic_teammeeting",
    "teams_county",
    "teams_municipality",
    "teams_team",
    "training_trainingmodule",
    "training_trainingrecord",
    "voice_heardfeedback",
    "voice_voiceentry",
)

# What the role may do on each kind of table (TRUNCATE, REFERENCES and TRIGGER: never).
PRIVILEGES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "read_write": (READ_WRITE, frozenset({"SELECT", "INSERT", "UPDATE", "DELETE"})),
    "append_only": (APPEND_ONLY, frozenset({"SELECT", "INSERT"})),
    "no_delete": (NO_DELETE, frozenset({"SELECT", "INSERT", "UPDATE"})),
    "client_record": (CLIENT_RECORDS, frozenset({"SELECT", "INSERT", "UPDATE"})),
    "read_only": (READ_ONLY, frozenset({"SELECT"})),
    "no_access": (NO_ACCESS, frozenset()),
}
ALL_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


def granted() -> dict[str, frozenset[str]]:
    """Every table with a decision and the privileges the runtime role has on it."""
    return {table: privs for tables, privs in PRIVILEGES.values() for table in tables}


def runtime_role_sql(role: str) -> list[str]:
    """The statements, in one transaction, that give ``role`` exactly its decided rights
    (earlier grants are revoked first, so a table moved to a stricter kind loses the rest)."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError("A role name of lower-case letters, digits and underscores.")
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role}",
        f"GRANT USAGE ON SCHEMA public TO {role}",
    ]
    for tables, privileges in PRIVILEGES.values():
        if privileges:
            order = ", ".join(p for p in ALL_PRIVILEGES if p in privileges)
            statements.append(f"GRANT {order} ON {', '.join(tables)} TO {role}")
    statements.append(f"GRANT SELECT ON {', '.join(VIEWS)} TO {role}")
    # A sequence's USAGE is nextval() for an insert's id; reading one reveals only a count.
    statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    return statements
