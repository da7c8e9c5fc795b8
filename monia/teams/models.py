"""Wellbeing services counties (hyvinvointialue) and their teams."""

import datetime

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from monia.ui.languages import in_language, in_reader_language


class County(models.Model):
    """A wellbeing services county (hyvinvointialue), the controller (rekisterinpitäjä)
    of its own client register. One installation may serve several counties of a
    cooperation area; client data never crosses a county line."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    name_en = models.CharField(
        _("name in English"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("The county's name on English pages. Empty: the Finnish name."),
    )
    controller = models.CharField(
        _("controller (rekisterinpitäjä)"),
        max_length=200,
        help_text=_("The legal controller of the county's client register, in Finnish."),
    )
    controller_sv = models.CharField(
        _("controller in Swedish (personuppgiftsansvarig)"),
        max_length=200,
        blank=True,
        help_text=_(
            "The controller's name in Swedish: on Swedish documents and for Swedish "
            "readers. Empty: the Finnish name."
        ),
    )
    controller_en = models.CharField(
        _("controller in English"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("The controller's name on English pages. Empty: the Finnish name."),
    )
    bilingual = models.BooleanField(_("bilingual county"), default=False)
    intake_team = models.ForeignKey(
        "Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("intake team"),
        help_text=_(
            "The team that receives electronic child welfare notifications; "
            "empty: the team of the worker who converts them."
        ),
    )

    social_emergency_phone = models.CharField(
        _("emergency social services phone (sosiaalipäivystys)"),
        max_length=40,
        blank=True,
        help_text=_("Shown to children and families in the portal, beside 112."),
    )
    social_emergency_email = models.EmailField(
        _("emergency social services e-mail"),
        blank=True,
        help_text=_(
            "Outside office hours, a client's “I don't feel safe” alert is also sent "
            "here, without any client data. Give an address the on-call social worker reads "
            "who can log in to Monia."
        ),
    )
    office_opens = models.TimeField(
        _("office hours start"),
        default=datetime.time(8, 0),
        help_text=_("On working days (not weekends or Finnish public holidays)."),
    )
    office_closes = models.TimeField(_("office hours end"), default=datetime.time(16, 0))

    class Meta:
        verbose_name = _("wellbeing services county")
        verbose_name_plural = _("wellbeing services counties")
        ordering = ["name_fi"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(office_opens__lt=models.F("office_closes")),
                name="county_office_opens_before_it_closes",
            ),
        ]

    def __str__(self) -> str:
        return self.name_fi

    def localized_name(self, language: str) -> str:
        """The name as a document in ``language`` names it (Swedish, else Finnish)."""
        return in_language(language, fi=self.name_fi, sv=self.name_sv)

    @property
    def display_name(self) -> str:
        """The county in the reader's language (pages)."""
        return in_reader_language(fi=self.name_fi, sv=self.name_sv, en=self.name_en)

    def localized_controller(self, language: str) -> str:
        """The controller as a document in ``language`` names it (Swedish or Finnish)."""
        return in_language(language, fi=self.controller, sv=self.controller_sv)

    @property
    def display_controller(self) -> str:
        """The controller in the reader's language (pages)."""
        return in_reader_language(fi=self.controller, sv=self.controller_sv, en=self.controller_en)


class Team(models.Model):
    """A team that owns cases, e.g. a systemic child welfare team (systeeminen tiimi)."""

    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        related_name="teams",
        verbose_name=_("wellbeing services county"),
    )
    name = models.CharField(_("name in Finnish"), max_length=200)
    # A default, not only blank: bench/generate.py COPYs teams without it.
    name_sv = models.CharField(
        _("name in Swedish"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("The team's name on Swedish pages and documents. Empty: the Finnish name."),
    )
    name_en = models.CharField(
        _("name in English"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("The team's name on English pages. Empty: the Finnish name."),
    )
    reflection_interval_weeks = models.PositiveSmallIntegerField(
        _("propose a family not discussed for … weeks"),
        default=4,
        help_text=_(
            "The weekly meeting's agenda proposes every family the team has not "
            "discussed for this many weeks."
        ),
    )

    # The team's office postal address (county configuration): printed on each decision
    # as where the person who gives more information is reached (HL 44 §).
    office_street = models.CharField(
        _("office street address or PO box"), max_length=200, blank=True
    )
    office_postal_code = models.CharField(
        _("office postal code"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("A postal code is five digits."))],
    )
    office_town = models.CharField(_("office post office"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["county__name_fi", "name"]
        constraints = [
            models.UniqueConstraint(fields=["county", "name"], name="team_name_unique_in_county"),
            models.UniqueConstraint(
                fields=["county", "name_sv"],
                condition=~models.Q(name_sv=""),
                name="team_swedish_name_unique_in_county",
                violation_error_message=_("The county already has a team of that Swedish name."),
            ),
            models.UniqueConstraint(
                fields=["county", "name_en"],
                condition=~models.Q(name_en=""),
                name="team_english_name_unique_in_county",
                violation_error_message=_("The county already has a team of that English name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def localized_name(self, language: str) -> str:
        """The team as a document in ``language`` names it (Swedish, else Finnish)."""
        return in_language(language, fi=self.name, sv=self.name_sv)

    @property
    def display_name(self) -> str:
        """The team in the reader's language (pages), as ``County.display_controller``."""
        return in_reader_language(fi=self.name, sv=self.name_sv, en=self.name_en)


class Municipality(models.Model):
    """A municipality (kunta) and the wellbeing services county that organises its social
    welfare (laki hyvinvointialueesta 611/2021, 7 §). Citizens know where a child lives,
    not which county that belongs to: the public notification form lets them choose the
    municipality and finds the county from here."""

    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("wellbeing services county"),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=100, unique=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name_fi"]

    def __str__(self) -> str:
        return self.name_fi

    def localized_name(self, language: str) -> str:
        """The name as a document in ``language`` names it (Swedish, else Finnish)."""
        return in_language(language, fi=self.name_fi, sv=self.name_sv)

    @property
    def display_name(self) -> str:
        """The municipality in the reader's language (pages)."""
        return in_reader_language(fi=self.name_fi, sv=self.name_sv)
