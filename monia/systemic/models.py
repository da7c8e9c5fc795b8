"""The systemic team's workspace (systeeminen toimintamalli): the weekly meeting, its
agenda, the team's reflections and hypotheses about each family, flags, next steps and
the family's life events.

The legal responsibility stays with the designated worker; the thinking the team does
together is kept with the family's record here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CLOSED = "closed", _("Closed")


class TeamMeeting(models.Model):
    """The team's weekly meeting (systeeminen viikkokokous)."""

    team = models.ForeignKey("teams.Team", on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField(_("date"))
    status = models.CharField(
        max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    guests = models.TextField(
        _("guests"), blank=True, help_text=_("Others present, one name a line.")
    )
    attendance_recorded_at = models.DateTimeField(null=True, blank=True)
    attendance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("team meeting")
        verbose_name_plural = _("team meetings")
        ordering = ["-held_on"]
        constraints = [
            models.UniqueConstraint(fields=["team", "held_on"], name="meeting_one_per_team_day"),
        ]

    def __str__(self) -> str:
        return f"{self.team} {self.held_on}"

    @property
    def guest_names(self) -> list[str]:
        return [line.strip() for line in self.guests.splitlines() if line.strip()]


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    APOLOGISED = "apologised", _("Sent apologies")
    ABSENT = "absent", _("Absent")


class MeetingAttendance(models.Model):
    """Whether a team member took part in a weekly meeting, as the team recorded it: the
    minutes list those present and those who sent apologies (läsnä, estyneet)."""

    meeting = models.ForeignKey(TeamMeeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("attendance"), max_length=10, choices=AttendanceStatus.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} {self.member_id} {self.status}"


class AgendaReason(models.TextChoices):
    DECISION_PENDING = "decision_pending", _("Intake awaiting the 7-day decision")
    DEADLINE_SOON = "deadline_soon", _("Deadline within 10 working days")
    PLAN_REVIEW = "plan_review", _("Client plan due for review")
    FLAGGED = "flagged", _("Flagged for reflection")
    NOT_DISCUSSED = "not_discussed", _("Not discussed for a while")
    ADDED = "added", _("Added by the team")


class AgendaItem(models.Model):
    """A family on a meeting's agenda, in the order the team chose."""

    meeting = models.ForeignKey(TeamMeeting, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField()
    reasons = models.JSONField(default=list)  # AgendaReason values
    discussed = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="agenda_case_once"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}#{self.position}"

    @property
    def reason_labels(self) -> list[str]:
        return [str(AgendaReason(r).label) for r in self.reasons if r in AgendaReason.values]


class Reflection(models.Model):
    """What the team thought about one family at one meeting."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="reflection")
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="reflections")
    worries = models.TextField(_("what worries us"), blank=True)
    working_well = models.TextField(_("what is working"), blank=True)
    family_view = models.TextField(_("the family's own view"), blank=True)
    therapist_action = models.TextField(_("what the family therapist will do"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    lock_version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"reflection {self.pk}"


class HypothesisStatus(models.TextChoices):
    OPEN = "open", _("Open")
    SUPPORTED = "supported", _("Supported")
    SET_ASIDE = "set_aside", _("Set aside")


class Hypothesis(models.Model):
    """One of the team's working explanations of the family's situation
    (hypoteesityöskentely). Kept and revised from meeting to meeting."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="hypotheses")
    statement = models.TextField(_("hypothesis"))
    supports = models.TextField(_("what supports it"), blank=True)
    test = models.TextField(_("what would test it"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=HypothesisStatus.choices, default=HypothesisStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("hypothesis")
        verbose_name_plural = _("hypotheses")
        ordering = ["status", "created_at"]

    def __str__(self) -> str:
        return self.statement[:60]


class HypothesisRevision(models.Model):
    """How a hypothesis stood after a meeting: its history."""

    hypothesis = models.ForeignKey(Hypothesis, on_delete=models.CASCADE, related_name="revisions")
    meeting = models.ForeignKey(TeamMeeting, on_delete=models.PROTECT, null=True, related_name="+")
    statement = models.TextField()
    supports = models.TextField(blank=True)
    test = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=HypothesisStatus.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"revision {self.pk}"


class NextStep(models.Model):
    """An agreed next step with an owner and a due date; shown on the owner's dashboard."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="next_steps")
    meeting = models.ForeignKey(
        TeamMeeting, on_delete=models.PROTECT, null=True, blank=True, related_name="next_steps"
    )
    description = models.TextField(_("next step"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="tasks",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("next step")
        verbose_name_plural = _("next steps")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner", "done_on", "due_on"], name="task_owner_idx")]

    def __str__(self) -> str:
        return self.description[:60]


class CaseFlag(models.Model):
    """A team member asks the team to reflect on a family at the next meeting."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="flags")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("why the team should reflect on this family"))
    raised_at = models.DateTimeField(auto_now_add=True)
    resolved_in = models.ForeignKey(
        TeamMeeting, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "raised_by"],
                condition=models.Q(resolved_in__isnull=True),
                name="flag_one_open_per_member",
            ),
        ]

    def __str__(self) -> str:
        return f"flag {self.pk}"


class LifeEvent(models.Model):
    """Something that happened in the family's life, for the timeline (aikajana)."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="life_events")
    occurred_on = models.DateField(_("when"))
    title = models.CharField(_("what happened"), max_length=200)
    description = models.TextField(_("details"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_on", "pk"]

    def __str__(self) -> str:
        return self.title


# --- The family's diagrams: genogram (sukupuu) and ecomap (verkostokartta) -----------


class TieQuality(models.TextChoices):
    """How two family members get on, as the genogram's emotional lines show it."""

    CLOSE = "close", pgettext_lazy("relationship", "Close")
    VERY_CLOSE = "very_close", _("Very close")
    CONFLICTUAL = "conflictual", _("Conflictual")
    DISTANT = "distant", _("Distant")
    CUT_OFF = "cut_off", _("Cut off")
    HOSTILE = "hostile", _("Hostile")


class EmotionalTie(models.Model):
    """An emotional relationship between two family members, drawn on the genogram."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="emotional_ties"
    )
    person_a = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    person_b = models.ForeignKey(
        "people.Person",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=pgettext_lazy("between two people", "and"),
    )
    quality = models.CharField(_("relationship"), max_length=12, choices=TieQuality.choices)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("emotional tie")
        verbose_name_plural = _("emotional ties")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(person_a=models.F("person_b")),
                name="emotional_tie_two_persons",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_a_id} {self.quality} {self.person_b_id}"


class NetworkKind(models.TextChoices):
    RELATIVE = "relative", _("Relative")
    FRIEND = "friend", _("Friend")
    SCHOOL = "school", _("School")
    EARLY_EDUCATION = "early_education", _("Early childhood education")
    HOBBY = "hobby", _("Hobby")
    HEALTH_CARE = "health_care", _("Health care")
    CHILD_PSYCHIATRY = "child_psychiatry", _("Child and adolescent psychiatry")
    SOCIAL_SERVICES = "social_services", _("Social services")
    YOUTH_SERVICES = "youth_services", _("Youth services")
    NGO = "ngo", _("NGO")
    OTHER = "other", _("Other")


class TieStrength(models.TextChoices):
    STRONG = "strong", _("Strong")
    MODERATE = "moderate", _("Moderate")
    WEAK = "weak", _("Weak")


class NetworkQuality(models.TextChoices):
    SUPPORTIVE = "supportive", _("Supportive")
    STRESSFUL = "stressful", _("Stressful")
    MIXED = "mixed", _("Both supportive and stressful")


class NetworkTie(models.Model):
    """A person, group or service in the child's network, drawn on the ecomap."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="network_ties")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=NetworkKind.choices)
    strength = models.CharField(_("strength"), max_length=10, choices=TieStrength.choices)
    quality = models.CharField(_("quality"), max_length=12, choices=NetworkQuality.choices)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("network tie")
        verbose_name_plural = _("network ties")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name


class DiagramKind(models.TextChoices):
    GENOGRAM = "genogram", _("Genogram")
    ECOMAP = "ecomap", _("Ecomap")


class DiagramSnapshot(models.Model):
    """The input data of a diagram as it stood at a meeting or when a version was saved,
    so the team can look back at how the family and its network were understood."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="diagram_snapshots"
    )
    meeting = models.ForeignKey(
        TeamMeeting, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=DiagramKind.choices)
    data = models.JSONField()
    taken_at = models.DateTimeField(auto_now_add=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The "Save a version" page's form key: sent again ("Back", a double click), one version.
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-taken_at", "-pk"]
        indexes = [models.Index(fields=["case", "kind", "taken_at"], name="snapshot_case_kind_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.case_id} {self.taken_at:%Y-%m-%d}"
