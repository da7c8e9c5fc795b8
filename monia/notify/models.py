"""In-app notifications. A notification never holds client data: the message is a generic
msgid (translated when shown or mailed) and the link points to a page behind the policy."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    TASK = "task", _("Task")
    CONTRIBUTION = "contribution", _("Contribution request")
    CONSULTATION = "consultation", _("Consultation")
    INVITATION = "invitation", _("Invitation")


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    # A msgid such as "You have a new task" — never a name or case content.
    message = models.CharField(_("message"), max_length=200)
    link = models.CharField(_("link"), max_length=300)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]
        constraints = [
            # A relative, same-site path only: the open view redirects to it.
            models.CheckConstraint(
                condition=models.Q(link__startswith="/") & ~models.Q(link__startswith="//"),
                name="notification_link_relative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.user_id}"

    def message_text(self) -> str:
        """The message in the active language."""
        return gettext(self.message)
