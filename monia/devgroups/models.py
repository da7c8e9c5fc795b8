"""Developer groups (kehittäjäryhmä): staff, partners and experts by experience develop the
county's child welfare services together (issue 16). A group has members, meetings with an
agenda and a memo written afterwards, and a backlog of development ideas; an adopted idea may
link to the practice description it produced (e.g. an Innokylä toimintamallikuvaus).

No client data: a memo is the group's own text, and the page asks that no client is named.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeveloperGroup(models.Model):
    county = models.ForeignKey(
        "teams.County", on_delete=models.PROTECT, related_name="developer_groups"
    )
    name = models.CharField(_("name"), max_length=200)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Optimistic lock: an edit saved over someone else's newer edit is refused.
    version = models.PositiveIntegerField(default=0)
    # Who saved it last: a refused save tells "you saved it yourself" (another window, the
    # form sent twice) from "someone else saved it".
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("developer group")
        verbose_name_plural = _("developer groups")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["county", "name"], name="developer_group_name_in_county"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class GroupRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


class Membership(models.Model):
    """A user in a developer group: staff, a partner professional or an expert by
    experience (a development coordinator may be a member too)."""

    group = models.ForeignKey(DeveloperGroup, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="developer_groups"
    )
    role = models.CharField(
        _("role in the group"), max_length=20, choices=GroupRole.choices, default="member"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("developer group member")
        verbose_name_plural = _("developer group members")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="developer_group_member_once"),
            models.CheckConstraint(
                condition=models.Q(role__in=GroupRole.values), name="developer_group_role_known"
            ),
        ]

    def __str__(self) -> str:
        return f"membership {self.pk}"


class GroupMeeting(models.Model):
    """One meeting: the agenda before, the memo (muistio) after."""

    group = models.ForeignKey(DeveloperGroup, on_delete=models.CASCADE, related_name="meetings")
    held_at = models.DateTimeField(_("time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    remote_link = models.URLField(_("remote meeting link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    memo = models.TextField(_("memo"), blank=True)
    memo_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    memo_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("developer group meeting")
        verbose_name_plural = _("developer group meetings")
        ordering = ["-held_at", "pk"]
        constraints = [
            # A double submit of the same meeting makes one meeting.
            models.UniqueConstraint(fields=["group", "held_at"], name="developer_meeting_once"),
        ]

    def __str__(self) -> str:
        return f"meeting {self.pk}"


class IdeaStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    IN_PROGRESS = "in_progress", _("In progress")
    PILOTING = "piloting", _("Piloting")
    ADOPTED = "adopted", _("Adopted")
    DROPPED = "dropped", _("Dropped")


class Idea(models.Model):
    """A development idea in the group's backlog, from proposal to adoption (or not)."""

    group = models.ForeignKey(DeveloperGroup, on_delete=models.CASCADE, related_name="ideas")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default="proposed"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    outcome = models.TextField(_("outcome"), blank=True)
    practice_description_title = models.CharField(
        _("practice description"), max_length=200, blank=True
    )
    practice_description_url = models.URLField(_("address of the practice description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic lock: an edit saved over someone else's newer edit is refused.
    version = models.PositiveIntegerField(default=0)
    # Who saved it last: a refused save tells "you saved it yourself" (another window, the
    # form sent twice) from "someone else saved it".
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("development idea")
        verbose_name_plural = _("development ideas")
        ordering = ["-updated_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "title"], name="developer_idea_title_once"),
            models.CheckConstraint(
                condition=models.Q(status__in=IdeaStatus.values), name="developer_idea_status"
            ),
            models.CheckConstraint(
                condition=models.Q(practice_description_url="")
                | models.Q(practice_description_url__startswith="https://"),
                name="developer_idea_practice_https",
            ),
        ]

    def __str__(self) -> str:
        return self.title
