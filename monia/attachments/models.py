"""Files attached to the record (liitteet): on an intake, a public e-notification, a
partner's statement, a network meeting, a client note.

One model for every owner, with one nullable foreign key per kind of owner and a database
constraint that exactly one owner holds the file (an e-notification's file also joins the
intake it becomes). Each owner keeps its own access rule: the file is read only through
it (the owner app's view asks its rule, then ``responses.attachment_response``), so no
generic foreign key can open a file past the rule that guards its owner.

The file itself is in the ``attachments`` storage (``settings.STORAGES``) under a random
name; the row keeps the original name (sanitised), the kind read from the content, the
size and a SHA-256. A removed attachment keeps its row — who added it, who removed it,
when — but not its content.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OwnerKind(models.TextChoices):
    INTAKE = "intake", _("Intake")
    ENOTIFICATION = "enotification", _("Electronic notification")
    CONTRIBUTION = "contribution", _("Partner's statement")
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    NOTE = "note", _("Client note")


# The owners' foreign keys; a new owner adds its key here, to the constraint below and
# to OwnerKind, with a migration.
OWNER_FIELDS = ("intake", "enotification", "contribution", "network_meeting", "note")


def _only(*present: str) -> Q:
    """Exactly these owner fields are set, every other one is empty."""
    q = Q()
    for name in OWNER_FIELDS:
        q &= Q(**{f"{name}__isnull": name not in present})
    return q


class Attachment(models.Model):
    """One file attached to one record."""

    county = models.ForeignKey("teams.County", on_delete=models.PROTECT, related_name="+")
    # The child's case the file belongs to: empty only while an e-notification waits.
    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner_kind = models.CharField(_("attached to"), max_length=20, choices=OwnerKind.choices)
    intake = models.ForeignKey(
        "casework.Intake",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    enotification = models.ForeignKey(
        "enotify.ENotification",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    contribution = models.ForeignKey(
        "contrib.ContributionRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    network_meeting = models.ForeignKey(
        "netmeet.NetworkMeeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    # A client note's file: read as the note is (a draft's only by its author).
    note = models.ForeignKey(
        "casework.ClientNote",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    stored_name = models.CharField(max_length=100, unique=True, editable=False)
    original_name = models.CharField(_("file name"), max_length=160)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64, editable=False)
    # Empty: sent by a notifier through the public form.
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("added"))
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(owner_kind="intake") & _only("intake"))
                # An e-notification's file, and after conversion also the intake's.
                | (
                    Q(owner_kind="enotification")
                    & (_only("enotification") | _only("enotification", "intake"))
                )
                | (Q(owner_kind="contribution") & _only("contribution"))
                | (Q(owner_kind="network_meeting") & _only("network_meeting"))
                | (Q(owner_kind="note") & _only("note")),
                name="attachment_exactly_one_owner",
            ),
            models.CheckConstraint(
                condition=Q(case__isnull=False) | _only("enotification"),
                name="attachment_has_case_unless_enotification_waits",
            ),
            models.CheckConstraint(
                condition=Q(removed_at__isnull=True) | Q(removed_by__isnull=False),
                name="attachment_removal_names_who",
            ),
        ]
        indexes = [models.Index(fields=["case", "uploaded_at"], name="attachment_case_idx")]

    def __str__(self) -> str:
        return self.original_name

    @property
    def removed(self) -> bool:
        return self.removed_at is not None
