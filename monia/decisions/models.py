"""Administrative decisions (hallintopäätös) on a child's measures, their parties and
hearings, their service (tiedoksianto) to each party, and the county's appeal
authorities. A decision is a draft until its decider signs it; a signed decision is never
changed (the database refuses it) — a correction is a new decision that names the old one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from monia.decisions.kinds import AppealRoute, DecisionKind
from monia.ui.languages import DOCUMENT_LANGUAGES, in_language


class DecisionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")


class Decision(models.Model):
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="decisions")
    measure = models.ForeignKey(
        "casework.Measure",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("measure"),
    )
    kind = models.CharField(_("decision"), max_length=40, choices=DecisionKind.choices)
    state = models.CharField(
        _("state"), max_length=10, choices=DecisionState.choices, default=DecisionState.DRAFT
    )
    number = models.CharField(_("decision number"), max_length=40, blank=True)
    # The language the decision is written in: its headings, its prefilled texts and the
    # worker's own words are in it, on the screen, on paper and in the portal alike.
    language = models.CharField(
        _("language of the decision"),
        max_length=2,
        choices=DOCUMENT_LANGUAGES,
        default="fi",
    )
    decided_on = models.DateField(_("date of decision"), null=True, blank=True)
    matter = models.CharField(_("matter"), max_length=300)
    decision_text = models.TextField(_("decision"), blank=True)
    facts = models.TextField(_("facts and the evidence relied on"), blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    provisions = models.TextField(_("provisions applied"), blank=True)
    enforced_at_once = models.BooleanField(_("enforced immediately (LsL 92 §)"), default=False)
    enforcement_reason = models.TextField(_("why immediate enforcement"), blank=True)
    appeal_route = models.CharField(_("appeal route"), max_length=12, choices=AppealRoute.choices)
    preparer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("prepared by"),
    )
    decider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    info_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("more information from"),
    )
    # How the person who gives more information is reached (HL 44 §), as printed on the
    # decision and as the national structure's postiosoite and puhelinnumero: copied from
    # the preparer's team office and own phone when drafted, frozen with the signature.
    info_street = models.CharField(
        _("street address or PO box"),
        max_length=200,
        blank=True,
        help_text=_("Of the office that gives more information, e.g. “Torikatu 1” or “PL 100”."),
    )
    info_postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    info_town = models.CharField(_("post office"), max_length=100, blank=True)
    info_phone = models.CharField(_("phone"), max_length=40, blank=True)
    carer_view = models.TextField(
        _("view of the substitute-care place"),
        blank=True,
        help_text=_(
            "The view of the representative of the current substitute-care place or of the "
            "family carer, when they are not a party heard below."
        ),
    )
    corrects = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrected_by",
        verbose_name=_("corrects the decision"),
    )
    correction_reason = models.TextField(_("what is corrected and why"), blank=True)
    shown_in_portal = models.BooleanField(_("shown to the family in the portal"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(default=0)
    submission_key = models.UUIDField(unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="draft")
                | (
                    models.Q(decider__isnull=False)
                    & models.Q(decided_on__isnull=False)
                    & models.Q(signed_at__isnull=False)
                    & ~models.Q(decision_text="")
                    & ~models.Q(reasons="")
                    & ~models.Q(provisions="")
                    & ~models.Q(number="")
                ),
                name="decision_signed_is_complete",
            ),
            models.CheckConstraint(
                condition=models.Q(corrects__isnull=True) | ~models.Q(correction_reason=""),
                name="decision_correction_has_reason",
            ),
            models.UniqueConstraint(
                fields=["number"], condition=~models.Q(number=""), name="decision_number_unique"
            ),
        ]
        indexes = [models.Index(fields=["case", "state"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number or self.pk}"


class PartyRole(models.TextChoices):
    GUARDIAN = "guardian", _("Guardian")
    CHILD = "child", _("The child")
    CARER = "carer", _("Person who cared for the child")
    PARENT = "parent", _("Parent")
    YOUNG_PERSON = "young_person", _("The young person (aftercare)")


class HearingWay(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    IN_WRITING = "in_writing", _("In writing")
    REMOTE = "remote", _("By video or phone")


class DecisionParty(models.Model):
    """A party to the decision (asianosainen): who is heard before it (HL 34 §, LsL 20 §;
    a child from 12 years), who receives it and who may appeal."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="parties")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("party"), max_length=20, choices=PartyRole.choices)
    heard = models.BooleanField(_("heard"), null=True)
    heard_on = models.DateField(_("heard on"), null=True, blank=True)
    method = models.CharField(_("how"), max_length=20, choices=HearingWay.choices, blank=True)
    view = models.TextField(_("their view"), blank=True)
    not_heard_reason = models.TextField(_("why not heard"), blank=True)
    may_appeal = models.BooleanField(_("may appeal"), default=True)

    class Meta:
        verbose_name = _("party to a decision")
        verbose_name_plural = _("parties to decisions")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "person"], name="decision_party_once"),
            models.CheckConstraint(
                condition=models.Q(heard__isnull=True)
                | (models.Q(heard=True) & models.Q(heard_on__isnull=False))
                | (models.Q(heard=False) & ~models.Q(not_heard_reason="")),
                name="decision_party_heard_dated_or_reasoned",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.person_id} of decision {self.decision_id}"


