"""Measures: support, placements, care orders and aftercare, with the law's time limits.

Importable from ``monia.casework.models`` like every model of the app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MeasureKind(models.TextChoices):
    COMMUNITY_SUPPORT = "community_support", _("Community-based support (LsL 34–36 §)")
    PLACEMENT_AS_SUPPORT = "placement_as_support", _("Placement as a support measure (LsL 37 §)")
    EMERGENCY_PLACEMENT = "emergency_placement", _("Emergency placement (LsL 38 §)")
    CARE_ORDER = "care_order", _("Care order (LsL 40 §)")
    SUBSTITUTE_CARE = "substitute_care", _("Substitute care")
    AFTERCARE = "aftercare", _("Aftercare (LsL 75 §)")


PLACEMENT_KINDS = frozenset(
    {
        MeasureKind.PLACEMENT_AS_SUPPORT,
        MeasureKind.EMERGENCY_PLACEMENT,
        MeasureKind.SUBSTITUTE_CARE,
    }
)


class SupportType(models.TextChoices):
    """Examples of community-based support listed in LsL 36 §, plus SHL services."""

    CLARIFYING = "clarifying", _("Clarifying the problem situation")
    FINANCIAL = "financial", _("Financial and other support")
    THERAPY = "therapy", _("Treatment and therapy")
    INTENSIFIED_FAMILY_WORK = "intensified_family_work", _("Intensified family work")
    FAMILY_REHABILITATION = "family_rehabilitation", _("Family rehabilitation")
    SUPPORT_PERSON = "support_person", _("Support person or support family")
    PEER_GROUP = "peer_group", _("Peer group")
    OTHER = "other", _("Other support")


class CareForm(models.TextChoices):
    FAMILY_CARE = "family_care", _("Family care (perhehoito)")
    INSTITUTIONAL_CARE = "institutional_care", _("Institutional care (laitoshoito)")
    OTHER = "other", _("Other arrangement")


class SupportPlacementType(models.TextChoices):
    """With whom a child is placed as a support measure (LsL 37 §): the national
    classification's own list ("Sijoituksen laji", 1.2.246.537.6.1215). Only a child placed
    alone gains a right to aftercare from the placement (LsL 75 § 1 mom)."""

    WITH_PARENT = "with_parent", _("Together with a parent or guardian")
    ALONE = "alone", _("Alone, without the parents (LsL 37 § 2 mom)")
    PRISON_FAMILY_UNIT = (
        "prison_family_unit",
        _("With a parent in a prison's family unit (LsL 37 § 3 mom)"),
    )


class DecisionBody(models.TextChoices):
    SOCIAL_WORKER = "social_worker", _("Social worker")
    SENIOR_OFFICIAL = "senior_official", _("Senior official (with consent)")
    ADMINISTRATIVE_COURT = "administrative_court", _("Administrative court (on objection)")


class Measure(models.Model):
    """A decision on a measure and its period, with the law's own time limits."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="measures")
    kind = models.CharField(_("measure"), max_length=30, choices=MeasureKind.choices)
    support_type = models.CharField(
        _("type of support"), max_length=30, choices=SupportType.choices, blank=True
    )
    care_form = models.CharField(
        _("form of care"), max_length=30, choices=CareForm.choices, blank=True
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    # A placement as a support measure only; blank on one recorded before it was asked.
    support_placement_type = models.CharField(
        _("type of placement"), max_length=20, choices=SupportPlacementType.choices, blank=True
    )
    decided_on = models.DateField(_("decided on"))
    decision_body = models.CharField(
        _("decided by"),
        max_length=30,
        choices=DecisionBody.choices,
        default=DecisionBody.SOCIAL_WORKER,
    )
    started_on = models.DateField(_("starts"))
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    expires_on = models.DateField(_("expires"), null=True, blank=True)
    extended_to = models.DateField(_("extended to"), null=True, blank=True)
    details = models.TextField(_("details"), blank=True)
    # LsL 32 §: before a placement the child's close network is mapped (läheisverkoston
    # kartoitus); the national decision definitions record whether it was (Sosmeta).
    close_network_mapped = models.BooleanField(
        _("the child's close network was mapped (LsL 32 §)"), null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    submission_key = models.UUIDField(unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="measure_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="emergency_placement")
                | models.Q(expires_on__isnull=False),
                name="measure_emergency_placement_expires",
            ),
            models.CheckConstraint(
                condition=models.Q(extended_to__isnull=True)
                | (
                    models.Q(kind="emergency_placement")
                    & models.Q(extended_to__gt=models.F("expires_on"))
                ),
                name="measure_only_emergency_placement_extends",
            ),
            models.CheckConstraint(
                condition=models.Q(support_placement_type="")
                | models.Q(kind="placement_as_support"),
                name="measure_placement_type_only_for_support_placement",
            ),
        ]

    def __str__(self) -> str:
        # Shown as a choice on the pages (a new decision's measure): no English word, the
        # date as d.m.yyyy like every date a worker reads.
        day = self.started_on
        return f"{self.get_kind_display()} · {day.day}.{day.month}.{day.year}"


class ConsentParty(models.TextChoices):
    GUARDIAN = "guardian", _("Guardian")
    CHILD = "child", _("The child (12 or older)")


class ConsentAnswer(models.TextChoices):
    CONSENTED = "consented", _("Consented")
    OBJECTED = "objected", _("Objected")
    NOT_ASKED = "not_asked", _("Not asked")


class MeasureConsent(models.Model):
    """The consent of a guardian or of the child aged 12 or older to a measure that needs
    it (suostumus): a placement as a support measure (LsL 37 §), a care order the senior
    official decides (LsL 43 §: an objection takes it to the administrative court) — or the
    reason it was not asked, recorded."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="consents")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    party = models.CharField(_("who"), max_length=10, choices=ConsentParty.choices)
    answer = models.CharField(_("answer"), max_length=10, choices=ConsentAnswer.choices)
    given_on = models.DateField(_("given on"), null=True, blank=True)
    not_asked_reason = models.TextField(_("why it was not asked"), blank=True)

    class Meta:
        verbose_name = _("consent to a measure")
        verbose_name_plural = _("consents to measures")
        ordering = ["party", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "person"], name="measure_consent_once"),
            models.CheckConstraint(
                condition=(models.Q(answer="not_asked") & ~models.Q(not_asked_reason=""))
                | (
                    models.Q(answer__in=["consented", "objected"])
                    & models.Q(given_on__isnull=False)
                ),
                name="measure_consent_dated_or_reasoned",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.answer} by person {self.person_id} to measure {self.measure_id}"
