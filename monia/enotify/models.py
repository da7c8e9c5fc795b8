"""The electronic child welfare notification (sähköinen lastensuojeluilmoitus, LsL 25 §).

A notification sent through the public form waits here, as the notifier typed it,
until a worker of the county converts it into an ``Intake`` (or rejects it as spam).
Until then the child data in it is not linked to a person, so reads are logged in
``ENotificationAccess`` rather than ``AccessLog`` (which needs a person); the conversion
moves them into the child's ``AccessLog``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from monia.casework.models import FamilyInformed, IntakeKind, NotifierType, Sector
from monia.casework.notifier import notifier_constraints

# Maximum length of the free-text content, checked by the form and the service.
CONTENT_MAX_LENGTH = 10_000
# A child who cannot be named is described: at most this many characters.
DESCRIPTION_MAX_LENGTH = 2_000
# The oldest age a notifier may guess: a child is under 18.
APPROXIMATE_AGE_MAX = 17


class ENotificationKind(models.TextChoices):
    """The three intakes the public form accepts (a subset of ``IntakeKind``)."""

    NOTIFICATION = IntakeKind.NOTIFICATION.value, IntakeKind.NOTIFICATION.label
    REQUEST_WITH_FAMILY = (
        IntakeKind.REQUEST_WITH_FAMILY.value,
        IntakeKind.REQUEST_WITH_FAMILY.label,
    )
    PRE_BIRTH = IntakeKind.PRE_BIRTH.value, IntakeKind.PRE_BIRTH.label


class ENotificationStatus(models.TextChoices):
    NEW = "new", _("New")
    CONVERTED = "converted", _("Converted into an intake")
    REJECTED_SPAM = "rejected_spam", _("Rejected as spam")


class ENotification(models.Model):
    """One notification received through the public form, stored as entered."""

    county = models.ForeignKey(
        "teams.County", on_delete=models.PROTECT, related_name="e_notifications"
    )
    reference = models.CharField(_("reference"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=ENotificationKind.choices)
    received_at = models.DateTimeField(_("received"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ENotificationStatus.choices,
        default=ENotificationStatus.NEW,
    )

    notifier_type = models.CharField(_("notifier"), max_length=20, choices=NotifierType.choices)
    notifier_sector = models.CharField(
        _("sector"), max_length=30, choices=Sector.choices, blank=True
    )
    notifier_name = models.CharField(_("notifier's name"), max_length=200, blank=True)
    notifier_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    notifier_phone = models.CharField(_("phone"), max_length=40, blank=True)
    notifier_email = models.EmailField(_("e-mail"), blank=True)

    child_first_names = models.CharField(_("first names"), max_length=200, blank=True)
    child_last_name = models.CharField(_("last name"), max_length=200, blank=True)
    child_identity_code = models.CharField(_("personal identity code"), max_length=11, blank=True)
    child_birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    child_expected_birth_date = models.DateField(_("expected date of birth"), null=True, blank=True)
    child_municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    # A child the notifier cannot name is recorded as told: "the boy of about eight in
    # stairway B, flat 12". The staff link the notification to a person later.
    child_approximate_age = models.PositiveSmallIntegerField(
        _("approximate age"), null=True, blank=True
    )
    child_address = models.CharField(_("address"), max_length=300, blank=True)
    child_description = models.TextField(_("description of the child"), blank=True)
    guardians = models.TextField(_("guardians"), blank=True)
    family_informed = models.CharField(
        _("whether the family knows"),
        max_length=10,
        choices=FamilyInformed.choices,
        default=FamilyInformed.UNKNOWN,
    )
    content = models.TextField(_("content of the notification"))
    crime_suspected = models.BooleanField(
        _("sexual abuse or a violent crime is suspected"), default=False
    )

    ip_hash = models.CharField(max_length=64, editable=False)
    # The form session it was sent with (a hash of the signed token's nonce, see
    # ``enotify.gate``); empty when the form came without a valid token.
    form_session = models.CharField(max_length=64, blank=True, editable=False)
    submission_key = models.UUIDField(unique=True)
    intake = models.ForeignKey(
        "casework.Intake",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="e_notifications",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("electronic child welfare notification")
        verbose_name_plural = _("electronic child welfare notifications")
        ordering = ["received_at"]
        constraints = [
            *notifier_constraints("enotification"),  # LsL 25 §, as for intakes
            models.CheckConstraint(
                condition=~models.Q(status="converted") | models.Q(intake__isnull=False),
                name="enotification_converted_has_intake",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("content"), CONTENT_MAX_LENGTH),
                name="enotification_content_max_length",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("child_description"), DESCRIPTION_MAX_LENGTH),
                name="enotification_description_max_length",
            ),
            models.CheckConstraint(
                condition=models.Q(child_approximate_age__isnull=True)
                | models.Q(child_approximate_age__lte=APPROXIMATE_AGE_MAX),
                name="enotification_approximate_age_of_a_child",
            ),
        ]
        indexes = [
            models.Index(fields=["county", "status", "received_at"], name="enotif_queue_idx"),
            models.Index(fields=["ip_hash", "received_at"], name="enotif_rate_idx"),
            models.Index(
                fields=["form_session"],
                condition=~models.Q(form_session=""),
                name="enotif_form_session_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class ENotificationAccess(models.Model):
    """Who read which e-notification, when and why.

    ``AccessLog`` rows name a person, but the child in an e-notification is only text
    typed by the notifier until a worker links it to a person; the read of that text is
    still a read of client data (Act 703/2023), so it is logged here, in the same
    transaction as the read. When the notification is converted into the child's intake,
    its rows move into ``AccessLog`` for the child, with their times.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    enotification = models.ForeignKey(
        ENotification, on_delete=models.PROTECT, related_name="accesses"
    )
    at = models.DateTimeField(auto_now_add=True)
    purpose = models.CharField(max_length=60)
    # The hash chain of the county's log (migration access.0007): written by the
    # database's insert trigger, never by Django; ``verify_log_chain`` checks it. NULL:
    # a row written with the triggers off (the verifier names it).
    chain_seq = models.BigIntegerField(null=True, editable=False)
    chain_hash = models.CharField(max_length=64, null=True, editable=False)  # noqa: DJ001

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.enotification_id} ({self.purpose})"
