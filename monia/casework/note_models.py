"""Client notes: the entries of the client record (asiakaskertomus) a worker writes about
a phone call, a home visit, a meeting with the child, a negotiation, a cancelled meeting,
information asked for or received, therapeutic work.

Modelled on the national client-record structure, THL's Sosmeta document definitions
for the entries of the client record (documentType "Asiakaskertomusmerkintä"), in
/work/shared/sosmeta:

- 1.2.246.537.6.1506.19005.2022.1.10 Merkintä tapaamisesta tai yhteydenotosta
- 1.2.246.537.6.1506.19004.2022.1.10 Merkintä neuvottelusta
- 1.2.246.537.6.1506.19006.2022.9.28 Merkintä neuvottelun, tapaamisen tai yhteydenoton
  peruuntumisesta (reason code list THL 1.2.246.537.6.126: Y30, Y32)
- 1.2.246.537.6.1506.19007.2022.1.10 Merkintä asiakkaan arjesta
- 1.2.246.537.6.1506.19009.2023.11.30 Merkintä asiakasta koskevien tietojen pyytämisestä
  tai saamisesta
- 1.2.246.537.6.1506.19014.2022.6.28 Merkintä terapeuttisesta työskentelystä
- 1.2.246.537.6.1506.19013.2022.1.10 Muu asiakaskertomusmerkintä

The entry type is stored as its national code in the client-document type code list
(Sosiaalihuolto – Asiakasasiakirjatyyppi, 1.2.246.537.6.1506): "19005" and so on. The
other entry types of that list are recorded elsewhere in Monia (19001 the intake,
19010 the disclosure log) or are not child welfare casework (19002, 19008, 19012, 19015).

The field names follow the schemas: the event's time (tapahtuma/ajanjakso), the way of
contact (asiointitapa), place (paikka), participants (osallistujat), the description
(kuvaus), what was agreed (sovitut asiat; in a negotiation, with the division of
responsibility), the author (laatija). The national code list of the way of contact
(1.2.246.537.6.1250) is not among the definitions at hand, so ``ContactMethod`` has
Monia's own codes, to be mapped when the notes are sent to the Kanta archive. The
child's own view (LsL 20 §) is Monia's addition: the schemas leave it to the description.

A note is a draft until its author signs it; a signed note is locked — the service
refuses to change it, and so does the database (migration 0012's trigger) — and is
amended only by a ``NoteAmendment`` shown under it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

SOSMETA_DOCUMENT_TYPES = "1.2.246.537.6.1506"  # Sosiaalihuolto – Asiakasasiakirjatyyppi


class NoteType(models.TextChoices):
    """The entry type: its code in the national client-document type list."""

    MEETING_OR_CONTACT = "19005", _("Entry on a meeting or contact")
    NEGOTIATION = "19004", _("Entry on a negotiation")
    CANCELLED = "19006", _("Entry on a cancelled negotiation, meeting or contact")
    EVERYDAY_LIFE = "19007", _("Entry on the client's everyday life")
    INFORMATION = "19009", _("Entry on requesting or receiving information about the client")
    THERAPEUTIC_WORK = "19014", _("Entry on therapeutic work")
    OTHER = "19013", _("Other client record entry")


# The definition (OID with its version) each entry type follows.
SOSMETA_DEFINITIONS: dict[str, str] = {
    NoteType.MEETING_OR_CONTACT: "1.2.246.537.6.1506.19005.2022.1.10",
    NoteType.NEGOTIATION: "1.2.246.537.6.1506.19004.2022.1.10",
    NoteType.CANCELLED: "1.2.246.537.6.1506.19006.2022.9.28",
    NoteType.EVERYDAY_LIFE: "1.2.246.537.6.1506.19007.2022.1.10",
    NoteType.INFORMATION: "1.2.246.537.6.1506.19009.2023.11.30",
    NoteType.THERAPEUTIC_WORK: "1.2.246.537.6.1506.19014.2022.6.28",
    NoteType.OTHER: "1.2.246.537.6.1506.19013.2022.1.10",
}


class ContactMethod(models.TextChoices):
    """Asiointitapa: how the worker and the client were in contact (Monia's codes)."""

    PHONE = "phone", _("Phone call")
    HOME_VISIT = "home_visit", _("Home visit")
    OFFICE = "office", _("Meeting at the office")
    ELSEWHERE = "elsewhere", _("Meeting elsewhere (school, day care, placement)")
    VIDEO = "video", _("Video meeting")
    MESSAGE = "message", _("Written message (letter, e-mail, secure message)")


# Ways of contact headed by their own name, even with the child present.
NOT_MEETING_THE_CHILD = frozenset(
    {ContactMethod.PHONE, ContactMethod.HOME_VISIT, ContactMethod.MESSAGE}
)


class CancellationReason(models.TextChoices):
    """Peruuntumisen syy: THL's code list 1.2.246.537.6.126, the two codes 19006 allows."""

    CLIENT = "Y30", _("A reason on the client's side")
    ORGANISATION = "Y32", _("A reason on the organisation's side")


# The fields each entry type has, after the Sosmeta definition (the date, the time and
# the author every type has). ``place`` is kept for a negotiation and everyday life too:
# the worker is asked where it happened.
_MEETING = (
    "contact_method",
    "place",
    "participants",
    "persons",
    "child_took_part",
    "discussed",
    "agreed",
    "child_view",
    "child_view_reason",
)
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    NoteType.MEETING_OR_CONTACT: _MEETING,
    NoteType.NEGOTIATION: _MEETING,
    NoteType.CANCELLED: ("contact_method", "cancellation_reason", "discussed"),
    NoteType.EVERYDAY_LIFE: tuple(f for f in _MEETING if f != "agreed"),
    NoteType.INFORMATION: (
        "info_source",
        "info_purpose",
        "info_requested",
        "info_received",
        "info_received_on",
    ),
    NoteType.THERAPEUTIC_WORK: tuple(f for f in _MEETING if f != "agreed"),
    NoteType.OTHER: ("discussed",),
}

