"""The county's child welfare expert group (lastensuojelun asiantuntijaryhmä, LsL 14 §).

The county must give the social worker access to expertise in child development,
health and law; the group helps prepare care orders and substitute care and gives
statements. A worker presents a case to a session either named, with the family's
consent, or pseudonymised; a pseudonymised case is never shown by the child's name on
the group's pages.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExpertGroup(models.Model):
    county = models.ForeignKey(
        "teams.County",
        on_delete=models.PROTECT,
        related_name="expert_groups",
        verbose_name=_("wellbeing services county"),
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("expert group")
        verbose_name_plural = _("expert groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["county", "name"], name="expert_group_name_in_county"),
        ]

    def __str__(self) -> str:
        return self.name


class Expertise(models.TextChoices):
    CHILD_DEVELOPMENT = "child_development", _("Child development")
    HEALTH = "health", _("Health")
    LAW = "law", _("Law")
    PSYCHIATRY = "psychiatry", _("Psychiatry")
    SUBSTANCE_USE = "substance_use", _("Substance use")
    EDUCATION = "education", _("Education")
    OTHER = "other", _("Other expertise")


class ExpertMember(models.Model):
    group = models.ForeignKey(ExpertGroup, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    expertise = models.CharField(_("expertise"), max_length=20, choices=Expertise.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("staff account"),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("expert group member")
        verbose_name_plural = _("expert group members")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class ExpertSession(models.Model):
    """One meeting of the group."""

    group = models.ForeignKey(
        ExpertGroup,
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("expert group"),
    )
    held_on = models.DateField(_("date"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    remote_link = models.URLField(_("remote meeting link"), blank=True)

    class Meta:
        verbose_name = _("expert group session")
        verbose_name_plural = _("expert group sessions")
        ordering = ["-held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.group} {self.held_on}"


class PresentationMode(models.TextChoices):
    CONSENT = "consent", _("By name, with consent")
    PSEUDONYMISED = "pseudonymised", _("Pseudonymised")


class ExpertCase(models.Model):
    """A case presented to a session, the question put to the group and its statement."""

    session = models.ForeignKey(ExpertSession, on_delete=models.PROTECT, related_name="cases")
    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="expert_consultations"
    )
    presented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(
        _("how the case is presented"), max_length=20, choices=PresentationMode.choices
    )
    consent_given_by = models.CharField(_("consent given by"), max_length=200, blank=True)
    pseudonym = models.CharField(_("pseudonym"), max_length=100, blank=True)
    question = models.TextField(_("question to the group"))
    statement = models.TextField(_("statement of the group"), blank=True)
    statement_given_on = models.DateField(_("statement given on"), null=True, blank=True)
    statement_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("case presented to the expert group")
        verbose_name_plural = _("cases presented to the expert group")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "case"], name="expert_case_once_per_session"
            ),
            models.UniqueConstraint(
                fields=["session", "pseudonym"],
                condition=~models.Q(pseudonym=""),
                name="expert_case_pseudonym_unique_in_session",
            ),
            # A named presentation rests on somebody's consent; a pseudonymised one has a
            # pseudonym and records no name of a consenting person either.
            models.CheckConstraint(
                condition=(models.Q(mode="consent") & ~models.Q(consent_given_by=""))
                | (
                    models.Q(mode="pseudonymised")
                    & ~models.Q(pseudonym="")
                    & models.Q(consent_given_by="")
                ),
                name="expert_case_mode_complete",
            ),
            models.CheckConstraint(
                condition=(models.Q(statement="") & models.Q(statement_given_on__isnull=True))
                | (~models.Q(statement="") & models.Q(statement_given_on__isnull=False)),
                name="expert_case_statement_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"expert case {self.pk}"
