"""The statutory path of a child welfare matter, from intake to aftercare.

Models hold data and database constraints only; every change goes through
``services.py`` and every read of client data through ``monia.access.policy``.
Intakes live in ``intake_models.py``, measures in ``measure_models.py`` and the client
notes (asiakaskertomus) in ``note_models.py``; they are
imported here, so every model of the app is registered and importable from this module.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from monia.casework.intake_models import (  # noqa: F401 - re-exported
    Channel,
    FamilyInformed,
    Intake,
    IntakeCorrection,
    IntakeDecision,
    IntakeKind,
    NotifierType,
    Sector,
    Urgency,
)
from monia.casework.measure_models import (  # noqa: F401 - re-exported
    PLACEMENT_KINDS,
    CareForm,
    ConsentAnswer,
    ConsentParty,
    DecisionBody,
    Measure,
    MeasureConsent,
    MeasureKind,
    SupportPlacementType,
    SupportType,
)
from monia.casework.note_models import (  # noqa: F401 - re-exported
    CancellationReason,
    ClientNote,
    ContactMethod,
    NoteAmendment,
    NoteType,
)


class ServiceTask(models.TextChoices):
    """Palvelutehtävä: every social welfare document names its service task."""

    CHILD_WELFARE = "lastensuojelu", _("Child welfare")
    FAMILY_SOCIAL_SERVICES = (
        "lapsiperheiden_sosiaalipalvelut",
        _("Social services for families with children"),
    )


class CaseStage(models.TextChoices):
    INTAKE = "intake", _("Intake")
    ASSESSMENT = "assessment", _("Service-needs assessment")
    CLIENT = "client", _("Child welfare client")
    CLOSED = "closed", _("Closed")


class Case(models.Model):
    """One child's child welfare matter in one county (lastensuojeluasia).

    Its stage is a state machine kept here and changed only by services.
    """

    county = models.ForeignKey("teams.County", on_delete=models.PROTECT, related_name="cases")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    team = models.ForeignKey("teams.Team", on_delete=models.PROTECT, related_name="cases")
    designated_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="designated_cases",
        verbose_name=_("designated social worker"),
    )
    service_task = models.CharField(
        _("service task"),
        max_length=40,
        choices=ServiceTask.choices,
        default=ServiceTask.CHILD_WELFARE,
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=CaseStage.choices, default=CaseStage.INTAKE
    )
    opened_at = models.DateTimeField(_("opened"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            # One open child welfare matter per child: new intakes join it.
            models.UniqueConstraint(
                fields=["child"],
                condition=~models.Q(stage="closed"),
                name="case_one_open_per_child",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "stage"], name="case_team_stage_idx"),
            models.Index(fields=["designated_worker", "stage"], name="case_worker_stage_idx"),
            # A user's visible open cases (policy.cases_visible_to + stages.open_cases:
            # county AND (worker OR team) AND stage IN open): each branch of the OR found in
            # one index with its county, so the planner does not AND in the county's whole
            # index (60,000 entries at national scale, 1 ms in each of the dashboard's reads).
            models.Index(fields=["county", "team", "stage"], name="case_county_team_stage_idx"),
            models.Index(
                fields=["county", "designated_worker", "stage"],
                name="case_county_worker_stage_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"

    def service_task_in(self, language: str) -> str:
        """The case's service task as a document in ``language`` names it."""
        with translation.override(language):
            return str(self.get_service_task_display())


class DesignatedWorkerAssignment(models.Model):
    """Who was the child's designated worker (LsL 13 b §) and when — caseload on any date."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="worker_assignments")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(ended_on__isnull=True),
                name="assignment_one_current_per_case",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="assignment_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.worker_id} → case {self.case_id} from {self.started_on}"


class AssessmentConclusion(models.TextChoices):
    CHILD_WELFARE_CLIENT = "child_welfare_client", _("Child welfare client")
    OTHER_SOCIAL_SERVICES = "other_social_services", _("Other social services (SHL)")
    NO_NEED = "no_need", _("No need for social welfare")


class ServiceNeedsAssessment(models.Model):
    """Palvelutarpeen arviointi (SHL 36 §, LsL 26–27 §): completed within 3 months of receipt."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="assessments")
    started_from = models.OneToOneField(Intake, on_delete=models.PROTECT, related_name="assessment")
    started_on = models.DateField(_("started"))
    completion_due = models.DateField(_("to be completed by"))
    completed_on = models.DateField(_("completed"), null=True, blank=True)
    conclusion = models.CharField(
        _("conclusion"), max_length=30, choices=AssessmentConclusion.choices, blank=True
    )
    summary = models.TextField(_("summary of the assessment"), blank=True)
    delay_reason = models.TextField(_("reason for the delay"), blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("service-needs assessment")
        verbose_name_plural = _("service-needs assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(completed_on__isnull=True),
                name="assessment_one_open_per_case",
            ),
            models.CheckConstraint(
                condition=(models.Q(completed_on__isnull=True) & models.Q(conclusion=""))
                | (models.Q(completed_on__isnull=False) & ~models.Q(conclusion="")),
                name="assessment_conclusion_iff_completed",
            ),
        ]
        indexes = [
            models.Index(fields=["completed_on", "completion_due"], name="assessment_open_idx"),
        ]

    def __str__(self) -> str:
        return f"assessment of case {self.case_id} from {self.started_on}"


