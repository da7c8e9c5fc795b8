"""Peer support (vertaistuki, issue 16): peer groups for systemic team workers and for
clients — parents and young people — with facilitators, sign-up and a light shared journal.

A client group's members are portal clients (``User`` with role client): they sign up in
the portal. The journal is read by the group's members and facilitators only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from monia.ui.languages import in_reader_language


class Audience(models.TextChoices):
    WORKERS = "workers", _("Systemic team workers")
    PARENTS = "parents", _("Parents")
    YOUNG_PEOPLE = "young_people", _("Young people (12–17)")


class PeerGroup(models.Model):
    county = models.ForeignKey("teams.County", on_delete=models.PROTECT, related_name="peer_groups")
    audience = models.CharField(_("for whom"), max_length=20, choices=Audience.choices)
    # In Finnish, with optional Swedish and English variants: families and staff read the
    # one of their language, else the Finnish one (display_name and the others).
    name = models.CharField(_("name"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    meets = models.CharField(_("when and where the group meets"), max_length=300, blank=True)
    meets_sv = models.CharField(
        _("when and where the group meets, in Swedish"), max_length=300, blank=True
    )
    meets_en = models.CharField(
        _("when and where the group meets, in English"), max_length=300, blank=True
    )
    capacity = models.PositiveSmallIntegerField(_("places"), null=True, blank=True)
    open_for_sign_up = models.BooleanField(_("open for sign-up"), default=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="facilitated_peer_groups", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Optimistic lock: an edit saved over someone else's newer one (or over a change of the
    # sign-up, a field of the same form) is refused (services.peer_group_update).
    version = models.PositiveIntegerField(default=0)
    # Who saved it last: a refused save tells "you saved it yourself" (another window, the
    # form sent twice) from "someone else saved it".
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("peer group")
        verbose_name_plural = _("peer groups")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["county", "name"], name="peer_group_name_in_county"),
            models.CheckConstraint(
                condition=models.Q(audience__in=Audience.values), name="peer_group_audience"
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1),
                name="peer_group_capacity_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the reader's language, else in Finnish."""
        return in_reader_language(fi=self.name, sv=self.name_sv, en=self.name_en)

    @property
    def display_description(self) -> str:
        """The description in the reader's language, else in Finnish (which may be empty)."""
        return in_reader_language(
            fi=self.description, sv=self.description_sv, en=self.description_en
        )

    @property
    def display_meets(self) -> str:
        """When and where, in the reader's language, else in Finnish (which may be empty)."""
        return in_reader_language(fi=self.meets, sv=self.meets_sv, en=self.meets_en)

    @property
    def for_clients(self) -> bool:
        return self.audience != Audience.WORKERS


class PeerMembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Member")
    LEFT = "left", _("Left the group")


class PeerMembership(models.Model):
    """A worker (staff user) in a workers' group, or a client in a client group: the client's
    row in the group's county's register (``Person``), signed up through the portal, whose
    login reaches the person by the identity code (``portal.access.client_persons``)."""

    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="peer_memberships",
    )
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="peer_memberships",
    )
    status = models.CharField(max_length=10, choices=PeerMembershipStatus.choices, default="active")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("peer group member")
        verbose_name_plural = _("peer group members")
        ordering = ["pk"]
        constraints = [
            # One row per person and group: a second sign-up (a double submit) changes nothing.
            models.UniqueConstraint(
                fields=["group", "user"],
                condition=models.Q(user__isnull=False),
                name="peer_member_once",
            ),
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=models.Q(person__isnull=False),
                name="peer_client_member_once",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, person__isnull=True)
                | models.Q(user__isnull=True, person__isnull=False),
                name="peer_member_worker_or_client",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=PeerMembershipStatus.values),
                name="peer_member_status",
            ),
        ]

    def __str__(self) -> str:
        return f"peer membership {self.pk}"

    @property
    def member_name(self) -> str:
        if self.person is not None:
            return first_name(self.person.first_names)
        return self.user.display_name if self.user is not None else ""


class PeerJournalEntry(models.Model):
    """A short note in the group's shared journal; read by the members and facilitators."""

    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="journal")
    # A worker or facilitator (user), or a client (their person row, as in the membership).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    author_person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(auto_now_add=True)
    submission_key = models.UUIDField(unique=True)  # a double submit saves one entry

    class Meta:
        verbose_name = _("peer group journal entry")
        verbose_name_plural = _("peer group journal entries")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(author__isnull=False, author_person__isnull=True)
                | models.Q(author__isnull=True, author_person__isnull=False),
                name="peer_journal_author_one",
            ),
        ]

    def __str__(self) -> str:
        return f"journal entry {self.pk}"

    @property
    def author_name(self) -> str:
        """A client by their first name only; a worker by their name."""
        if self.author_person is not None:
            return first_name(self.author_person.first_names)
        return self.author.display_name if self.author is not None else ""


def first_name(first_names: str) -> str:
    return (first_names.split() or [""])[0]
