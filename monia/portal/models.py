"""The participation portal: clients' own door into Monia.

A client (a young person from 12, a guardian, a young adult in aftercare) logs in with
strong electronic identification; the identity code links the login to the person's
rows in the counties' registers. What each client may see is decided in
``monia/access/policy.py`` (portal block); the worker decides what a guardian may not
see (``GuardianRestriction``), as professionals restrict display in OmaKanta.
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


class GuardianRestriction(models.Model):
    """A document of the case hidden from one guardian, because showing it would
    endanger the child (the worker's decision, with reasons)."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="guardian_restrictions"
    )
    document_key = models.CharField(max_length=40)  # "plan:12", "measure:3" …
    guardian = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("reason"))
    restricted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    restricted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document hidden from a guardian")
        verbose_name_plural = _("documents hidden from guardians")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "document_key", "guardian"], name="guardian_restriction_unique"
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="restriction_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.document_key} hidden from {self.guardian_id}"


class PlainPlan(models.Model):
    """The client plan told in plain words for the child and the family."""

    case = models.OneToOneField("casework.Case", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("the plan in plain words"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("plan in plain words")
        verbose_name_plural = _("plans in plain words")

    def __str__(self) -> str:
        return f"plain plan {self.case_id}"


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