class HearingMethod(models.TextChoices):
    MEETING = "meeting", _("Meeting with the child")
    HOME_VISIT = "home_visit", _("Home visit")
    REMOTE = "remote", _("Remote meeting")
    IN_WRITING = "in_writing", _("In writing")
    THROUGH_PERSON = "through_person", _("Through a person close to the child")


class ChildHearing(models.Model):
    """How the child's own view was found out (LsL 20 §), or why it was not: for an
    assessment, or before the decision on a measure (a child of 12 or older is heard,
    HL 34 §)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hearings")
    assessment = models.ForeignKey(
        ServiceNeedsAssessment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="hearings",
    )
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, null=True, blank=True, related_name="hearings"
    )
    heard = models.BooleanField(_("the child was heard"))
    heard_by = models.CharField(_("heard by"), max_length=200, blank=True)
    heard_on = models.DateField(_("heard on"), null=True, blank=True)
    method = models.CharField(_("how"), max_length=20, choices=HearingMethod.choices, blank=True)
    child_view = models.TextField(_("the child's view"), blank=True)
    not_heard_reason = models.TextField(_("why the child was not heard"), blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(heard=True)
                    & models.Q(heard_on__isnull=False)
                    & ~models.Q(heard_by="")
                    & ~models.Q(method="")
                )
                | (models.Q(heard=False) & ~models.Q(not_heard_reason="")),
                name="hearing_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"hearing in case {self.case_id}"


class ClientRelationship(models.Model):
    """Lastensuojelun asiakkuus: opened when the assessment finds a child welfare need."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="client_relationships")
    opened_on = models.DateField(_("opened"))
    closed_on = models.DateField(_("closed"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(closed_on__isnull=True),
                name="client_relationship_one_open_per_case",
            ),
        ]

    def __str__(self) -> str:
        return f"client relationship of case {self.case_id} from {self.opened_on}"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    SUPERSEDED = "superseded", _("Superseded")