class ServiceChannel(models.TextChoices):
    LETTER = "letter", _("Ordinary letter (deemed received on the 7th day)")
    ELECTRONIC = "electronic", _("Electronically (deemed received on the 3rd day)")
    IN_PERSON = "in_person", _("Handed over in person (received that day)")


class DecisionService(models.Model):
    """The service of a signed decision to one party (tiedoksianto, HL 59–60 §, 19 §
    of the Act on electronic services): when and how it was sent, the day it counts as
    received, and the last day of the appeal period it starts. A party served again has a
    row per service; their period is the first one's (``deadlines.first_service``)."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="services")
    party = models.ForeignKey(DecisionParty, on_delete=models.PROTECT, related_name="services")
    channel = models.CharField(_("how"), max_length=12, choices=ServiceChannel.choices)
    sent_on = models.DateField(_("sent or handed over on"))
    served_on = models.DateField(_("deemed received on"))
    appeal_ends = models.DateField(_("appeal period ends"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    submission_key = models.UUIDField(unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("service of a decision")
        verbose_name_plural = _("services of decisions")
        ordering = ["sent_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(served_on__gte=models.F("sent_on"))
                & models.Q(appeal_ends__gt=models.F("served_on")),
                name="decision_service_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"service of decision {self.decision_id} to party {self.party_id}"


class AuthorityKind(models.TextChoices):
    ADMINISTRATIVE_COURT = "administrative_court", _("Administrative court (appeals)")
    INDIVIDUAL_MATTERS_BODY = (
        "individual_matters_body",
        _("The county's body for individual matters (requests for correction)"),
    )


class AppealAuthority(models.Model):
    """Where a party sends an appeal or a request for correction: county configuration,
    printed on every decision's instructions."""

    county = models.ForeignKey(
        "teams.County",
        on_delete=models.CASCADE,
        related_name="appeal_authorities",
        verbose_name=_("wellbeing services county"),
    )
    kind = models.CharField(_("authority"), max_length=30, choices=AuthorityKind.choices)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    address = models.TextField(_("postal address"), help_text=_("The postal address in Finnish."))
    address_sv = models.TextField(
        _("postal address in Swedish"),
        blank=True,
        help_text=_("On decisions in Swedish. Empty: the Finnish address."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    hours_fi = models.CharField(_("opening hours in Finnish"), max_length=200, blank=True)
    hours_sv = models.CharField(_("opening hours in Swedish"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("appeal authority")
        verbose_name_plural = _("appeal authorities")
        constraints = [
            models.UniqueConstraint(fields=["county", "kind"], name="appeal_authority_once"),
        ]

    def __str__(self) -> str:
        return self.name_fi

    def localized_address(self, language: str | None) -> str:
        """The postal address for a decision in ``language``, else the Finnish one."""
        return in_language(language, fi=self.address, sv=self.address_sv)
