"""Why client data was read: one code per view or read, each with the words a client reads
in "who has seen my data" (703/2023 § 11).

Every access-log and disclosure-log row stores one of these codes; the writers refuse any
other (``purpose_checked``), so a new view cannot log a read its client could not read
about. The labels say what was seen, in a 13-year-old's words, not which screen it was.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# Each label completes "Looked at: …" for a reader of 13 (and reads right to a guardian).
CASE_RECORD = _("The main facts of the child's matter")
NOTIFICATION = _("A report of worry about the child")
DECISIONS = _("Decisions about help or where the child lives")
PLAN = _("The plan for the child")
TEAM_MEETING = _("The workers' team meeting")
FAMILY_MAP = _("A map of the family and important people")
EXPERT_GROUP = _("A group of experts who give advice")
SERVICES = _("Help from other services")
PROFESSIONALS = _("Work with other helpers, like the school")
FRONT_PAGE = _("The child's name on the worker's list")
TIMELINE = _("What has happened, in time order")
NOTES = _("The worker's notes about meetings, calls and visits")
PORTAL = _("The child's matters on these pages")
INTERFACE = _("Another computer system")
ATTACHMENT = _("A file added to the child's matter")
CALENDAR_NAMES = _("The child's name in the worker's calendar")
CONTACT = _("Addresses, phone numbers and e-mail")
SEARCH = _("The child's name in a worker's search")
LETTERS = _("Letters sent to the family")
ARCHIVE = _("Signed papers packed to be kept in the archive")
PEER_GROUP_NAMES = _("Your first name in a peer group you joined")
EVENT_NAMES = _("Your name on the list for an event")


class Purpose(models.TextChoices):
    """The purpose of a read, and what the client is told was seen."""

    # The worker's own pages
    DASHBOARD = "dashboard", FRONT_PAGE
    CASE_DETAIL = "case_detail", CASE_RECORD
    CASE_CHRONOLOGY = "case_chronology", TIMELINE
    CASE_TIMELINE = "case_timeline", TIMELINE
    LIFE_EVENT_NEW = "life_event_new", TIMELINE
    WORKER_ASSIGN = "worker_assign", CASE_RECORD
    FAMILY_MEMBER_NEW = "family_member_new", FAMILY_MAP
    # The register's likely duplicates of a family member being added, to choose from
    FAMILY_MEMBER_SIMILAR = "family_member_similar", FAMILY_MAP
    PERSON_CORRECT = "person_correct", CASE_RECORD
    RELATIONSHIP_CORRECT = "relationship_correct", FAMILY_MAP
    # Contact details and non-disclosure for personal safety (monia/access/contact.py)
    CASE_CONTACTS = "case_contacts", CONTACT
    CONTACT_DETAIL_NEW = "contact_detail_new", CONTACT
    CONTACT_DETAIL_CORRECT = "contact_detail_correct", CONTACT
    NON_DISCLOSURE = "non_disclosure", CONTACT
    PROTECTED_CONTACT = "protected_contact", _("An address that is kept secret for safety")
    # Client notes (asiakaskertomus)
    CLIENT_NOTES = "client_notes", NOTES
    CLIENT_NOTE = "client_note", NOTES
    CLIENT_NOTE_NEW = "client_note_new", NOTES
    CLIENT_NOTE_EDIT = "client_note_edit", NOTES
    CLIENT_NOTE_SIGN = "client_note_sign", NOTES
    CLIENT_NOTE_AMEND = "client_note_amend", NOTES
    # "Find a client" in the header (access/search_rule.py)
    CLIENT_SEARCH = "client_search", SEARCH
    # Intake
    INTAKE_NEW = "intake_new", NOTIFICATION
    INTAKE_CHILD_SEARCH = "intake_child_search", NOTIFICATION
    INTAKE_URGENCY = "intake_urgency", NOTIFICATION
    INTAKE_DECISION = "intake_decision", NOTIFICATION
    INTAKE_CORRECT = "intake_correct", NOTIFICATION
    CHILD_IDENTIFY = "child_identify", NOTIFICATION
    CHILD_IDENTIFY_SEARCH = "child_identify_search", NOTIFICATION
    ENOTIFY_QUEUE = "enotify_queue", NOTIFICATION
    ENOTIFY_DETAIL = "enotify_detail", NOTIFICATION
    ENOTIFY_CHILD_SEARCH = "enotify_child_search", NOTIFICATION
    ENOTIFY_CONVERT = "enotify_convert", NOTIFICATION
    # Files added to the record (monia/attachments) and the worker's calendar
    ATTACHMENT_DOWNLOAD = "attachment_download", ATTACHMENT
    INTAKE_ATTACHMENTS = "intake_attachments", NOTIFICATION
    ENOTIFY_ATTACHMENT = "enotify_attachment", NOTIFICATION
    NETWORK_MEETING_ATTACHMENTS = "network_meeting_attachments", PROFESSIONALS
    CALENDAR = "calendar", CALENDAR_NAMES
    # Assessment, plan, measures
    ASSESSMENT_COMPLETE = "assessment_complete", CASE_RECORD
    CLIENT_PLAN = "client_plan", PLAN
    CLIENT_PLAN_READ = "client_plan_read", PLAN
    CLIENT_PLAN_PDF = "client_plan_pdf", PLAN
    MEASURE_NEW = "measure_new", DECISIONS
    MEASURE_EXTEND = "measure_extend", DECISIONS
    MEASURE_END = "measure_end", DECISIONS
    # Letters to the family (monia/letters)
    CASE_LETTERS = "case_letters", LETTERS
    LETTER_PREVIEW = "letter_preview", LETTERS
    LETTER_PDF = "letter_pdf", LETTERS
    LETTER_SEND = "letter_send", LETTERS
    LETTER_READ = "letter_read", LETTERS
    # Administrative decisions (monia/decisions): drafted, signed, corrected, served
    DECISION_LIST = "decision_list", DECISIONS
    DECISION_READ = "decision_read", DECISIONS
    DECISION_PDF = "decision_pdf", DECISIONS
    DECISION_NEW = "decision_new", DECISIONS
    DECISION_EDIT = "decision_edit", DECISIONS
    DECISION_SIGN = "decision_sign", DECISIONS
    DECISION_CORRECT = "decision_correct", DECISIONS
    DECISION_SERVE = "decision_serve", DECISIONS
    # The archive export of the signed documents (monia/archive)
    ARCHIVE_EXPORTS = "archive_exports", ARCHIVE
    ARCHIVE_EXPORT_REQUEST = "archive_export_request", ARCHIVE
    ARCHIVE_EXPORT_DOWNLOAD = "archive_export_download", ARCHIVE
    # The children behind a figure of the statistics (monia/reporting): their names on a list
    STATISTICS_CHILDREN = "statistics_children", FRONT_PAGE
    # The decision as a document and its service letters (decisions/document_views.py)
    DECISION_LETTER = "decision_letter", DECISIONS
    # The systemic team
    CASEBOARD = "caseboard", TEAM_MEETING
    CASE_FLAG = "case_flag", TEAM_MEETING
    MEETING_AGENDA = "meeting_agenda", TEAM_MEETING
    MEETING_AGENDA_ADD = "meeting_agenda_add", TEAM_MEETING
    MEETING_REFLECTION = "meeting_reflection", TEAM_MEETING
    MEETING_MINUTES = "meeting_minutes", TEAM_MEETING
    GENOGRAM = "genogram", FAMILY_MAP
    GENOGRAM_SVG = "genogram_svg", FAMILY_MAP
    GENOGRAM_PDF = "genogram_pdf", FAMILY_MAP
    GENOGRAM_SNAPSHOT = "genogram_snapshot", FAMILY_MAP
    ECOMAP = "ecomap", FAMILY_MAP
    ECOMAP_SVG = "ecomap_svg", FAMILY_MAP
    ECOMAP_PDF = "ecomap_pdf", FAMILY_MAP
    ECOMAP_SNAPSHOT = "ecomap_snapshot", FAMILY_MAP
    EMOTIONAL_TIE_NEW = "emotional_tie_new", FAMILY_MAP
    NETWORK_TIE_NEW = "network_tie_new", FAMILY_MAP
    NETWORK_TIE_END = "network_tie_end", FAMILY_MAP
    EXPERT_SESSION = "expert_session", EXPERT_GROUP
    EXPERT_CASE_NEW = "expert_case_new", EXPERT_GROUP
    EXPERT_STATEMENT = "expert_statement", EXPERT_GROUP
    # Multi-agency work, the worker's side
    CASE_REFERRALS = "case_referrals", SERVICES
    REFERRAL_NEW = "referral_new", SERVICES
    REFERRAL_ADVANCE = "referral_advance", SERVICES
    CASE_SHARING = "case_sharing", PROFESSIONALS
    CASE_CONSULTATIONS = "case_consultations", PROFESSIONALS
    ASSESSMENT_CONTRIBUTIONS = "assessment_contributions", PROFESSIONALS
    NETWORK_MEETINGS = "network_meetings", PROFESSIONALS
    NETWORK_MEETING = "network_meeting", PROFESSIONALS
    # Partners' reads (each a disclosure): what the partner was shown
    PARTNER_LIST = "partner_list", _("The child's name in the list of shared cases")
    PARTNER_CASE = "partner_case", _("The shared parts of the case")
    CONTRIBUTION_LIST = "contribution_list", _("The child's name in the list of statement requests")
    CONTRIBUTION_TASK = "contribution_task", _("The request for a statement")
    CONTRIBUTION_SUBMIT = "contribution_submit", _("The request for a statement")
    PARTNER_CONSULTATIONS = (
        "partner_consultations",
        _("The child's name in the list of consultations"),
    )
    PARTNER_CONSULTATION = "partner_consultation", _("The consultation question")
    NETWORK_MEETING_LIST = (
        "network_meeting_list",
        _("The child's first name in the list of network meetings"),
    )
    NETWORK_MEETING_READ = "network_meeting_read", _("The network meeting's details")
    CONTRIBUTION_ATTACHMENT = "contribution_attachment", _("A file added to the statement")
    NETWORK_MEETING_ATTACHMENT = (
        "network_meeting_attachment",
        _("A file added to the network meeting"),
    )
    # The dialogue with the client, the worker's side
    CASE_PORTAL = "case_portal", CASE_RECORD
    CASE_MESSAGES = "case_messages", CASE_RECORD
    CASE_MESSAGE_THREAD = "case_message_thread", CASE_RECORD
    CASE_JOURNAL = "case_journal", CASE_RECORD
    # The client's own reads in the portal
    PORTAL_HOME = "portal_home", PORTAL
    PORTAL_CASE = "portal_case", PORTAL
    PORTAL_PLAN = "portal_plan", PORTAL
    PORTAL_DECISIONS = "portal_decisions", PORTAL
    PORTAL_DECISION = "portal_decision", DECISIONS
    PORTAL_MEETINGS = "portal_meetings", PORTAL
    PORTAL_SAFETY = "portal_safety", PORTAL
    PORTAL_WHO_VIEWED = "portal_who_viewed", PORTAL
    PORTAL_PRIVACY = "portal_privacy", PORTAL
    PORTAL_MESSAGES = "portal_messages", PORTAL
    PORTAL_JOURNAL = "portal_journal", PORTAL
    PORTAL_VOICE = "portal_voice", PORTAL
    PORTAL_HEARD = "portal_heard", PORTAL
    # The development network (issue 16): a peer group's members, for its facilitators
    PEER_GROUP = "peer_group", PEER_GROUP_NAMES
    EVENT_REGISTRATIONS = "event_registrations", EVENT_NAMES
    # Other systems through the API
    API_CASE_DETAIL = "api_case_detail", INTERFACE
    API_DEADLINES = "api_deadlines", INTERFACE
    API_INTAKE_CHILD = "api_intake_child", INTERFACE
    API_FHIR_EXPORT = (
        "api_fhir_export",
        _("The child's matter copied to another computer system"),
    )


def purpose_checked(purpose: str) -> Purpose:
    """The purpose as the enumeration; an unknown code is a programming error, refused
    before anything is read (``ValueError``)."""
    return Purpose(purpose)


def purpose_label(purpose: str) -> str:
    """What a client reads for a stored purpose; a code retired since reads as the main
    facts of the matter."""
    return str(Purpose(purpose).label) if purpose in Purpose.values else str(CASE_RECORD)
