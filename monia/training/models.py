"""Each worker's completed modules of the systemic model and the share trained per team. Issue
16, the development network.

The catalogue of modules (``TrainingModule`` with no county) is the same everywhere and is
seeded by a data migration; a county may add modules of its own. A ``TrainingRecord`` says
that one member of staff completed one module on one day, with the hours, as the county's
development coordinator or senior official recorded it. No client data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    """What a module trains for; "trained" is judged by the track a role needs
    (training/selectors.py, REQUIRED_TRACK)."""

    BASIC = "basic", _("Basic training in the systemic model")
    CONSULTANT = "consultant", _("Consultant social worker track")
    FAMILY_THERAPIST = "family_therapist", _("Family therapist track")
    REFRESHER = "refresher", _("Refresher")


# The catalogue seeded by migration 0002: (code, name, track, nominal hours). The names are
# English source strings shown translated (``TrainingModule.label``).
CATALOGUE = (
    ("basic", gettext_noop("Basic training in the systemic model"), Track.BASIC, 40),
    ("consultant", gettext_noop("Consultant social worker training"), Track.CONSULTANT, 60),
    ("family_therapist", gettext_noop("Family therapist track"), Track.FAMILY_THERAPIST, 80),
    ("refresher", gettext_noop("Refresher day in the systemic model"), Track.REFRESHER, 7),
)

HOURS_MAX = 999


class TrainingModule(models.Model):
    """A module of the systemic model's training: the shared catalogue (no county) or a
    county's own module."""

    county = models.ForeignKey(
        "teams.County", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    nominal_hours = models.PositiveSmallIntegerField(_("nominal hours"))

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")
        ordering = ["county_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(county__isnull=True), name="module_code_shared"
            ),
            models.UniqueConstraint(fields=["county", "code"], name="module_code_per_county"),
            models.CheckConstraint(
                condition=models.Q(nominal_hours__gt=0, nominal_hours__lte=HOURS_MAX),
                name="module_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The catalogue's modules in the reader's language; a county's own as it wrote it."""
        return gettext(self.name) if self.county_id is None else self.name


class TrainingRecord(models.Model):
    """One member of staff completed one module on one day (koulutussuoritus)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="training_records",
        verbose_name=_("staff member"),
    )
    module = models.ForeignKey(
        TrainingModule, on_delete=models.PROTECT, related_name="records", verbose_name=_("module")
    )
    completed_on = models.DateField(_("completed on"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "completed_on"], name="training_record_once"
            ),
            models.CheckConstraint(
                condition=models.Q(hours__gt=0, hours__lte=HOURS_MAX),
                name="training_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.module_id} {self.completed_on}"
