"""The participation portal: clients' own door into Monia.

A client (a young person from 12, a guardian, a young adult in aftercare) logs in with
strong electronic identification; the identity code links the login to the person's
rows in the counties' registers. What each client may see is decided in
``monia/portal/access.py``; a client reads a document only as the family version the worker
approved (``FamilyVersion``); the worker decides what a guardian may not see
(``GuardianRestriction``), as professionals restrict display in OmaKanta, and a young person
may ask for it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginMethod(models.TextChoices):
    SAML = "saml", _("Strong electronic identification")
    DEMO = "demo", _("Demo identification (not real)")


class ClientAccount(models.Model):
    """The portal login of one natural person, keyed by their identity code.

    The same person may be in several counties' registers (after a move); the account
    reaches every row with the same canonical identity code.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="client_account"
    )
    identity_code_canonical = models.CharField(max_length=11, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_method = models.CharField(max_length=10, choices=LoginMethod.choices)

    class Meta:
        verbose_name = _("client account")
        verbose_name_plural = _("client accounts")

    def __str__(self) -> str:
        return f"client account {self.pk}"


class ChildPortalAccess(models.Model):
    """The worker lets a child under 12 use the portal (LsL 20 §: the child's view is
    found out whatever the age)."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, related_name="portal_access"
    )
    allowed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    allowed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("portal access of a child under 12")
        verbose_name_plural = _("portal access of children under 12")

    def __str__(self) -> str:
        return f"portal access {self.person_id}"


class RestrictionStatus(models.TextChoices):
    REQUESTED = "requested", _("asked by the young person, not decided")
    IN_FORCE = "in_force", _("hidden from the guardian")
    DECLINED = "declined", _("the worker did not agree")


class GuardianRestriction(models.Model):
    """A document of the case (or a young person's My voice answer) not shown to one
    guardian: the worker's decision, with reasons.

    The worker hides a document where showing it would endanger the child; or a young
    person able to decide (from 12, the worker judges) asks in the portal that a guardian
    does not see it, and the worker decides — as a minor may forbid disclosure to guardians
    in health care (potilaslaki 785/1992, 9 §). A request is a row in ``REQUESTED`` until
    the worker agrees (``IN_FORCE``) or does not (``DECLINED``). Only rows in force hide.
    """

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="guardian_restrictions"
    )
    document_key = models.CharField(max_length=40)  # "plan:12", "measure:3", "voice:7" …
    guardian = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RestrictionStatus.choices,
        default=RestrictionStatus.IN_FORCE,
    )
    requested_by = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("asked by the young person"),
    )
    requested_at = models.DateTimeField(_("asked at"), null=True, blank=True)
    judged_able = models.BooleanField(
        _("the worker judged the young person able to decide"), null=True, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    restricted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    restricted_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("document hidden from a guardian")
        verbose_name_plural = _("documents hidden from guardians")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "document_key", "guardian"], name="guardian_restriction_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=RestrictionStatus.values),
                name="restriction_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status="requested") | ~models.Q(reason=""),
                name="restriction_has_reason",
            ),
            # A decision names who made it and when; a request not yet decided names nobody.
            models.CheckConstraint(
                condition=models.Q(
                    status="requested", restricted_by__isnull=True, restricted_at__isnull=True
                )
                | (
                    ~models.Q(status="requested")
                    & models.Q(restricted_by__isnull=False, restricted_at__isnull=False)
                ),
                name="restriction_decision_known",
            ),
            models.CheckConstraint(
                condition=models.Q(requested_by__isnull=True, requested_at__isnull=True)
                | models.Q(requested_by__isnull=False, requested_at__isnull=False),
                name="restriction_request_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="requested") | models.Q(requested_by__isnull=False),
                name="restriction_request_has_asker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_key} hidden from {self.guardian_id}"


class FamilyVersion(models.Model):
    """A document of the case told for the child and the family (perheen versio): what the
    participation portal shows of it, in plain words (for a child, at a nine-year-old's
    reading level). The worker writes it, or approves the suggested wording, per document;
    the professional text (a summary, a decision's reasons, a measure's details) never
    reaches the portal. Without a family version the portal shows only the document's plain
    title and date."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="+")
    document_key = models.CharField(max_length=40)  # "intake:4", "plan:12", "netmeet:3" …
    text = models.TextField(_("family version"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"))
    # Optimistic locking: the worker's form carries the version it showed; a save from an
    # older page is refused with the newer text shown (family_services.family_version_approve).
    lock_version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("family version")
        verbose_name_plural = _("family versions")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "document_key"], name="family_version_one_per_document"
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="family_version_has_text"),
        ]

    def __str__(self) -> str:
        return f"family version of {self.document_key}"


class SafetyAlert(models.Model):
    """The child or parent pressed "I don't feel safe": an urgent alert to the team, and
    outside office hours to the county's social emergency service as well."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="+")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    raised_at = models.DateTimeField(auto_now_add=True, db_index=True)
    outside_office_hours = models.BooleanField(_("raised outside office hours"), default=False)
    emergency_service_email = models.EmailField(
        _("also sent to the social emergency service"), blank=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_note = models.TextField(_("what was done"), blank=True)
    # The page's form session: a double press or a reload of the answer raises one alert.
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("safety alert")
        verbose_name_plural = _("safety alerts")
        ordering = ["-raised_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(handled_at__isnull=True)
                | (models.Q(handled_by__isnull=False) & ~models.Q(handled_note="")),
                name="safety_alert_handled_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"safety alert {self.pk}"
