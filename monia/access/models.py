"""The access log (käyttöloki, Act 703/2023): who read whose data, when, where and why."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
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
    # A client joined a peer group (issue 16, monia/peer): its facilitators, who are
    # casework staff, see the members' first names and what they wrote in the journal.
    PEER_GROUP_FACILITATOR = "peer_group_facilitator", _("Facilitator of a peer group")
    # A client signed up for an event (monia/events): its organiser, the development
    # coordinator, sees their name on the registrations and attendance lists.
    EVENT_ORGANISER = "event_organiser", _("Organiser of an event")


class AccessEvent(models.Model):
    """One read event of client data: one row per view or read, a list view included,
    carrying every person shown with the case and basis of each (parallel arrays).

    Partitioned by month of ``at`` (migration access.0010); the database's PRIMARY KEY is
    (id, at), as a partitioned table's must hold the partition key; ``id`` alone is unique
    (one sequence). Written only through ``access.log_writes.reads_log``, which writes the
    person index (``PersonRead``) in the same statement. Hash-chained per county by the
    insert trigger, one chain step per event."""

    at = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    county = models.ForeignKey(
        "teams.County", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    # The one case the read was of (a case page, a decision): None for a list of cases.
    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, null=True, related_name="+", db_index=False
    )
    purpose = models.CharField(_("view"), max_length=80)
    channel = models.CharField(max_length=10, default="web")  # web | api | portal
    persons = ArrayField(models.BigIntegerField(), verbose_name=_("whose data"))
    cases = ArrayField(models.BigIntegerField(null=True))
    bases = ArrayField(models.CharField(max_length=30, choices=Basis.choices))
    chain_seq = models.BigIntegerField(null=True, editable=False)
    chain_hash = models.CharField(max_length=64, null=True, editable=False)  # noqa: DJ001

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [
            models.Index(fields=["user", "at"], name="accessevent_user_time_idx"),
            models.Index(
                fields=["case", "at"],
                name="accessevent_case_time_idx",
                condition=models.Q(case__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.purpose} ({len(self.persons)})"


class PersonRead(models.Model):
    """Whose data: one narrow row per person shown in an event, for "who has seen my
    data" — an index-only range scan of (person_id, at). No foreign keys and no
    triggers: it is derived from the chained events, and ``verify_log_chain`` checks it
    matches them. Partitioned by month like the events."""

    pk = models.CompositePrimaryKey("person_id", "at", "event_id")
    person_id = models.BigIntegerField()
    at = models.DateTimeField()
    # The read's day in the installation's time zone (settings.TIME_ZONE): "who has seen
    # my data" counts per day without converting each read's time.
    day = models.DateField()
    event_id = models.BigIntegerField()
    user_id = models.BigIntegerField()
    case_id = models.BigIntegerField(null=True)
    purpose = models.CharField(max_length=80)
    basis = models.CharField(max_length=30, choices=Basis.choices)

    class Meta:
        indexes = [
            models.Index(
                fields=["person_id", "at"],
                include=["user_id", "day", "purpose", "basis"],
                name="personread_person_time_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} person {self.person_id}"


class AccessLog(models.Model):
    """The access log read per person: one row per person in each event (a view over
    ``AccessEvent``, migration access.0010), every fact the chained event holds. For
    tests and small reads; a person's reads at volume come from ``PersonRead``
    (``access.log_selectors``). Read-only: write with ``access.log_writes.reads_log``."""

    id = models.BigIntegerField(primary_key=True)  # event id × 65536 + position
    event_id = models.BigIntegerField()
    at = models.DateTimeField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, related_name="+"
    )
    county = models.ForeignKey("teams.County", on_delete=models.DO_NOTHING, related_name="+")
    person = models.ForeignKey(
        "people.Person", on_delete=models.DO_NOTHING, related_name="+", verbose_name=_("whose data")
    )
    case = models.ForeignKey(
        "casework.Case", on_delete=models.DO_NOTHING, null=True, related_name="+"
    )
    purpose = models.CharField(_("view"), max_length=80)
    basis = models.CharField(_("basis"), max_length=30, choices=Basis.choices)
    channel = models.CharField(max_length=10)
    chain_seq = models.BigIntegerField(null=True)
    chain_hash = models.CharField(max_length=64, null=True)  # noqa: DJ001

    class Meta:
        managed = False
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

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
