"""The network around the child: partner organisations, and what each may see of a case.

A partner sees a case only through a sharing grant that records its legal basis, its
scope and its end date (Act 703/2023; LsL 41 §). Every disclosure to a partner, through a
grant, a contribution request, a consultation or a network meeting, writes a row in the
one disclosure log (luovutusloki).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monia.casework.models import Sector


class Organisation(models.Model):
    """A school, health centre, psychiatric clinic, NGO … in a county's registry."""

    county = models.ForeignKey(
        "teams.County",
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("wellbeing services county"),
    )
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["sector", "name"]
        constraints = [
            models.UniqueConstraint(fields=["county", "name"], name="organisation_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class PartnerAddressee(models.Model):
    """The one shape of everything addressed to partners — a sharing grant, a contribution
    request, a consultation, a network-meeting invitation: an organisation of the county's
    registry, optionally one named professional of it. Empty professional: every
    professional of the organisation. ``network.access.addressed_to`` is its rule and
    ``network.services.addressee_errors`` its validation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("professional"),
        help_text=_("Empty: every professional of the organisation."),
    )

    class Meta:
        abstract = True


class LegalBasis(models.TextChoices):
    GUARDIAN_CONSENT = "guardian_consent", _("Consent of the guardian")
    CHILD_CONSENT = "child_consent", _("Consent of a child who understands the matter")
    LSL_41_REQUEST = "lsl_41_request", _("Request for information (LsL 41 §)")
    OTHER_STATUTORY = "other_statutory", _("Other statutory basis")


CONSENT_BASES = frozenset({LegalBasis.GUARDIAN_CONSENT, LegalBasis.CHILD_CONSENT})


class SharePart(models.TextChoices):
    """The parts of the record a grant may open."""

    BASIC = "basic", _("The child's basic details and the designated worker")
    PLAN = "plan", _("The client plan")
    MEASURES = "measures", _("Measures")
    ASSESSMENT = "assessment", _("The service-needs assessment's conclusion")


def part_labels(parts: list[str]) -> list[str]:
    """The shared parts in the reader's language."""
    return [str(SharePart(p).label) for p in parts if p in SharePart.values]


class SharingGrant(PartnerAddressee):
    """What one partner organisation (or one professional of it) may see, why and until when."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="sharing_grants"
    )
    basis = models.CharField(_("legal basis"), max_length=30, choices=LegalBasis.choices)
    consent_given_by = models.CharField(_("consent given by"), max_length=200, blank=True)
    basis_note = models.TextField(_("details of the basis"), blank=True)
    scope = models.JSONField(_("scope"), default=list)  # SharePart values
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    withdrawn_on = models.DateField(_("consent withdrawn on"), null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sharing grant")
        verbose_name_plural = _("sharing grants")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="grant_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(basis__in=["guardian_consent", "child_consent"])
                | ~models.Q(consent_given_by=""),
                name="grant_consent_names_who",
            ),
        ]

    def __str__(self) -> str:
        return f"grant {self.pk}"

    @property
    def scope_labels(self) -> list[str]:
        return part_labels(self.scope)


class DisclosureSource(models.TextChoices):
    """What opened the client data to the partner: each is its own legal footing."""

    SHARING_GRANT = "sharing_grant", _("Sharing grant")
    CONTRIBUTION_REQUEST = "contribution_request", _("Contribution request")
    CONSULTATION = "consultation", _("Consultation")
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    # The case's signed documents as an archive package, downloaded by the senior official
    # to be handed to the archive (monia/archive): no partner organisation.
    ARCHIVE_EXPORT = "archive_export", _("Archive export")


class DisclosureBasis(models.TextChoices):
    """Every basis a disclosure may rest on: a grant's (LegalBasis), a contribution
    request's (LsL 41 § request or the guardian's consent), a named consultation's
    consent, and the invitation to the family's network meeting."""

    GUARDIAN_CONSENT = "guardian_consent", _("Consent of the guardian")
    CHILD_CONSENT = "child_consent", _("Consent of a child who understands the matter")
    LSL_41_REQUEST = "lsl_41_request", _("Request for information (LsL 41 §)")
    OTHER_STATUTORY = "other_statutory", _("Other statutory basis")
    CONSULTATION_CONSENT = "consent", _("Consent to the named consultation")
    MEETING_INVITATION = "meeting_invitation", _("Invitation to the network meeting")
    ARCHIVING = "archiving", _("Archiving of the client documents (Archives Act 831/1994)")


class DisclosureLog(models.Model):
    """Luovutusloki: what was disclosed, to whom, on what basis — one row per disclosure.

    The one log for every way client data reaches a partner outside the county's child
    welfare (Act 703/2023): a sharing grant, a contribution request, a named
    consultation, a network-meeting invitation. ``source`` and ``source_id`` name the
    object that opened the data; only a grant is also a foreign key, because only a
    grant is its own model here (the others point at tables of other apps).
    """

    # The read's moment: now, unless the writer names it (``disclosure_log_write(at=…)``).
    at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    source = models.CharField(max_length=30, choices=DisclosureSource.choices)
    source_id = models.PositiveBigIntegerField()
    grant = models.ForeignKey(
        SharingGrant,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disclosures",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Empty only for an archive export: the package leaves to the county's own archive.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="+")
    parts = models.JSONField(default=list)  # SharePart values; empty for other sources
    basis = models.CharField(max_length=30, choices=DisclosureBasis.choices)
    purpose = models.CharField(max_length=80)
    # The hash chain of the county's log (migration access.0007): written by the
    # database's insert trigger, never by Django; ``verify_log_chain`` checks it. NULL:
    # a row written with the triggers off (the verifier names it).
    chain_seq = models.BigIntegerField(null=True, editable=False)
    chain_hash = models.CharField(max_length=64, null=True, editable=False)  # noqa: DJ001

    class Meta:
        verbose_name = _("disclosure log entry")
        verbose_name_plural = _("disclosure log")
        indexes = [models.Index(fields=["person", "at"], name="disclosure_person_time_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(source="sharing_grant") & models.Q(grant__isnull=False))
                | (~models.Q(source="sharing_grant") & models.Q(grant__isnull=True)),
                name="disclosure_grant_iff_grant_source",
            ),
            models.CheckConstraint(
                condition=models.Q(grant__isnull=True) | models.Q(source_id=models.F("grant_id")),
                name="disclosure_grant_is_its_source",
            ),
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | models.Q(source="archive_export"),
                name="disclosure_to_an_organisation_unless_archive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.purpose}"

    @property
    def parts_labels(self) -> list[str]:
        return part_labels(self.parts)


from monia.network.referrals_models import *  # noqa: F401,F403, E402