class ClientPlan(models.Model):
    """Asiakassuunnitelma (LsL 30 §). Drafts may be partial; approval needs every item."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="plans")
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    lock_version = models.PositiveIntegerField(default=1)
    service_needs = models.TextField(_("service and support needs"), blank=True)
    circumstances = models.TextField(_("circumstances and issues to be influenced"), blank=True)
    services = models.TextField(_("services and support measures"), blank=True)
    goal_time_estimate = models.TextField(_("estimated time to reach the goals"), blank=True)
    differing_views = models.TextField(_("the parties' differing views"), blank=True)
    no_differing_views = models.BooleanField(
        _("the parties have no differing views"), default=False
    )
    child_meetings = models.TextField(
        _("arrangements for the worker's personal meetings with the child"), blank=True
    )
    child_meeting_interval_weeks = models.PositiveSmallIntegerField(
        _("the worker meets the child every … weeks"), null=True, blank=True
    )
    # Further items for a placed child (LsL 30 § 2 mom).
    placement_goals = models.TextField(_("purpose and goals of substitute care"), blank=True)
    special_support = models.TextField(
        _("special support for the child and the parents"), blank=True
    )
    health_and_education = models.TextField(
        _("arrangements for health care, early education and schooling"), blank=True
    )
    contact_arrangements = models.TextField(
        _("contact with parents and other close persons"), blank=True
    )
    information_sharing = models.TextField(_("who gives information to whom"), blank=True)
    review_due = models.DateField(_("next review"), null=True, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("client plan")
        verbose_name_plural = _("client plans")
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(status="draft"), name="plan_one_draft_per_case"
            ),
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status="approved"),
                name="plan_one_approved_per_case",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="approved")
                | (
                    models.Q(approved_on__isnull=False)
                    & models.Q(review_due__isnull=False)
                    & models.Q(
                        review_due__lte=models.F("approved_on")
                        + models.Value(datetime.timedelta(days=372))
                    )
                ),
                # a year, rolled past a weekend or holiday (150/1930 5 §)
                name="plan_approved_has_review_within_year",
            ),
        ]

    def __str__(self) -> str:
        return f"plan of case {self.case_id} ({self.status})"


class EventKind(models.TextChoices):
    INTAKE_RECEIVED = "intake_received", _("Intake received")
    URGENCY_ASSESSED = "urgency_assessed", _("Urgency assessed")
    INTAKE_DECIDED = "intake_decided", _("Decision on the intake")
    ASSESSMENT_STARTED = "assessment_started", _("Service-needs assessment started")
    CHILD_HEARD = "child_heard", _("Child's view recorded")
    ASSESSMENT_COMPLETED = "assessment_completed", _("Service-needs assessment completed")
    CLIENT_OPENED = "client_opened", _("Child welfare client relationship opened")
    CLIENT_CLOSED = "client_closed", _("Client relationship closed")
    WORKER_ASSIGNED = "worker_assigned", _("Designated social worker named")
    PLAN_SAVED = "plan_saved", _("Client plan draft saved")
    PLAN_APPROVED = "plan_approved", _("Client plan approved")
    PLAN_REVIEW_BROUGHT_FORWARD = "plan_review_forward", _("Client plan review brought forward")
    MEASURE_DECIDED = "measure_decided", _("Measure decided")
    MEASURE_EXTENDED = "measure_extended", _("Emergency placement extended")
    MEASURE_ENDED = "measure_ended", _("Measure ended")
    CASE_CLOSED = "case_closed", _("Case closed")
    FAMILY_MEMBER_ADDED = "family_member_added", _("Family member recorded")
    REFERRAL_MADE = "referral_made", _("Referred to a support service")
    REFERRAL_STEP = "referral_step", _("Referral moved on")
    CONTRIBUTION_REQUESTED = "contribution_requested", _("A partner was asked to contribute")
    CONTRIBUTION_RECEIVED = "contribution_received", _("A partner's statement received")
    CONSULTATION_ASKED = "consultation_asked", _("Consultation asked")
    CONSULTATION_ANSWERED = "consultation_answered", _("Consultation answered")
    NETWORK_MEETING_PLANNED = "network_meeting_planned", _("Network meeting planned")
    NETWORK_MEETING_HELD = "network_meeting_held", _("Network meeting held")
    NETWORK_MEETING_ENTERED = (
        "network_meeting_entered",
        _("Network meeting held, entered afterwards"),
    )
    SAFETY_ALERT = "safety_alert", _('The child said "I don\'t feel safe" in the portal')
    SAFETY_ALERT_HANDLED = "safety_alert_handled", _("Safety alert handled")
    CLIENT_VOICE = "client_voice", _("The client's own voice before a meeting")
    PORTAL_VISIBILITY = "portal_visibility", _("What a guardian sees in the portal changed")
    PERSON_CORRECTED = "person_corrected", _("Personal details corrected")
    INTAKE_CORRECTED = "intake_corrected", _("Intake corrected")
    CHILD_IDENTIFIED = "child_identified", _("The child was identified")
    ATTACHMENT_ADDED = "attachment_added", _("A file was attached")
    ATTACHMENT_REMOVED = "attachment_removed", _("An attached file was removed")
    CONTACT_CHANGED = "contact_changed", _("Contact details recorded or corrected")
    NON_DISCLOSURE_MARKED = "non_disclosure_marked", _("Non-disclosure for personal safety marked")
    NON_DISCLOSURE_REMOVED = (
        "non_disclosure_removed",
        _("Non-disclosure for personal safety removed"),
    )
    DECISION_SIGNED = "decision_signed", _("Decision signed")
    DECISION_CORRECTED = "decision_corrected", _("A signed decision was corrected by a new one")
    DECISION_SERVED = "decision_served", _("Decision served to a party")
    LETTER_SENT = "letter_sent", _("Letter sent to the family")
    RELATIONSHIP_CORRECTED = "relationship_corrected", _("Family relation corrected")
    CLIENT_NOTE = "client_note", _("Client note")
    CLIENT_NOTE_AMENDED = "client_note_amended", _("Client note amended")
    ARCHIVE_EXPORT_REQUESTED = "archive_export_requested", _("Archive export asked for")
    ARCHIVE_EXPORT_DOWNLOADED = "archive_export_downloaded", _("Archive export downloaded")


class ChronologyEvent(models.Model):
    """One line of the case chronology, written by the service that made the change.

    ``detail`` holds a choice code where the event has one, or the count of a held
    network meeting's agreed actions (both shown in the reader's language), otherwise a
    name or a date.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    detail = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # The signed client note the line stands for: the chronology links to it and shows its
    # type; the note's text stays in the note.
    client_note = models.ForeignKey(
        ClientNote, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["occurred_at", "pk"]
        indexes = [models.Index(fields=["case", "occurred_at"], name="event_case_time_idx")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.kind}"

    @property
    def detail_display(self) -> str:
        choices = DETAIL_CHOICES.get(self.kind)
        if choices is not None and self.detail in choices.values:
            return str(choices(self.detail).label)
        if self.kind == EventKind.NETWORK_MEETING_HELD and self.detail.isdigit():
            n = int(self.detail)
            return ngettext("%(count)d agreed action", "%(count)d agreed actions", n) % {"count": n}
        return self.detail


DETAIL_CHOICES: dict[str, type[models.TextChoices]] = {
    EventKind.INTAKE_RECEIVED: IntakeKind,
    EventKind.URGENCY_ASSESSED: Urgency,
    EventKind.INTAKE_DECIDED: IntakeDecision,
    EventKind.ASSESSMENT_COMPLETED: AssessmentConclusion,
    EventKind.MEASURE_DECIDED: MeasureKind,
    EventKind.MEASURE_ENDED: MeasureKind,
    EventKind.CLIENT_NOTE: NoteType,
    EventKind.CLIENT_NOTE_AMENDED: NoteType,
}
