"""Which access rule guards each URL. A test walks every URL pattern and fails when a
pattern has no entry here, so a new page cannot ship without a decided rule.

PUBLIC        no login (login page, language switch)
FIRST_FACTOR  a user who passed the password but not yet the second factor: the second step,
              enrolment of a first factor and their passkey endpoints (monia/mfa). Each
              view lets through only that: enrolling another factor needs a passed one
STAFF         any logged-in user; the page shows only what the policy lets them see
INTAKE        staff who may record intakes (policy.may_record_intake)
CASE_VIEW     policy.case_get_for_user(..., action=VIEW)
CASE_RECORD   policy.case_get_for_user(..., action=RECORD)
CASE_DECIDE   policy.case_get_for_user(..., action=DECIDE)
CASE_ARCHIVE  the county's senior official only (archive.access.archive_case_get, which
              passes policy.case_get_for_user(..., action=DECIDE)): the archive export
CASE_PROTECTED  CASE_RECORD and access.contact.need_to_know: the designated worker and the
              team's qualified social workers (non-disclosure for personal safety)
TEAM          policy.team_chosen_by_user / meeting_get_for_user: the user's own team (a
              senior official: any team of the county, chosen on the team chooser); a
              family's page inside it also passes case_get_for_user
OWN_TASK      the user's own task only
OWN_DRAFT     the author of a draft client note (casework.access), who also passes
              case_get_for_user(..., action=RECORD); to anyone else the draft is not there
SEARCH        staff who may search clients (access.search_rule.may_search_clients): the cases
              they may open; of other cases only that a matter exists, for an identifying term
PARTNER       a partner professional, through the rule in the owning app's access.py (network,
              contrib, consult, netmeet: network.access.partner_read underneath); each
              disclosure logged; others 404
API           the JSON API: token or session, then the same policy; 401 when anonymous
PORTAL        a client of the participation portal (portal.access.is_client); others 404
DECIDER       decisions.access.draft_for_signing: the decider named in the decision, who also
              passes case_get_for_user(..., action=DECIDE); to anyone else the page is not there
PORTAL_CASE   portal.access.portal_case_get: the client's own matter or their child's, logged
ADMIN_SITE    Django's admin: administrators only; no client data is registered there
DEVELOP       the development network (issue 16; access/develop_rule.is_network_member):
              staff, partners, experts by experience, development coordinators; no client
              data; what a member may do there is decided in the owning app's access.py
DEVELOP_COORDINATOR  the county's development coordinator (develop_rule.
              is_development_coordinator): publishing, registers, fees; others 404
EXPERT_SELF   an expert by experience's own entry and assignments (experience/access.py);
              the coordinator of their county too; others 404
"""

from __future__ import annotations

import enum


class Rule(enum.StrEnum):
    PUBLIC = "public"
    FIRST_FACTOR = "first_factor"
    STAFF = "staff"
    INTAKE = "intake"
    CASE_VIEW = "case_view"
    CASE_RECORD = "case_record"
    CASE_DECIDE = "case_decide"
    CASE_PROTECTED = "case_protected"
    CASE_ARCHIVE = "case_archive"
    TEAM = "team"
    OWN_TASK = "own_task"
    OWN_DRAFT = "own_draft"
    SEARCH = "search"
    PARTNER = "partner"
    API = "api"
    ADMIN_SITE = "admin_site"
    PORTAL = "portal"
    PORTAL_CASE = "portal_case"
    DECIDER = "decider"
    DEVELOP = "develop"
    DEVELOP_COORDINATOR = "develop_coordinator"
    EXPERT_SELF = "expert_self"