# The text that full-text search reads, in the order a reader meets it.
SEARCHED_FIELDS = (
    "place",
    "participants",
    "discussed",
    "agreed",
    "child_view",
    "child_view_reason",
    "info_source",
    "info_purpose",
    "info_requested",
    "info_received",
)


def _search_vector(config: str) -> models.GeneratedField:
    """A stored tsvector of the note's text, stemmed in one language. Notes are searched
    in Finnish and in Swedish whichever the worker wrote in: both vectors are kept."""
    return models.GeneratedField(
        expression=SearchVector(*SEARCHED_FIELDS, config=config),
        output_field=SearchVectorField(),
        db_persist=True,
    )


class ClientNote(models.Model):
    """Asiakaskertomusmerkintä: one entry of the child's client record."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="notes")
    note_type = models.CharField(_("type of entry"), max_length=5, choices=NoteType.choices)
    occurred_on = models.DateField(_("date"))
    occurred_time = models.TimeField(_("time"), null=True, blank=True)
    contact_method = models.CharField(
        _("way of contact"), max_length=20, choices=ContactMethod.choices, blank=True
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    participants = models.TextField(_("who took part (names and roles)"), blank=True)
    persons = models.ManyToManyField(
        "people.Person", blank=True, related_name="+", verbose_name=_("family members present")
    )
    child_took_part = models.BooleanField(_("the child took part"), default=False)
    discussed = models.TextField(_("what was discussed or done"), blank=True)
    agreed = models.TextField(_("what was agreed, and who does what"), blank=True)
    child_view = models.TextField(_("the child's own view"), blank=True)
    child_view_reason = models.TextField(_("why the child's view is not recorded"), blank=True)
    cancellation_reason = models.CharField(
        _("reason for the cancellation"),
        max_length=3,
        choices=CancellationReason.choices,
        blank=True,
    )
    info_source = models.CharField(_("asked from or given by"), max_length=200, blank=True)
    info_purpose = models.TextField(_("why the information is needed"), blank=True)
    info_requested = models.TextField(_("information requested"), blank=True)
    info_received = models.TextField(_("information received"), blank=True)
    info_received_on = models.DateField(_("information received on"), null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    lock_version = models.PositiveIntegerField(default=1)
    submission_key = models.UUIDField(unique=True, null=True, blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    search_fi = _search_vector("finnish")
    search_sv = _search_vector("swedish")

    class Meta:
        verbose_name = _("client note")
        verbose_name_plural = _("client notes")
        ordering = ["-occurred_on", "-occurred_time", "-pk"]
        indexes = [
            models.Index(fields=["case", "occurred_on"], name="note_case_date_idx"),
            GinIndex(fields=["search_fi"], name="note_search_fi_idx"),
            GinIndex(fields=["search_sv"], name="note_search_sv_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(note_type__in=NoteType.values), name="note_type_national_code"
            ),
            models.CheckConstraint(
                condition=models.Q(signed_at__isnull=True, signed_by__isnull=True)
                | models.Q(signed_at__isnull=False, signed_by__isnull=False),
                name="note_signed_by_whom_and_when",
            ),
            # LsL 20 §: when the child took part, the child's view is recorded, or why not.
            models.CheckConstraint(
                condition=models.Q(signed_at__isnull=True)
                | models.Q(child_took_part=False)
                | ~models.Q(child_view="")
                | ~models.Q(child_view_reason=""),
                name="note_signed_has_child_view_or_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(signed_at__isnull=True)
                | ~models.Q(note_type=NoteType.CANCELLED)
                | ~models.Q(cancellation_reason=""),
                name="note_signed_cancellation_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(signed_at__isnull=True)
                | ~models.Q(note_type=NoteType.INFORMATION)
                | ~models.Q(info_requested="")
                | ~models.Q(info_received=""),
                name="note_signed_information_has_content",
            ),
        ]

    def __str__(self) -> str:
        return f"note {self.pk} of case {self.case_id} ({self.note_type})"

    @property
    def signed(self) -> bool:
        return self.signed_at is not None

    @property
    def sosmeta_definition(self) -> str:
        return SOSMETA_DEFINITIONS[self.note_type]

    @property
    def heading(self) -> str:
        """What the entry is about in a few words: for a meeting or contact, "Meeting
        with the child" when the worker met the child, else the way of contact ("Phone
        call"); for the other types, the entry type."""
        if self.note_type != NoteType.MEETING_OR_CONTACT:
            return str(self.get_note_type_display())
        if self.child_took_part and self.contact_method not in NOT_MEETING_THE_CHILD:
            return str(_("Meeting with the child"))
        if self.contact_method:
            return str(self.get_contact_method_display())
        return str(self.get_note_type_display())

    def has(self, field: str) -> bool:
        """Whether this type of entry has ``field`` (see ``TYPE_FIELDS``)."""
        return field in TYPE_FIELDS[self.note_type]


class NoteAmendment(models.Model):
    """Täydennys tai korjaus: text added under a signed note, which itself never changes.
    Append-only in the database (migration 0012's trigger)."""

    note = models.ForeignKey(ClientNote, on_delete=models.PROTECT, related_name="amendments")
    text = models.TextField(_("amendment"))
    reason = models.TextField(_("reason for the amendment"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("amended"), auto_now_add=True)
    submission_key = models.UUIDField(unique=True, null=True, blank=True)
    search_fi = models.GeneratedField(
        expression=SearchVector("text", "reason", config="finnish"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    search_sv = models.GeneratedField(
        expression=SearchVector("text", "reason", config="swedish"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            GinIndex(fields=["search_fi"], name="amendment_search_fi_idx"),
            GinIndex(fields=["search_sv"], name="amendment_search_sv_idx"),
        ]

    def __str__(self) -> str:
        return f"amendment {self.pk} of note {self.note_id}"
