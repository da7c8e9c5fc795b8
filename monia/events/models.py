"""Events, trainings and their sessions: registration, reminders, attendance, certificates.

An event (tapahtuma, koulutus) of the county's development network is published by the
county's development coordinator for one or more audiences. Every participant is a ``User``:
staff, partner professionals, experts by experience, and portal clients (``Role.CLIENT``,
whose account the portal's identification made) — so no client register row is read here.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training")
    DEVELOPER_GROUP = "developer_group", _("Developer group meeting")
    PEER_GROUP = "peer_group", _("Peer group")
    YOUTH_VOICE = "youth_voice", _("“Nuoren ääni” discussion")
    INFO_SESSION = "info_session", _("Info session")


class Audience(models.TextChoices):
    STAFF = "staff", _("Own staff")
    # Not the genogram's "Partners" (a couple): the organisations Monia works with.
    PARTNERS = "partners", pgettext_lazy("event audience", "Partners")
    CLIENTS = "clients", _("Clients and families")
    EXPERTS = "experts_by_experience", _("Experts by experience")


class EventLanguage(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class Event(models.Model):
    county = models.ForeignKey("teams.County", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    audiences = ArrayField(
        models.CharField(max_length=30, choices=Audience.choices), verbose_name=_("audience")
    )
    languages = ArrayField(
        models.CharField(max_length=2, choices=EventLanguage.choices),
        verbose_name=_("languages of the event"),
    )
    quota = models.PositiveIntegerField(_("places"), null=True, blank=True)
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    remote_link = models.URLField(_("remote link"), max_length=500, blank=True)
    materials = models.TextField(_("materials"), blank=True)
    recordings = models.TextField(_("recordings"), blank=True)
    # The certificate: attended at least this many sessions (empty: every session).
    certificate_sessions = models.PositiveSmallIntegerField(
        _("sessions needed for a certificate"), null=True, blank=True
    )
    hours_per_session = models.DecimalField(
        _("hours per session"), max_digits=4, decimal_places=1, default=0
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The new-event form's key: a double submit creates one event.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["county", "published_at"], name="event_county_published")]
        constraints = [
            models.CheckConstraint(condition=~models.Q(audiences=[]), name="event_has_an_audience"),
            models.CheckConstraint(condition=~models.Q(languages=[]), name="event_has_a_language"),
            models.CheckConstraint(
                condition=models.Q(quota__isnull=True) | models.Q(quota__gt=0),
                name="event_quota_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class EventSession(models.Model):
    """One part of an event (a series has several)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="event_session_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.starts_at:%Y-%m-%d %H:%M}"


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    # The waiting list's order: when the person (last) registered.
    queued_at = models.DateTimeField()

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_once_per_event"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id}/{self.user_id}: {self.status}"


class Attendance(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendances"
    )
    session = models.ForeignKey(EventSession, on_delete=models.CASCADE, related_name="+")
    present = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="attendance_once_per_session"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration_id}@{self.session_id}: {self.present}"


class Reminder(models.Model):
    """A reminder sent the day before a session: once per registration and session."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(EventSession, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="reminder_once_per_session"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration_id}@{self.session_id}"
