"""Staff users, their roles and API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from monia.ui.languages import in_language, in_reader_language


class Role(models.TextChoices):
    DESIGNATED_SOCIAL_WORKER = (
        "designated_social_worker",
        _("Designated social worker (lapsen asioista vastaava sosiaalityöntekijä)"),
    )
    SOCIAL_WORKER = "social_worker", _("Social worker")
    CONSULTANT_SOCIAL_WORKER = "consultant_social_worker", _("Consultant social worker")
    FAMILY_THERAPIST = "family_therapist", _("Family therapist")
    FAMILY_WORKER = "family_worker", _("Family worker (sosiaaliohjaaja)")
    TEAM_COORDINATOR = "team_coordinator", _("Team coordinator")
    SENIOR_OFFICIAL = "senior_official", _("Senior official")
    ADMINISTRATOR = "administrator", _("Administrator")
    PARTNER = "partner", _("Partner professional")
    CLIENT = "client", _("Client (participation portal)")
    # The development network (issue 16): neither staff nor clients in the access policy,
    # so neither ever reaches client data (access/develop_rule.py).
    DEVELOPMENT_COORDINATOR = "development_coordinator", _("Development coordinator")
    EXPERT_BY_EXPERIENCE = "expert_by_experience", _("Expert by experience")


class Language(models.TextChoices):
    """The language a user works in: the pages after login and every e-mail Monia sends
    them (Finnish and Swedish are the national languages; English for the rest)."""

    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


# Roles held by qualified (laillistettu) social workers, who may be named the
# child's designated worker (LsL 13 b §) and who make the casework decisions.
QUALIFIED_SOCIAL_WORK_ROLES = frozenset(
    {Role.DESIGNATED_SOCIAL_WORKER, Role.SOCIAL_WORKER, Role.CONSULTANT_SOCIAL_WORKER}
)


class User(AbstractUser):
    """A member of staff. Every staff member belongs to one county and at most one team."""

    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    county = models.ForeignKey(
        "teams.County",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("wellbeing services county"),
    )
    team = models.ForeignKey(
        "teams.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("team"),
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="professionals",
        verbose_name=_("organisation"),
        help_text=_("For partner professionals: the organisation they work for."),
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("The job title in Finnish.")
    )
    # Clients and documents meet the title in their own language (fallback: Finnish).
    title_sv = models.CharField(
        _("title in Swedish"),
        max_length=200,
        blank=True,
        help_text=_("For Swedish readers and documents. Empty: the Finnish title."),
    )
    title_en = models.CharField(
        _("title in English"),
        max_length=200,
        blank=True,
        help_text=_("For English readers. Empty: the Finnish title."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language.choices,
        blank=True,
        default="",
        help_text=_(
            "The language of the pages after login and of the e-mails Monia sends (empty: "
            "the browser's language, e-mails in Finnish). The language switch sets it too."
        ),
    )
    # The county identity provider's stable id of this person (the ID token's "sub"): single
    # sign-on finds the account by it (accounts/oidc.py), never by a name or an address.
    oidc_subject = models.CharField(
        _("single sign-on subject"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "The identity provider's subject identifier (sub) of this person for single "
            "sign-on. Empty: set at the first single sign-on by a verified e-mail address, "
            "when that is allowed; clear it to link the account again."
        ),
    )

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_superuser=False) | models.Q(role="administrator"),
                name="only_administrators_are_superusers",
            ),
        ]

    @property
    def is_qualified_social_worker(self) -> bool:
        return self.role in QUALIFIED_SOCIAL_WORK_ROLES

    @property
    def working_language(self) -> str:
        """The language of this user's e-mails: their own, else the installation's."""
        return self.language or settings.LANGUAGE_CODE

    @property
    def display_name(self) -> str:
        return display_name(self.first_name, self.last_name, self.username)

    def localized_title(self, language: str) -> str:
        """The title as a document in ``language`` gives it."""
        return in_language(language, fi=self.title, sv=self.title_sv, en=self.title_en)

    @property
    def display_title(self) -> str:
        """The title in the reader's language (pages)."""
        return in_reader_language(fi=self.title, sv=self.title_sv, en=self.title_en)


def display_name(first_name: str, last_name: str, username: str) -> str:
    """A user as shown, from the columns (``User.display_name``; rows read without the
    model): the full name, else the username."""
    return f"{first_name} {last_name}".strip() or username


class ApiToken(models.Model):
    """A personal API token. Only the SHA-256 of the secret is stored."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def hash_key(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def new_key() -> str:
        return "monia_" + secrets.token_urlsafe(32)