URL_RULES: dict[str, Rule] = {
    "login": Rule.PUBLIC,
    "logout": Rule.PUBLIC,
    "set_language": Rule.PUBLIC,
    # Process up / database reachable, for the load balancer; no client data.
    "healthz": Rule.PUBLIC,
    "readyz": Rule.PUBLIC,
    "dashboard": Rule.STAFF,
    # The staff second factor (monia/mfa): checked or enrolled after the password, before any
    # other page (mfa/middleware.py); the user's own devices and password on their Security page.
    "mfa_second_step": Rule.FIRST_FACTOR,
    "mfa_totp_enrol": Rule.FIRST_FACTOR,
    "mfa_passkey_register_begin": Rule.FIRST_FACTOR,
    "mfa_passkey_register_complete": Rule.FIRST_FACTOR,
    "mfa_passkey_auth_begin": Rule.FIRST_FACTOR,
    "mfa_passkey_auth_complete": Rule.FIRST_FACTOR,
    "security": Rule.STAFF,
    # The user's own form, kept when her session ended (accounts/unsent.py): no record is read.
    "unsent_resume": Rule.STAFF,
    "mfa_device_remove": Rule.STAFF,
    "password_change": Rule.STAFF,
    "caseload": Rule.STAFF,
    # Find a client (issue 12): administrators, partners and portal clients 404.
    "client_search": Rule.SEARCH,
    "intake_new": Rule.INTAKE,
    "case_detail": Rule.CASE_VIEW,
    "case_chronology": Rule.CASE_VIEW,
    "intake_urgency": Rule.CASE_RECORD,
    "plan_edit": Rule.CASE_RECORD,
    # The approved client plan to read, print and export: whoever sees the case.
    "plan_read": Rule.CASE_VIEW,
    "plan_pdf": Rule.CASE_VIEW,
    # Client notes: signed ones read by whoever sees the case, amended by who records in
    # it; a draft is its author's alone (casework.access).
    "case_notes": Rule.CASE_VIEW,
    "note_detail": Rule.CASE_VIEW,
    "note_new": Rule.CASE_RECORD,
    "note_amend": Rule.CASE_RECORD,
    "note_edit": Rule.OWN_DRAFT,
    "note_sign": Rule.OWN_DRAFT,
    "family_member_new": Rule.CASE_RECORD,
    "intake_decision": Rule.CASE_DECIDE,
    "assessment_complete": Rule.CASE_DECIDE,
    "measure_new": Rule.CASE_DECIDE,
    "measure_extend": Rule.CASE_DECIDE,
    "measure_end": Rule.CASE_DECIDE,
    # Administrative decisions (monia/decisions, decisions.access): signed ones read by
    # whoever sees the case, drafts by those who record in it; written by who may decide;
    # signed by the named decider only; served (recorded) by who records in the case.
    "decision_list": Rule.CASE_VIEW,
    "decision_detail": Rule.CASE_VIEW,
    "decision_pdf": Rule.CASE_VIEW,
    "decision_new": Rule.CASE_DECIDE,
    "decision_edit": Rule.CASE_DECIDE,
    "decision_correct": Rule.CASE_DECIDE,
    "decision_serve": Rule.CASE_RECORD,
    "decision_sign": Rule.DECIDER,
    "worker_assign": Rule.CASE_DECIDE,
    "case_flag": Rule.CASE_RECORD,
    # The team chooser (systemic.selectors.teams_to_choose): each team whose space the user
    # may open (policy.team_basis), for those who open every team of the county
    # (policy.opens_every_team: the senior official); a member of one team 404s.
    "teams": Rule.TEAM,
    "caseboard": Rule.TEAM,
    "meetings": Rule.TEAM,
    "meeting_detail": Rule.TEAM,
    "meeting_agenda_order": Rule.TEAM,
    "meeting_attendance": Rule.TEAM,
    "meeting_close": Rule.TEAM,
    "meeting_item": Rule.TEAM,
    "meeting_item_reflection": Rule.TEAM,
    "meeting_item_hypothesis_add": Rule.TEAM,
    "meeting_item_hypothesis_revise": Rule.TEAM,
    "meeting_item_step_add": Rule.TEAM,
    "task_done": Rule.OWN_TASK,
    "case_sharing": Rule.CASE_DECIDE,
    "partner_home": Rule.PARTNER,
    "partner_case": Rule.PARTNER,
    "case_timeline": Rule.CASE_VIEW,
    "life_event_new": Rule.CASE_RECORD,
    # Referrals to support services and the child's coordinated services (network/referral_urls).
    "case_referrals": Rule.CASE_VIEW,
    "referral_new": Rule.CASE_RECORD,
    "referral_advance": Rule.CASE_RECORD,
    # Team-scoped inside the view through policy.team_get_for_user (404 for other teams).
    "meeting_minutes_pdf": Rule.TEAM,
    # County-scoped to the user's county inside the views (experts.selectors).
    "expert_groups": Rule.STAFF,
    "expert_session": Rule.STAFF,
    "expert_case_new": Rule.CASE_DECIDE,
    "expert_statement": Rule.CASE_RECORD,
    # The family's genogram and ecomap (systemic/diagram_urls.py).
    "genogram": Rule.CASE_VIEW,
    "genogram_svg": Rule.CASE_VIEW,
    "genogram_pdf": Rule.CASE_VIEW,
    "emotional_tie_new": Rule.CASE_RECORD,
    "genogram_snapshot_new": Rule.CASE_RECORD,
    "ecomap": Rule.CASE_VIEW,
    "ecomap_svg": Rule.CASE_VIEW,
    "ecomap_pdf": Rule.CASE_VIEW,
    "network_tie_new": Rule.CASE_RECORD,
    "network_tie_end": Rule.CASE_RECORD,
    "ecomap_snapshot_new": Rule.CASE_RECORD,
    # The public electronic child welfare notification (monia/enotify) and its staff queue,
    # county-scoped inside the selectors (policy.may_record_intake and the user's county).
    "enotify_counties": Rule.PUBLIC,
    "enotify_form": Rule.PUBLIC,
    "enotify_received": Rule.PUBLIC,
    "enotify_privacy": Rule.PUBLIC,
    "enotify_queue": Rule.INTAKE,
    "enotify_detail": Rule.INTAKE,
    # The multi-agency service-needs assessment (monia/contrib): staff see the requests
    # (CASE_VIEW; inviting is CASE_DECIDE inside the view); partners only their
    # organisation's requests through contrib.access.contribution_get_for_partner, each read logged.
    "assessment_contributions": Rule.CASE_VIEW,
    "partner_contributions": Rule.PARTNER,
    "partner_contribution": Rule.PARTNER,
    # Multi-agency consultations (monia/consult): staff through the case; partners through
    # consult.access.partner_consultation_get (their organisation's questions; named reads logged).
    "case_consultations": Rule.CASE_VIEW,
    "partner_consultations": Rule.PARTNER,
    "partner_consultation": Rule.PARTNER,
    # Network meetings with the family (monia/netmeet): staff through the case (planning,
    # inviting and recording is CASE_RECORD inside the views); partners only meetings their
    # organisation is invited to, through netmeet.access.partner_network_meeting_get, reads logged.
    "case_network_meetings": Rule.CASE_VIEW,
    # Letters to the family (monia/letters): read with the case, written by those who record
    "case_letters": Rule.CASE_VIEW,
    "letter_preview": Rule.CASE_RECORD,
    "letter_pdf": Rule.CASE_RECORD,
    "letter_send": Rule.CASE_RECORD,
    "letter_detail": Rule.CASE_VIEW,
    "letter_detail_pdf": Rule.CASE_VIEW,
    "network_meeting_detail": Rule.CASE_VIEW,
    "partner_network_meetings": Rule.PARTNER,
    "partner_network_meeting": Rule.PARTNER,
    # The user's own notifications (monia/notify): the list and mark-all show only the
    # user's rows; opening another user's notification answers 404.
    "notifications": Rule.STAFF,
    "notifications_read_all": Rule.STAFF,
    "notification_open": Rule.OWN_TASK,
    # The participation portal (monia/portal): login pages are public (the demo login
    # answers 404 unless MONIA_DEMO_IDENTIFICATION is on); every page of a matter passes
    # portal.access.portal_case_get. The worker's side of one case is CASE_VIEW (changes: RECORD
    # or DECIDE inside the view).
    "portal_login": Rule.PUBLIC,
    "portal_demo_login": Rule.PUBLIC,
    "portal_logout": Rule.PUBLIC,
    "portal_home": Rule.PORTAL,
    # Her own form, kept when her session ended (accounts/unsent.py): no record is read.
    "portal_unsent": Rule.PORTAL,
    "portal_safety_general": Rule.PORTAL,
    "portal_case": Rule.PORTAL_CASE,
    "portal_plan": Rule.PORTAL_CASE,
    "portal_decisions": Rule.PORTAL_CASE,
    "portal_meetings": Rule.PORTAL_CASE,
    "portal_safety": Rule.PORTAL_CASE,
    "portal_who_viewed": Rule.PORTAL_CASE,
    "portal_privacy": Rule.PORTAL_CASE,
    "case_portal": Rule.CASE_VIEW,
    "case_portal_family_version": Rule.CASE_RECORD,
    "case_portal_family_version_withdraw": Rule.CASE_RECORD,
    "case_portal_request_decide": Rule.CASE_DECIDE,
    "case_portal_alert_handle": Rule.CASE_RECORD,
    "case_portal_document_hide": Rule.CASE_DECIDE,
    "case_portal_document_show": Rule.CASE_DECIDE,
    "case_portal_child_access": Rule.CASE_DECIDE,
    # The dialogue with the client (monia/dialogue): secure messages and the co-research
    # journal. A client reaches only their own thread and journal of a matter through
    # portal.access.portal_case_get; staff read with CASE_VIEW, write (reply, journal entries,
    # bring to the plan review) with CASE_RECORD inside the views.
    "portal_messages": Rule.PORTAL_CASE,
    "portal_journal": Rule.PORTAL_CASE,
    "case_messages": Rule.CASE_VIEW,
    "case_message_thread": Rule.CASE_VIEW,
    "case_journal": Rule.CASE_VIEW,
    # Clients' strong identification over SAML 2.0 (monia/portal/saml_urls.py): the
    # protocol's own endpoints, public by nature (the IdP's signed assertion is the
    # credential; djangosaml2's logout start needs a login). All 404 while SAML is off.
    "saml2_login": Rule.PUBLIC,
    "saml2_acs": Rule.PUBLIC,
    "saml2_logout": Rule.PUBLIC,
    "saml2_ls": Rule.PUBLIC,
    "saml2_ls_post": Rule.PUBLIC,
    "saml2_metadata": Rule.PUBLIC,
    # Staff single sign-on with OpenID Connect (monia/accounts/oidc_urls.py): the start (to
    # the county's provider) and the provider's answer, public by nature (the signed ID
    # token is the credential; only linked active staff get in). Both 404 while it is off.
    "oidc_authentication_init": Rule.PUBLIC,
    "oidc_authentication_callback": Rule.PUBLIC,
    # My voice and "Were you heard?" (monia/voice): each passes portal.access.portal_case_get, and
    # the meeting must be the case's own (planned for My voice, held for "Were you heard?").
    # The participation indicators: counts only, scoped by policy.caseload_scope (a senior
    # official: the county; others: their team); administrators, partners, clients 404.
    "portal_voice": Rule.PORTAL_CASE,
    "portal_heard": Rule.PORTAL_CASE,
    "participation_indicators": Rule.STAFF,
    "statistics": Rule.STAFF,
    # The staffing statistic and the yearly statistics (reporting/stats_urls.py): the county's
    # senior official only (reporting.access.county_scope_get); the children behind a figure
    # through reporting.access.children_behind (the policy, logged). Everyone else 404.
    "statistics_caseload": Rule.STAFF,
    "statistics_caseload_export": Rule.STAFF,
    "statistics_caseload_children": Rule.STAFF,
    "statistics_yearly": Rule.STAFF,
    "statistics_yearly_export": Rule.STAFF,
    "statistics_yearly_children": Rule.STAFF,
    # THL's half-year processing times (reporting/thl_views.py): the county's senior official
    # only (reporting.access.county_scope_get); the children behind a figure through
    # access.children_behind (the policy, logged); the comparison of counties aggregates only.
    "thl_processing_times": Rule.STAFF,
    "thl_children": Rule.STAFF,
    "thl_export": Rule.STAFF,
    "thl_compare": Rule.STAFF,
    "thl_compare_file": Rule.STAFF,
    # Self-monitoring and the development indicators (reporting/monitor_urls.py): the scope
    # through reporting/access.py (a senior official: the county or a team; others: their
    # team); the children behind a figure through the policy, logged; everyone else 404.
    "statistics_monitoring": Rule.STAFF,
    "statistics_monitoring_children": Rule.STAFF,
    "statistics_indicators": Rule.STAFF,
    "statistics_indicators_children": Rule.STAFF,
    # Corrections of recorded data (casework/correction_views.py): the child or a person tied
    # to the child, an intake of the case; linking a child not identified to the person.
    "person_correct": Rule.CASE_RECORD,
    "intake_correct": Rule.CASE_RECORD,
    "child_identify": Rule.CASE_RECORD,
    # Attachments (monia/attachments): a file of a case is downloaded by whoever sees the
    # case (one access-log row each), always as a download; an intake's files are listed by
    # CASE_VIEW and added or removed with CASE_RECORD inside the view.
    "case_attachment": Rule.CASE_VIEW,
    "intake_attachments": Rule.CASE_VIEW,
    "network_meeting_attachments": Rule.CASE_VIEW,
    # An e-notification's file before it became an intake: the queue's rule, logged in
    # ENotificationAccess like the notification itself.
    "enotify_attachment": Rule.INTAKE,
    # A partner's file on their own statement; a network meeting's files for the invited
    # organisation (contrib/netmeet access.py), each download a disclosure row.
    "partner_contribution_attachment": Rule.PARTNER,
    "partner_network_meeting_attachment": Rule.PARTNER,
    # The worker's own week (monia/calendar): the user's own cases and meetings, the
    # children's names shown logged; the feed's secret address is its credential and it
    # carries times and links only (no client data).
    "calendar": Rule.STAFF,
    "calendar_feed_manage": Rule.STAFF,
    "calendar_feed": Rule.PUBLIC,
    "relationship_correct": Rule.CASE_RECORD,
    # Contact details (casework/contact_views.py): whoever sees the case reads the family's
    # details through monia/access/contact.py (a protected address only with the need to
    # know, logged); adding and correcting one is CASE_RECORD and answers 404 for a protected
    # person to those without the need; marking non-disclosure needs it always.
    "case_contacts": Rule.CASE_VIEW,
    "contact_detail_new": Rule.CASE_RECORD,
    "contact_detail_correct": Rule.CASE_RECORD,
    "non_disclosure_set": Rule.CASE_PROTECTED,
    # The decision as a document (decisions/document_urls.py): its PDF (a draft says so) and
    # each party's service letter of a signed decision, by whoever sees the case; a protected
    # party's address shows on their own letter only to staff with the need to know (logged).
    "decision_letter": Rule.CASE_VIEW,
    "decision_letter_pdf": Rule.CASE_VIEW,
    # A client's decisions in the portal (portal/decision_urls.py): the matter through
    # portal.access.portal_cases, then decisions.portal_access (signed, shown, the client a
    # party), each read logged.
    "portal_decision": Rule.PORTAL_CASE,
    "portal_decision_pdf": Rule.PORTAL_CASE,
    # Setting one's own password with the one-time link Monia e-mailed (monia/rights): the
    # link's token is the credential; an unknown, used or expired link shows only that.
    "password_reset_confirm": Rule.PUBLIC,
    "password_reset_complete": Rule.PUBLIC,
    # The archive export of a case's signed documents (monia/archive): the senior official
    # starts it and downloads the package; each download is a disclosure-log row.
    "archive_exports": Rule.CASE_ARCHIVE,
    "archive_export_zip": Rule.CASE_ARCHIVE,
    # ---- The development network (issue 16): no client data. Its page gathers each app's
    # links (web/develop_views.py); each app's block below, in the app's own words.
    "develop": Rule.DEVELOP,
    # -- events and trainings (monia/events)
    # events/access.py: members see the county's published events for their audience and
    # register; the participant's own certificate once the certificate rule is met.
    "events_list": Rule.DEVELOP,
    "event_detail": Rule.DEVELOP,
    "event_register": Rule.DEVELOP,
    "event_cancel": Rule.DEVELOP,
    "event_certificate_pdf": Rule.DEVELOP,
    # events/access.event_manage_get: the county's development coordinator only.
    "event_new": Rule.DEVELOP_COORDINATOR,
    "event_edit": Rule.DEVELOP_COORDINATOR,
    "event_publish": Rule.DEVELOP_COORDINATOR,
    "event_registrations": Rule.DEVELOP_COORDINATOR,
    "registration_certificate_pdf": Rule.DEVELOP_COORDINATOR,
    "session_attendance": Rule.DEVELOP_COORDINATOR,
    # events/access.portal_event_get: a portal client, events for clients of the counties
    # of their matters.
    "portal_events": Rule.PORTAL,
    "portal_event": Rule.PORTAL,
    "portal_event_register": Rule.PORTAL,
    "portal_event_cancel": Rule.PORTAL,
    # (events: end of block)
    #
    # -- training records (monia/training) and the systemic model's fidelity (systemic)
    # training/access.py: one's own records (county staff); a team's: its members, the
    # county's development coordinator and senior official; the county's and recording:
    # those two only. No client data.
    "training_mine": Rule.DEVELOP,
    "training_team": Rule.DEVELOP,
    "training_county": Rule.DEVELOP,
    "training_record": Rule.DEVELOP,
    "training_module_new": Rule.DEVELOP,
    # systemic/fidelity_selectors.fidelity_team_for: counts per team and month, no names:
    # the team's own members, the county's senior official and development coordinator.
    "systemic_fidelity": Rule.DEVELOP,
    # Co-research (dialogue, built with training): the journal pages keep their rules; the
    # development report (consented excerpts without names) for the county's development
    # coordinator and senior official (training.access.may_oversee).
    "coresearch_report": Rule.DEVELOP,
    # (training: end of block)
    #
    # -- developer groups (monia/devgroups)
    # devgroups/access.py: the list for any network member (their own groups); a group's
    # pages for its members and the county's coordinator (managing: coordinator; meetings
    # and memos, and the group's own details on its edit page: chair, secretary,
    # coordinator); another county's group 404.
    "devgroups": Rule.DEVELOP,
    "devgroup_detail": Rule.DEVELOP,
    "devgroup_edit": Rule.DEVELOP,
    "devgroup_meeting_new": Rule.DEVELOP,
    "devgroup_meeting": Rule.DEVELOP,
    "devgroup_idea_new": Rule.DEVELOP,
    "devgroup_idea_edit": Rule.DEVELOP,
    "devgroup_new": Rule.DEVELOP_COORDINATOR,
    "devgroup_members": Rule.DEVELOP_COORDINATOR,
    "devgroup_member_remove": Rule.DEVELOP_COORDINATOR,
    # (devgroups: end of block)
    #
    # -- peer support (monia/peer) and co-research (dialogue)
    # peer/access.py: a workers' group for the county's staff, its facilitators and the
    # coordinator; a client group on these pages for its facilitators and the coordinator;
    # the journal for members and facilitators only; another county's group 404.
    "peer_groups": Rule.DEVELOP,
    "peer_group": Rule.DEVELOP,
    "peer_group_join": Rule.DEVELOP,
    "peer_group_leave": Rule.DEVELOP,
    "peer_group_new": Rule.DEVELOP_COORDINATOR,
    # Opening and closing sign-up: the group's facilitators and the coordinator.
    "peer_group_sign_up": Rule.DEVELOP,
    # Editing the group's details: its facilitators and the coordinator (who alone changes
    # the facilitators); members and other staff 404.
    "peer_group_edit": Rule.DEVELOP,
    # In the portal (peer/access.portal_group_access): the open client groups for this
    # client (a guardian: parents; aged 12–17: young people) and their own groups.
    "portal_peer": Rule.PORTAL,
    "portal_peer_group": Rule.PORTAL,
    "portal_peer_join": Rule.PORTAL,
    "portal_peer_leave": Rule.PORTAL,
    # (peer: end of block)
    #
    # -- experts by experience (monia/experience)
    # The register, assignments, tax card notes and the payroll export: the county's
    # development coordinator (experience/access.require_coordinator); others 404.
    "experience_register": Rule.DEVELOP_COORDINATOR,
    "experience_expert_new": Rule.DEVELOP_COORDINATOR,
    "experience_expert": Rule.DEVELOP_COORDINATOR,
    "experience_expert_edit": Rule.DEVELOP_COORDINATOR,
    "experience_assignment_new": Rule.DEVELOP_COORDINATOR,
    "experience_assignment_edit": Rule.DEVELOP_COORDINATOR,
    "experience_payroll": Rule.DEVELOP_COORDINATOR,
    "experience_payroll_export": Rule.DEVELOP_COORDINATOR,
    # The expert's own entry and assignments, and declining a fee of their own
    # (experience/access.assignment_for_expert): another expert's assignment 404.
    "experience_mine": Rule.EXPERT_SELF,
    "experience_fee_decline": Rule.EXPERT_SELF,
    # The public part of the register (pseudonym, themes, availability) for the county's
    # staff finding a speaker or a working pair (access.may_find_experts); partners and
    # experts by experience 404.
    "experience_find": Rule.DEVELOP,
    # (experience: end of block)
    #
    # -- feedback questionnaires (monia/feedback)
    # The coordinator defines the county's questionnaires (feedback/access.py
    # questionnaire_to_manage: another county's answers 404).
    "feedback_questionnaires": Rule.DEVELOP_COORDINATOR,
    "feedback_questionnaire_new": Rule.DEVELOP_COORDINATOR,
    "feedback_questionnaire": Rule.DEVELOP_COORDINATOR,
    "feedback_questionnaire_edit": Rule.DEVELOP_COORDINATOR,
    "feedback_question_new": Rule.DEVELOP_COORDINATOR,
    "feedback_question_edit": Rule.DEVELOP_COORDINATOR,
    # "Ask now" (a POST): a published, active questionnaire asked of one of the county's
    # staff-side groups (selectors.audience_members); another county's team is refused.
    "feedback_questionnaire_ask": Rule.DEVELOP_COORDINATOR,
    # Anonymised results (groups of 5 or more): the county's staff and its coordinator
    # (access.may_see_results); partners and experts by experience 404.
    "feedback_results_list": Rule.DEVELOP,
    "feedback_results": Rule.DEVELOP,
    # A respondent answers their own invitation (access.invitation_for_respondent): a
    # portal client through their register rows, staff and partners through their account;
    # anyone else's invitation 404s. The page shows no case data (only the invitation's date).
    "feedback_portal_answer": Rule.PORTAL,
    "feedback_answer": Rule.DEVELOP,
    # (feedback: end of block)
}

# Namespaces whose every pattern shares one rule.
NAMESPACE_RULES: dict[str, Rule] = {
    "admin": Rule.ADMIN_SITE,
    "api": Rule.API,
}
