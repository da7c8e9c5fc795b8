"""The register of experts by experience (kokemusasiantuntijat), their assignments, fees and
the payroll export. Issue 16, the development network. No client data: an expert by
experience is neither staff nor a client (access/develop_rule.py).

Payment details (bank account, tax percentage) stay in the payroll system: Monia keeps only
that a tax card was received for a year, which a fee needs (a fee is taxable pay)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from monia.teams.models import County


class ExpertByExperience(models.Model):
    """One expert in the county's register. ``pseudonym`` is what every page shows; the real
    name and contact details are for the coordinator and the payroll export only."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="+")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expert_entry",
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=80)
    known_as = models.CharField(_("known as"), max_length=200, blank=True)
    real_name = models.CharField(_("real name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    themes = ArrayField(models.CharField(max_length=60), default=list, blank=True)
    training = models.TextField(_("training as an expert"), blank=True)
    availability = models.TextField(_("availability"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("pseudonym", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("county", "pseudonym"), name="experience_pseudonym_unique_in_county"
            ),
        ]

    def __str__(self) -> str:
        return self.pseudonym


class TaxCardNote(models.Model):
    """The coordinator saw the expert's tax card for a year (verokortti): fees of that year
    may be agreed. The card itself goes to payroll, not to Monia."""

    expert = models.ForeignKey(
        ExpertByExperience, on_delete=models.CASCADE, related_name="tax_cards"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    noted_on = models.DateField()
    noted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ("-year",)
        constraints = [
            models.UniqueConstraint(fields=("expert", "year"), name="experience_tax_card_once"),
        ]

    def __str__(self) -> str:
        return f"{self.expert} {self.year}"


class AssignmentKind(models.TextChoices):
    TALK = "talk", _("Talk")
    DEVELOPER_GROUP = "developer_group", _("Developer group")
    TRAINING = "training", _("Training session")
    WORKING_PAIR = "working_pair", _("Working pair with a worker")
    OTHER = "other", _("Other")


class AssignmentStatus(models.TextChoices):
    AGREED = "agreed", _("Agreed")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Assignment(models.Model):
    """An assignment of an expert with the agreed fee and the costs reimbursed. Costs never
    fall on the expert: they are always paid, also of a cancelled assignment."""

    expert = models.ForeignKey(
        ExpertByExperience, on_delete=models.PROTECT, related_name="assignments"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AssignmentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, default=0)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    fee_agreed = models.DecimalField(_("fee agreed"), max_digits=9, decimal_places=2, default=0)
    fee_declined = models.BooleanField(_("fee declined"), default=False)
    costs = models.DecimalField(_("costs"), max_digits=9, decimal_places=2, default=0)
    costs_description = models.CharField(_("costs explained"), max_length=300, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.AGREED,
    )
    # The payroll month (its first day) in whose export the assignment went; set only by the
    # export, after which its money is locked.
    paid_month = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("date", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(fee_agreed__gte=0), name="experience_fee_not_negative"
            ),
            models.CheckConstraint(condition=Q(costs__gte=0), name="experience_costs_not_negative"),
            models.CheckConstraint(condition=Q(hours__gte=0), name="experience_hours_not_negative"),
            # The same assignment twice (a double submit) is one.
            models.UniqueConstraint(
                fields=("expert", "kind", "date", "title"), name="experience_assignment_once"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def fee_payable(self) -> Decimal:
        """The fee payroll pays: none when declined or cancelled."""
        if self.fee_declined or self.status != AssignmentStatus.DONE:
            return Decimal("0.00")
        return Decimal(self.fee_agreed)

    @property
    def total_payable(self) -> Decimal:
        return self.fee_payable + Decimal(self.costs)


class PayrollExport(models.Model):
    """Who exported a month's fees and costs for payroll, and when (not client data)."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="+")
    month = models.DateField()  # its first day
    exported_at = models.DateTimeField(auto_now_add=True)
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("-month", "-exported_at")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"
