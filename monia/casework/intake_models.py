"""Intakes: how a child welfare matter comes in (vireilletulo, LsL 25–25 c §, SHL 35 §).

Importable from ``monia.casework.models`` like every model of the app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from monia.casework.notifier import NotifierType, notifier_constraints
from monia.people.models import Correction


class IntakeKind(models.TextChoices):
    NOTIFICATION = "notification", _("Child welfare notification (LsL 25 §)")
    REQUEST_WITH_FAMILY = (
        "request_with_family",
        _("Request for assessment made together with the family (LsL 25 a §)"),
    )
    CONTACT_SHL35 = "contact_shl35", _("Contact about the need for social welfare (SHL 35 §)")
    PRE_BIRTH = "pre_birth", _("Pre-birth notification (LsL 25 c §)")


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    FORM = "form", _("Written form")
    ELECTRONIC = "electronic", _("Electronic form")
    IN_PERSON = "in_person", _("In person")


class Sector(models.TextChoices):
    SCHOOL = "school", _("School and student welfare")
    EARLY_EDUCATION = "early_education", _("Early childhood education")
    HEALTH_CARE = "health_care", _("Health care")
    CHILD_PSYCHIATRY = "child_psychiatry", _("Child and adolescent psychiatry")
    MENTAL_HEALTH_SUBSTANCE = "mental_health_substance", _("Mental-health and substance services")
    SOCIAL_SERVICES = "social_services", _("Social services")
    YOUTH_SERVICES = "youth_services", _("Youth services")
    POLICE = "police", _("Police")
    EMERGENCY_SERVICES = "emergency_services", _("Rescue and emergency services")
    PARISH = "parish", _("Parish or religious community")
    NGO = "ngo", _("NGO")
    OTHER = "other", _("Other")


class FamilyInformed(models.TextChoices):
    YES = "yes", _("The family was told about the notification")
    NO = "no", _("The family was not told")
    UNKNOWN = "unknown", _("Not known")


class Urgency(models.TextChoices):
    URGENT = "urgent", _("Urgent: needs immediate measures")
    NOT_URGENT = "not_urgent", _("Not urgent")


class IntakeDecision(models.TextChoices):
    START_ASSESSMENT = "start_assessment", _("Start a service-needs assessment")
    JOIN_ASSESSMENT = "join_assessment", _("Joined to the ongoing assessment")
    NO_ACTION = "no_action", _("Clearly no action needed")
    # A notification about a child who is a client now opens no new assessment: it is
    # handled within the client relationship, whose plan is reviewed (LsL 30 §).
    CLIENT_RELATIONSHIP = (
        "client_relationship",
        _("Handled within the existing client relationship (the plan is reviewed)"),
    )


class Intake(models.Model):
    """A matter coming in (vireilletulo): notification, request, contact or pre-birth notice.

    The notifier's identity is part of the record; an anonymous private
    notifier's identity is never recorded (``notifier.py``, LsL 25 §).
    """

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="intakes")
    kind = models.CharField(_("kind"), max_length=30, choices=IntakeKind.choices)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField(_("received"))
    notifier_type = models.CharField(_("notifier"), max_length=20, choices=NotifierType.choices)
    notifier_sector = models.CharField(
        _("sector"), max_length=30, choices=Sector.choices, blank=True
    )
    notifier_name = models.CharField(_("notifier's name"), max_length=200, blank=True)
    notifier_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    notifier_phone = models.CharField(_("phone"), max_length=40, blank=True)
    notifier_email = models.EmailField(_("e-mail"), blank=True)
    family_informed = models.CharField(
        _("what the notifier told the family"),
        max_length=10,
        choices=FamilyInformed.choices,
        default=FamilyInformed.UNKNOWN,
    )
    family_participated = models.BooleanField(
        _("made together with the child or parent"), default=False
    )
    content = models.TextField(_("content of the notification"))
    police_report_suspected = models.BooleanField(
        _("suspected sexual abuse or violent crime (police report also due)"), default=False
    )
    decision_due = models.DateField(_("decision due"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    submission_key = models.UUIDField(unique=True, null=True, blank=True)

    urgency = models.CharField(_("urgency"), max_length=20, choices=Urgency.choices, blank=True)
    urgency_assessed_at = models.DateTimeField(_("urgency assessed"), null=True, blank=True)
    urgency_note = models.TextField(_("urgency assessment"), blank=True)
    urgency_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    decision = models.CharField(
        _("decision"), max_length=30, choices=IntakeDecision.choices, blank=True
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_reason = models.TextField(_("reasons"), blank=True)
    family_told_on = models.DateField(_("child or guardian told on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Handled within the client relationship: what is done, and the plan review brought
    # forward (the plan in force, and the new date by which it is reviewed).
    client_action = models.TextField(_("what is done within the client relationship"), blank=True)
    reviewed_plan = models.ForeignKey(
        "casework.ClientPlan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews_brought_forward",
    )
    plan_review_by = models.DateField(_("plan review brought forward to"), null=True, blank=True)

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        ordering = ["-received_at"]
        constraints = [
            *notifier_constraints("intake"),  # LsL 25 §, as for e-notifications
            models.CheckConstraint(
                condition=models.Q(decision="") | models.Q(decided_on__isnull=False),
                name="intake_decision_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(decision="client_relationship") | ~models.Q(client_action=""),
                name="intake_client_relationship_says_what_is_done",
            ),
            models.CheckConstraint(
                condition=models.Q(plan_review_by__isnull=True)
                | models.Q(reviewed_plan__isnull=False),
                name="intake_plan_review_names_the_plan",
            ),
        ]
        indexes = [
            models.Index(fields=["decision", "decision_due"], name="intake_pending_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_at:%Y-%m-%d}"


class IntakeCorrection(Correction):
    """A correction of an intake's text or notifier, the old value kept (GDPR art. 16)."""

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="corrections")
    corrected_model = Intake

    class Meta(Correction.Meta):
        verbose_name = _("correction of an intake")
        verbose_name_plural = _("corrections of intakes")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason=""), name="intake_correction_has_reason"
            ),
            # LsL 25 §: an anonymous notifier's identity is not kept in the history either.
            models.CheckConstraint(
                condition=models.Q(old_value_erased=False) | models.Q(old_value=""),
                name="intake_correction_erased_is_empty",
            ),
        ]
