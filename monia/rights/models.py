"""Four eyes on access rights (issue 11, item 1): a change of what a staff account may
reach is a request that another administrator decides, and every step is written to an
append-only log.

``RightsChange`` is one request: who asked, when, why, and for each field its value when
asked and the value asked for (``changes``: ``{"role": {"old": …, "new": …}}``, ids for
the county, team and organisation). ``RightsLogEntry`` is one event; the database refuses
to update, delete or empty its table (migration ``rights.0002``), like the access logs.
Neither ever holds a password or a password link.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeKind(models.TextChoices):
    CREATE = "create", _("New account")
    CHANGE = "change", _("Change of rights")


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved and applied")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    STALE = "stale", _("Refused: the account changed after the request")


class RightsChange(models.Model):
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="rights_changes",
        verbose_name=_("staff member"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ChangeKind.choices)
    changes = models.JSONField(_("changes"))
    reason = models.TextField(_("reason"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="rights_requested",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rights_decided",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("change of access rights")
        verbose_name_plural = _("changes of access rights")
        constraints = [
            # One request waits per account at a time: the next one is made after it.
            models.UniqueConstraint(
                fields=["subject"],
                condition=models.Q(status="pending"),
                name="one_pending_rights_change_per_user",
            ),
            # Four eyes in the table itself: the decider is neither the requester nor the
            # subject — except a requester who withdraws their own request.
            models.CheckConstraint(
                condition=models.Q(decided_by__isnull=True)
                | models.Q(status="withdrawn")
                | models.Q(status="stale")
                | (
                    ~models.Q(decided_by=models.F("requested_by"))
                    & ~models.Q(decided_by=models.F("subject"))
                ),
                name="rights_change_decided_by_another",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"


class RightsEvent(models.TextChoices):
    BOOTSTRAP = "bootstrap", _("First administrator created (bootstrap)")
    ACCOUNT_CREATED = "account_created", _("Account created")
    REQUESTED = "requested", _("Change requested")
    APPROVED = "approved", _("Change approved")
    REJECTED = "rejected", _("Change rejected")
    APPLIED = "applied", _("Change applied")
    DEACTIVATED = "deactivated", _("Account deactivated")
    EMAIL_CHANGED = "email_changed", _("E-mail address changed")
    PASSWORD_LINK_SENT = "password_link_sent", _("Password link sent")
    PASSWORD_SET = "password_set", _("Password set with a link")
    SSO_LINKED = "sso_linked", _("Linked to single sign-on at the first login")


class RightsLogEntry(models.Model):
    """One event of the rights log. Append-only: the database refuses UPDATE, DELETE and
    TRUNCATE. The names are copied, so an entry reads the same after a rename."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    event = models.CharField(_("event"), max_length=20, choices=RightsEvent.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
        help_text=_("Empty: the bootstrap command on the server."),
    )
    actor_name = models.CharField(_("by (name)"), max_length=150, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="rights_log",
        verbose_name=_("staff member"),
    )
    subject_name = models.CharField(_("staff member (name)"), max_length=150)
    change = models.ForeignKey(
        RightsChange,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="log",
        verbose_name=_("request"),
    )
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("rights log entry")
        verbose_name_plural = _("rights log")

    def __str__(self) -> str:
        return f"{self.get_event_display()}: {self.subject_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:  # the database refuses it too; fail before asking
            raise ValueError("The rights log is append-only.")
        super().save(*args, **kwargs)
