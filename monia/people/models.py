"""Persons in a county's client register and the relationships between them.

Relationships are stored as data (who is whose parent, guardian, partner,
sibling …) so that genograms and family networks are drawn from the record.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.functions import Concat, Upper
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from monia.ui.languages import document_language_for

# A child is a person under 18 (LsL 6 §); the child of an intake is one, or unborn (25 c §).
ADULT_AGE = 18


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Full years of age on ``day``."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


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


class Fold(models.Func):
    """Text lower-cased and without accents ("Söderström" → "soderstrom"): the database's
    ``monia_fold``, an immutable wrapper of ``unaccent`` (people/migrations/0004)."""

    function = "monia_fold"
    output_field = models.TextField()


class NameKeys(models.Func):
    """The words of a name folded and split at spaces and hyphens, each with its county:
    county 7's "Anna-Liisa Söderström" → {7:anna, 7:liisa, 7:soderstrom}. The database's
    ``monia_name_keys`` (people/migrations/0004): with the county in every key, one index
    look-up finds one county's persons with a word."""

    function = "monia_name_keys"
    output_field = ArrayField(models.TextField())


def _folded_name() -> Fold:
    return Fold(Concat("first_names", models.Value(" "), "last_name"))


class NameWord(models.Model):
    """One folded word of the names in the register ("soderstrom"): the vocabulary in which
    the client search looks up what a typed word may have meant ("soderstom"). Kept by the
    database: a trigger on ``people_person`` adds the words of every name written
    (people/migrations/0004); a word is never removed (it names no one by itself)."""

    word = models.TextField(primary_key=True)

    class Meta:
        indexes = [GinIndex(OpClass(models.F("word"), name="gin_trgm_ops"), name="nameword_trgm")]

    def __str__(self) -> str:
        return self.word


# The columns ``full_name`` reads, for lists that read rows rather than persons.
NAME_FIELDS = (
    "first_names",
    "last_name",
    "unidentified",
    "approximate_age",
    "expected_birth_date",
)


def full_name(
    first_names: str,
    last_name: str,
    unidentified: bool,
    approximate_age: int | None,
    expected_birth_date: datetime.date | None = None,
) -> str:
    """A person's name as shown; a child not identified yet is described instead, and an
    unborn child without a first name is named as one (a list once showed "Heinonen")."""
    name = f"{first_names} {last_name}".strip()
    if not unidentified and not first_names.strip() and expected_birth_date is not None:
        if last_name.strip():  # with no name at all, each page says "unborn child" its way
            return gettext("Unborn child (%(name)s)") % {"name": last_name.strip()}
    if name or not unidentified:
        return name
    if approximate_age is not None:
        return gettext("Unidentified child, about %(age)s years") % {"age": approximate_age}
    return gettext("Unidentified child")


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
    address = models.CharField(_("address"), max_length=300, blank=True)
    # A child the notifier could not name (LsL 25 §: "the boy of about eight in stairway B,
    # flat 12") is recorded as told, and linked to the identified person later.
    unidentified = models.BooleanField(_("not identified yet"), default=False)
    approximate_age = models.PositiveSmallIntegerField(
        _("approximate age (years)"), null=True, blank=True
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("How the child was described, while the child is not identified."),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("identified as"),
    )
    # Non-disclosure for personal safety (turvakielto, väestötietolaki 661/2009 36 §): the
    # population register marks it and the worker records the marking here (with a reason, in
    # the corrections). Who sees the contact details then: monia/access/contact.py.
    non_disclosure = models.BooleanField(_("non-disclosure for personal safety"), default=False)
    non_disclosure_since = models.DateField(_("non-disclosure marked on"), null=True, blank=True)
    non_disclosure_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("non-disclosure recorded by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The whole name folded ("Åsa Söderström" → "asa soderstrom") and its words with the
    # county ({7:asa, 7:soderstrom}), kept by the database (casework/search_selectors.py).
    search_name = models.GeneratedField(
        expression=_folded_name(),
        output_field=models.TextField(),
        db_persist=True,
    )
    name_keys = models.GeneratedField(
        expression=NameKeys("county_id", "first_names", "last_name"),
        output_field=ArrayField(models.TextField()),
        db_persist=True,
    )

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
            # Identified means by identity code or date of birth: never both at once.
            models.CheckConstraint(
                condition=models.Q(unidentified=False)
                | (models.Q(identity_code="") & models.Q(birth_date__isnull=True)),
                name="person_unidentified_has_no_identity",
            ),
            models.CheckConstraint(
                condition=models.Q(approximate_age__isnull=True)
                | models.Q(approximate_age__lte=120),
                name="person_approximate_age_plausible",
            ),
            models.CheckConstraint(
                condition=models.Q(non_disclosure=False)
                | models.Q(non_disclosure_since__isnull=False),
                name="person_non_disclosure_dated",
            ),
        ]
        indexes = [
            models.Index(fields=["county", "last_name", "first_names"], name="person_name_idx"),
            # Likely duplicates share the date of birth (people.selectors.persons_similar).
            models.Index(fields=["county", "birth_date"], name="person_birth_date_idx"),
            # The name search matches parts of names (icontains: UPPER(name) LIKE '%…%').
            GinIndex(
                OpClass(Upper("last_name"), name="gin_trgm_ops"), name="person_last_name_trgm"
            ),
            GinIndex(
                OpClass(Upper("first_names"), name="gin_trgm_ops"), name="person_first_names_trgm"
            ),
            # The client search: the county's persons with any of the name words looked up.
            GinIndex(fields=["name_keys"], name="person_name_keys"),
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
        return full_name(
            self.first_names,
            self.last_name,
            self.unidentified,
            self.approximate_age,
            self.expected_birth_date,
        )

    @property
    def recorded_name(self) -> str:
        """The name as recorded, for what is kept or sent rather than read on a page (a
        genogram's saved versions, the FHIR API): an unborn child's surname alone, not the
        words of one language around it (the drawing and the data mark it unborn)."""
        return full_name(self.first_names, self.last_name, self.unidentified, self.approximate_age)

    @property
    def document_language(self) -> str:
        """The language of this person's documents and letters: Swedish if theirs, else Finnish."""
        return document_language_for(self.language)

    def may_be_child_on(self, day: datetime.date) -> bool:
        """Whether this person may be the child of an intake received on ``day``: under 18,
        unborn (25 c §), or not identified yet and not told to be an adult. A person with
        no date at all was recorded as a family member."""
        if self.birth_date is not None:
            return age_on(self.birth_date, day) < ADULT_AGE
        if self.unidentified:
            return self.approximate_age is None or self.approximate_age < ADULT_AGE
        return self.expected_birth_date is not None


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
    # The form session that recorded the tie (a family member added on a case): the form
    # sent again after "Back" records once (casework's ``family_member_add``).
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)

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


