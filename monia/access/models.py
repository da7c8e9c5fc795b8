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
    # A search with an identity code, or a full name with the date of birth, told a worker
    # that a matter exists and which team to contact (access/search_rule.py).
    CLIENT_SEARCH = "client_search", _("Finding the team responsible for the child")


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
    # The hash chain of the county's log (migration access.0007): written by the
    # database's insert trigger, never by Django; ``verify_log_chain`` checks it. NULL:
    # a row written with the triggers off (the verifier names it).
    chain_seq = models.BigIntegerField(null=True, editable=False)
    chain_hash = models.CharField(max_length=64, null=True, editable=False)  # noqa: DJ001

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [models.Index(fields=["person", "at"], name="accesslog_person_time_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.purpose}"


class LogChainHead(models.Model):
    """The end of one county's chain in one log table: the last row's number and hash.

    Written only by the insert trigger of the log tables (migration access.0007), under
    its row lock, which serialises a county's writers; the logs themselves are the
    evidence (``verify_log_chain`` checks the head against the last row)."""

    log = models.CharField(max_length=63)  # the log's table name
    county_id = models.BigIntegerField()
    seq = models.BigIntegerField()
    hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["log", "county_id"], name="logchainhead_one_per_log")
        ]

    def __str__(self) -> str:
        return f"{self.log} {self.county_id}: {self.seq}"


class RetentionRun(models.Model):
    """What one run of ``log_retention`` removed from one county's chain in one log:
    rows number ``first_seq``…``last_seq``, all older than ``before``. The chain stays
    verifiable from the first row kept: its previous hash is ``last_hash`` here."""

    ran_at = models.DateTimeField(default=timezone.now)
    log = models.CharField(max_length=63)
    county_id = models.BigIntegerField()
    before = models.DateField()  # the whole months before this day were due
    rows = models.PositiveIntegerField()
    first_seq = models.BigIntegerField()
    last_seq = models.BigIntegerField()
    first_hash = models.CharField(max_length=64)
    last_hash = models.CharField(max_length=64)

    class Meta:
        indexes = [
            models.Index(fields=["log", "county_id", "last_seq"], name="retention_anchor_idx")
        ]

    def __str__(self) -> str:
        return f"{self.log} {self.county_id}: {self.first_seq}–{self.last_seq} < {self.before}"
