"""Request and response shapes of the JSON API (pydantic, through django-ninja)."""

from __future__ import annotations

import datetime
import uuid
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import AfterValidator, AwareDatetime, field_validator, model_validator

from monia.casework.intake_services import INTAKE_CONTENT_MAX_LENGTH
from monia.casework.models import Channel, FamilyInformed, IntakeKind, NotifierType, Sector
from monia.people.models import Gender, Language
from monia.ui.fields import EARLIEST_DATE, LATEST_DATE, has_control_characters


def _printable(value: str) -> str:
    if has_control_characters(value):
        raise ValueError(_("Remove the control characters (such as a NUL byte) from the text."))
    return value


def _plausible_date(value: Any) -> Any:
    day = value.date() if isinstance(value, datetime.datetime) else value
    if isinstance(day, datetime.date) and not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(
            _("Give a date between %(earliest)s and %(latest)s.")
            % {"earliest": EARLIEST_DATE.year, "latest": LATEST_DATE.year}
        )
    return value


#: Text of every input field: no NUL byte or other control characters (tab and line
#: breaks are text), the same rule as every form field (``monia.ui.fields``).
Text = Annotated[str, AfterValidator(_printable)]
#: A date of the input: within 1900–2100, like every form's date field.
PlausibleDate = Annotated[datetime.date, AfterValidator(_plausible_date)]
PlausibleDatetime = Annotated[AwareDatetime, AfterValidator(_plausible_date)]


class Message(Schema):
    detail: str


class Errors(Schema):
    """Field → messages, in the user's language; ``__all__`` for the request as a whole."""

    errors: dict[str, list[str]]


class ChildIn(Schema):
    """A child not yet in the county's register: created together with the intake."""

    identity_code: Text = Field(
        default="", max_length=11, description="Henkilötunnus, e.g. 010115A901C"
    )
    first_names: Text = Field(default="", max_length=200)
    last_name: Text = Field(max_length=200)
    birth_date: PlausibleDate | None = None
    expected_birth_date: PlausibleDate | None = Field(
        default=None, description="For an unborn child (pre-birth notification, LsL 25 c §)"
    )
    gender: Gender = Gender.UNKNOWN
    language: Language = Language.FINNISH
    other_language: Text = Field(default="", max_length=100)
    interpreter_needed: bool = False
    municipality: Text = Field(default="", max_length=100)

    def service_kwargs(self) -> dict[str, Any]:
        data = self.model_dump()
        data["gender"], data["language"] = self.gender.value, self.language.value
        return data


class NotificationIn(Schema):
    """An intake (vireilletulo) for an existing child (``child_id``) or a new one (``child``)."""

    child_id: int | None = None
    child: ChildIn | None = None
    kind: IntakeKind
    channel: Channel
    received_at: PlausibleDatetime = Field(
        description="When the intake was received: not in the future, not before 1 January "
        "2008 (the Child Welfare Act 417/2007 in force)"
    )
    notifier_type: NotifierType
    notifier_sector: Sector | Literal[""] = ""
    notifier_name: Text = Field(default="", max_length=200)
    notifier_organisation: Text = Field(default="", max_length=200)
    notifier_phone: Text = Field(default="", max_length=40)
    notifier_email: Text = Field(default="", max_length=254)
    family_informed: FamilyInformed = FamilyInformed.UNKNOWN
    family_participated: bool = False
    content: Text = Field(
        max_length=INTAKE_CONTENT_MAX_LENGTH,
        description=f"What the notifier told, at most {INTAKE_CONTENT_MAX_LENGTH} characters",
    )
    police_report_suspected: bool = False
    team_id: int | None = Field(default=None, description="Defaults to the user's own team")
    submission_key: uuid.UUID | None = Field(
        default=None,
        description="A client-generated UUID: a retry with the same key records nothing "
        "new and returns the first intake",
    )

    @field_validator("notifier_email")
    @classmethod
    def _email(cls, value: str) -> str:
        value = value.strip()
        if value:
            try:
                validate_email(value)
            except DjangoValidationError as exc:
                raise ValueError(exc.messages[0]) from exc
        return value

    @model_validator(mode="after")
    def _one_child(self) -> NotificationIn:
        if (self.child_id is None) == (self.child is None):
            raise ValueError(
                _(
                    "Give either child_id (a child in the register) or child "
                    "(a new child), not both."
                )
            )
        return self

    def intake_kwargs(self) -> dict[str, Any]:
        """The keyword arguments of ``services.intake_record`` other than user, child, team."""
        data = self.model_dump(exclude={"child_id", "child", "team_id"})
        for name in ("kind", "channel", "notifier_type", "notifier_sector", "family_informed"):
            data[name] = str(getattr(self, name))
        return data


class IntakeCreated(Schema):
    """The recorded intake. Only ``intake_id`` is given when the case is another team's."""

    intake_id: int
    case_id: int | None
    decision_due: datetime.date | None = Field(
        default=None, description="Decision on starting an assessment due (LsL 26 § 3 mom)"
    )
    received_at: datetime.datetime | None = None


class ContactOut(Schema):
    kind: str = Field(description="phone, email or address")
    value: str


class ChildOut(Schema):
    id: int
    first_names: str
    last_name: str
    birth_date: datetime.date | None
    non_disclosure: bool = Field(
        description="Non-disclosure for personal safety (turvakielto): the address, "
        "municipality and contact details are then never given to another system"
    )
    municipality: str = Field(description="Municipality of residence; empty under non-disclosure")
    address: str = Field(description="Home address; empty under non-disclosure")
    contact_details: list[ContactOut] = Field(
        description="Phone numbers, e-mail and further addresses in use; none under non-disclosure"
    )


class TeamOut(Schema):
    id: int
    name: str
    name_sv: str  # the team's Swedish name; empty when it has none
    name_en: str  # the team's English name; empty when it has none


class WorkerOut(Schema):
    id: int
    name: str


class IntakeOut(Schema):
    id: int
    kind: str
    received_at: datetime.datetime
    decision_due: datetime.date
    decision: str | None = Field(description="Null until decided")
    decided_on: datetime.date | None


class DeadlineOut(Schema):
    kind: str
    due: datetime.date
    status: str


class CaseOut(Schema):
    id: int
    stage: str
    service_task: str
    child: ChildOut
    team: TeamOut
    designated_worker: WorkerOut | None
    intakes: list[IntakeOut]
    deadlines: list[DeadlineOut]


class MyDeadlineOut(Schema):
    case_id: int
    child_name: str
    kind: str
    due: datetime.date
    status: str
