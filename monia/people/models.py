"""Persons in a county's client register and the relationships between them.

Relationships are stored as data (who is whose parent, guardian, partner,
sibling …) so that genograms and family networks are drawn from the record.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    SAMI = "se", _("Sámi")
    OTHER = "other", _("Other")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class Person(models.Model):
    """A child, parent or other person in one county's register (asiakasrekisteri)."""

    county = models.ForeignKey("teams.County", on_delete=models.PROTECT, related_name="persons")
    identity_code = models.CharField(
        _("personal identity code"),
        max_length=11,
        blank=True,
        help_text=_("Henkilötunnus, for example 010115A901C."),
    )
    # The identity code with its century sign normalised ("-"/"A"), for duplicate checks.
    identity_code_canonical = models.CharField(max_length=11, blank=True, editable=False)
    first_names = models.CharField(_("first names"), max_length=200)
    last_name = models.CharField(_("last name"), max_length=200)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    expected_birth_date = models.DateField(
        _("expected date of birth"),
        null=True,
        blank=True,
        help_text=_("For an unborn child (pre-birth notification, LsL 25 c §)."),
    )
    gender = models.CharField(
        _("gender"), max_length=10, choices=Gender.choices, default=Gender.UNKNOWN
    )
    language = models.CharField(
        _("language"), max_length=10, choices=Language.choices, default=Language.FINNISH
    )
    other_language = models.CharField(_("other language"), max_length=100, blank=True)
    interpreter_needed = models.BooleanField(_("needs an interpreter"), default=False)
    municipality = models.CharField(_("municipality of residence"), max_length=100, blank=True)
    deceased_on = models.DateField(_("date of death"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        constraints = [
            models.UniqueConstraint(
                fields=["county", "identity_code_canonical"],
                condition=~models.Q(identity_code_canonical=""),
                name="person_identity_code_unique_in_county",
            ),
            models.CheckConstraint(
                condition=~models.Q(language="other") | ~models.Q(other_language=""),
                name="person_other_language_named",
            ),
        ]
        indexes = [
            models.Index(fields=["county", "last_name", "first_names"], name="person_name_idx"),
            # Strong identification finds a person by identity code in every county.
            models.Index(
                fields=["identity_code_canonical"],
                condition=~models.Q(identity_code_canonical=""),
                name="person_identity_code_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_names} {self.last_name}".strip()


class RelationshipKind(models.TextChoices):
    BIOLOGICAL_PARENT = "biological_parent", _("Biological parent")
    ADOPTIVE_PARENT = "adoptive_parent", _("Adoptive parent")
    FOSTER_PARENT = "foster_parent", _("Foster parent")
    STEP_PARENT = "step_parent", _("Step-parent")
    PARTNER = "partner", _("Partner")
    SIBLING = "sibling", _("Sibling")
    GRANDPARENT = "grandparent", _("Grandparent")
    OTHER_RELATIVE = "other_relative", _("Other relative")
    OTHER = "other", _("Other close person")


class PartnershipStatus(models.TextChoices):
    TOGETHER = "together", _("Together")
    MARRIED = "married", _("Married")
    SEPARATED = "separated", _("Separated")
    DIVORCED = "divorced", _("Divorced")


class Relationship(models.Model):
    """A directed tie: ``from_person`` is the <kind> of ``to_person``.

    Custody (huoltajuus) is flagged apart from biology: a biological parent may
    not be a guardian and a guardian may be no parent at all.
    """

    county = models.ForeignKey("teams.County", on_delete=models.PROTECT, related_name="+")
    from_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ties_from")
    to_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ties_to")
    kind = models.CharField(_("relationship"), max_length=30, choices=RelationshipKind.choices)
    is_guardian = models.BooleanField(_("guardian (huoltaja)"), default=False)
    lives_with = models.BooleanField(_("lives in the same household"), default=False)
    partnership_status = models.CharField(
        _("partnership status"), max_length=20, choices=PartnershipStatus.choices, blank=True
    )
    started_on = models.DateField(_("from"), null=True, blank=True)
    ended_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_person=models.F("to_person")),
                name="relationship_not_to_self",
            ),
            models.UniqueConstraint(
                fields=["from_person", "to_person", "kind"], name="relationship_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_person_id} {self.kind} {self.to_person_id}"