class Correction(models.Model):
    """One corrected value of a record, with the old value kept and the reason given
    (the client's right to rectification, GDPR art. 16). Signed decisions are never
    corrected this way: a new decision corrects them."""

    field = models.CharField(_("field"), max_length=40)
    old_value = models.TextField(_("old value"), blank=True)
    new_value = models.TextField(_("new value"), blank=True)
    # LsL 25 §: when a notifier turns out to be anonymous, their identity is erased, not
    # kept in the history.
    old_value_erased = models.BooleanField(default=False)
    reason = models.TextField(_("reason for the correction"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    corrected_at = models.DateTimeField(_("corrected"), default=timezone.now)

    #: The model whose field was corrected (set by each concrete correction).
    corrected_model: ClassVar[type[models.Model]]

    class Meta:
        abstract = True
        ordering = ["-corrected_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.field} {self.corrected_at:%Y-%m-%d}"

    def _model_field(self) -> models.Field[Any, Any] | None:
        try:
            found = self.corrected_model._meta.get_field(self.field)
        except FieldDoesNotExist:
            return None
        return found if isinstance(found, models.Field) else None

    @property
    def field_label(self) -> str:
        found = self._model_field()
        return capfirst(str(found.verbose_name)) if found is not None else self.field

    def _shown(self, value: str) -> str:
        found = self._model_field()
        if value == "" or found is None:
            return value
        if found.choices:
            return str(dict(found.flatchoices).get(value, value))
        if isinstance(found, models.BooleanField):
            return gettext("Yes") if value == "True" else gettext("No")
        if isinstance(found, models.DateField):
            return date_format(datetime.date.fromisoformat(value), "j.n.Y")
        return value

    @property
    def old_shown(self) -> str:
        return self._shown(self.old_value)

    @property
    def new_shown(self) -> str:
        return self._shown(self.new_value)


class PersonCorrection(Correction):
    """A correction of a person's details: name, identity code, language, municipality …"""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="corrections")
    corrected_model = Person

    class Meta(Correction.Meta):
        verbose_name = _("correction of personal details")
        verbose_name_plural = _("corrections of personal details")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason=""), name="person_correction_has_reason"
            ),
        ]


class RelationshipCorrection(Correction):
    """A correction of a family relation: its kind, custody, household, partnership or
    dates (the client's right to rectification), with the old value kept."""

    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="corrections"
    )
    corrected_model = Relationship

    class Meta(Correction.Meta):
        verbose_name = _("correction of a family relation")
        verbose_name_plural = _("corrections of family relations")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason=""), name="relationship_correction_has_reason"
            ),
        ]


class ContactKind(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    ADDRESS = "address", _("Other address")


class ContactDetail(models.Model):
    """A phone number, an e-mail address or a further address (postal, temporary) of a
    person; the home address and the municipality of residence are the person's own fields.
    A person under non-disclosure has every one of them protected (monia/access/contact.py).
    Changes to a recorded value are corrections with a reason (``ContactDetailCorrection``);
    a number no longer in use gets an end date and stays in the record."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contact_details")
    kind = models.CharField(_("kind"), max_length=10, choices=ContactKind.choices)
    value = models.CharField(_("phone, e-mail or address"), max_length=300)
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("For example: work phone; postal address; reachable after 4 pm."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("contact detail")
        verbose_name_plural = _("contact details")
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(value=""), name="contact_detail_has_value"),
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="contact_detail_valid_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} of person {self.person_id}"

    def in_use_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


class ContactDetailCorrection(Correction):
    """A correction of a recorded phone number, e-mail or address, with the old value kept."""

    detail = models.ForeignKey(ContactDetail, on_delete=models.CASCADE, related_name="corrections")
    corrected_model = ContactDetail

    class Meta(Correction.Meta):
        verbose_name = _("correction of a contact detail")
        verbose_name_plural = _("corrections of contact details")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason=""), name="contact_detail_correction_has_reason"
            ),
        ]
