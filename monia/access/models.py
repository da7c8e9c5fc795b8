"""The access log (käyttöloki, Act 703/2023): who read whose data, when, where and why."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Basis(models.TextChoices):
    """The ground on which a user may process a client's data (703/2023)."""

    DESIGNATED_WORKER = "designated_worker", _("Designated social worker of the child")
    TEAM_MEMBER = "team_member", _("Member of the team responsible for the case")
    SENIOR_OFFICIAL = "senior_official", _("Senior official of the county")
    INTAKE_REGISTRATION = "intake_registration", _("Recording an intake")
    OWN_DATA = "own_data", _("The client's own data (participation portal)")
    GUARDIAN = "guardian", _("Guardian of the child (participation portal)")


class AccessLog(models.Model):
    """One row per read of a client's data; written in the same transaction as the read."""

    # Not auto_now_add: a read of an e-notification keeps its own time when it moves
    # here from ENotificationAccess on linking to the child.
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    county = models.ForeignKey("teams.County", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("whose data")
    )
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, null=True, related_name="+")
    purpose = models.CharField(_("view"), max_length=80)
    basis = models.CharField(_("basis"), max_length=30, choices=Basis.choices)
    channel = models.CharField(max_length=10, default="web")  # web | api

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [models.Index(fields=["person", "at"], name="accesslog_person_time_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.purpose}"
