"""Forms for casework pages. Forms only parse and label input; rules live in services."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django import forms
from django.forms.utils import ErrorDict
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from monia.access import contact
from monia.accounts.models import QUALIFIED_SOCIAL_WORK_ROLES, User
from monia.casework.intake_services import INTAKE_CONTENT_MAX_LENGTH
from monia.casework.models import (
    AssessmentConclusion,
    Channel,
    FamilyInformed,
    HearingMethod,
    IntakeDecision,
    IntakeKind,
    NotifierType,
    Sector,
    Urgency,
)
from monia.people.models import Gender, Language, Person, RelationshipKind
from monia.teams.models import Team
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput, DateTimeInput


def _blank_first(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", "—"), *choices]


def unchecked(*forms_: forms.Form) -> None:
    """Show bound forms as typed, without validation messages: the worker pressed
    "Search" in the middle of the form, and nothing was submitted yet. A search term that
    cannot be searched for (a NUL byte, too long) keeps its message: nothing was searched."""
    for form in forms_:
        kept = ErrorDict()
        if form.is_bound and "q" in form.fields and "q" in form.errors:
            kept["q"] = form.errors["q"]
        form._errors = kept  # noqa: SLF001 - Django reads errors from here
        form.cleaned_data = {}  # a service's message may still be added (add_error)


class SubmissionKeyInput(forms.TextInput):
    """The idempotency key of one form session. A text input hidden from view rather than
    ``type=hidden``: browsers restore text inputs when the worker goes back to the form,
    hidden ones never. ``casework/submission-key.js`` makes the key one the browser
    restores, so submitting again after "Back" repeats the same key and records nothing
    new (``submission_lock``). Hidden to Django too: a form drawn whole (``{{ form }}``)
    gives it no label."""

    def __init__(self) -> None:
        super().__init__(attrs={"hidden": True, "data-submission-key": True})

    @property
    def is_hidden(self) -> bool:
        return True


class SentOnceForm(MoniaForm):
    """A form whose key (one per form session) makes a double click, or the form sent
    again after "Back", save once (the services' ``sent_before``): the portal's
    messages, journal and My voice, the workers' messages and journal entries to
    clients, and the staff's records (intake, measure, note, decision …). Not required
    unless ``key_required``: a page opened before the key existed still sends."""

    key_required = False
    submission_key = forms.UUIDField(label=_("Form key"), widget=SubmissionKeyInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["submission_key"].required = self.key_required
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())


def now_for_input() -> object:
    """Now, to the minute, in the user's time zone: the default time of a call taken now."""
    return timezone.localtime().replace(second=0, microsecond=0)


class TeamChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Team) -> str:  # type: ignore[override]
        return obj.display_name


class IntakeForm(SentOnceForm):
    key_required = True
    kind = forms.ChoiceField(
        label=_("Kind of intake"),
        choices=IntakeKind.choices,
        widget=forms.RadioSelect,
        initial=IntakeKind.NOTIFICATION,
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    received_at = forms.DateTimeField(label=_("Received (date and time)"), widget=DateTimeInput())
    notifier_type = forms.ChoiceField(
        label=_("Notifier"),
        choices=NotifierType.choices,
        widget=forms.RadioSelect,
        initial=NotifierType.OBLIGATED,
    )
    notifier_sector = forms.ChoiceField(
        label=_("Notifier's sector"), required=False, choices=_blank_first(Sector.choices)
    )
    notifier_name = forms.CharField(label=_("Notifier's name"), required=False, max_length=200)
    notifier_organisation = forms.CharField(label=_("Organisation"), required=False, max_length=200)
    notifier_phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    notifier_email = forms.EmailField(label=_("E-mail"), required=False)
    family_informed = forms.ChoiceField(
        label=_("What the notifier told the family"),
        choices=FamilyInformed.choices,
        widget=forms.RadioSelect,
        initial=FamilyInformed.UNKNOWN,
    )
    family_participated = forms.BooleanField(
        label=_("Made together with the child or parent (LsL 25 a §, SHL 35 §)"), required=False
    )
    police_report_suspected = forms.BooleanField(
        label=_("Sexual abuse or a violent crime is suspected (a police report is also due)"),
        required=False,
    )
    content = forms.CharField(
        label=_("Content of the notification"),
        max_length=INTAKE_CONTENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    team = TeamChoiceField(label=_("Team"), queryset=Team.objects.none())

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["team"].queryset = Team.objects.filter(county_id=user.county_id)  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial.setdefault("team", user.team_id)
            self.initial.setdefault("received_at", now_for_input())


def person_label(person: Person) -> str:
    """A person as a choice: the name and what tells them apart."""
    if person.birth_date is not None:
        return f"{person.full_name}, {formats.date_format(person.birth_date, 'j.n.Y')}"
    if person.expected_birth_date is not None:
        expected = formats.date_format(person.expected_birth_date, "j.n.Y")
        return person.full_name + ", " + gettext("expected") + f" {expected}"
    if person.unidentified:  # the address as a search result: no need to know (access.contact)
        card = contact.contact_cards([person], contact.Reader.document(), details=False)[0]
        told = ", ".join(t for t in (card.address, person.description) if t)
        return f"{person.full_name}: {told}" if told else person.full_name
    return person.full_name


class ChildChoiceForm(MoniaForm):
    """Finding the child inside the intake form: the search term, the child chosen among
    those found (or a new one), and the confirmation that a new child is not one of the
    likely duplicates found."""

    NEW = ""

    q = forms.CharField(
        label=_("Find the child by identity code or name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    person = forms.ChoiceField(
        label=_("The child of the intake"), required=False, widget=forms.RadioSelect
    )
    create_anyway = forms.BooleanField(
        label=_("None of these: this is another child, create a new one"), required=False
    )

    def __init__(
        self,
        *args: object,
        children: Iterable[Person] = (),
        offer_new: bool = True,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = [(str(p.pk), person_label(p)) for p in children]
        if offer_new:
            new = _("A child not yet in the register: give the details below")
            choices.append((self.NEW, new))
        self.fields["person"].choices = choices  # type: ignore[attr-defined]


class NewChildForm(MoniaForm):
    identity_code = forms.CharField(
        label=_("Personal identity code"),
        required=False,
        max_length=11,
        help_text=_("For example 010115A901C. Leave empty if not known."),
    )
    first_names = forms.CharField(label=_("First names"), required=False, max_length=200)
    last_name = forms.CharField(label=_("Last name"), required=False, max_length=200)
    birth_date = forms.DateField(label=_("Date of birth"), required=False, widget=DateInput())
    expected_birth_date = forms.DateField(
        label=_("Expected date of birth (unborn child)"), required=False, widget=DateInput()
    )
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=Gender.choices,
        widget=forms.RadioSelect,
        help_text=_("Choose Unknown if nobody knows yet, as for an unborn child."),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=Language.choices, initial=Language.FINNISH
    )
    other_language = forms.CharField(label=_("Other language"), required=False, max_length=100)
    interpreter_needed = forms.BooleanField(label=_("Needs an interpreter"), required=False)
    municipality = forms.CharField(
        label=_("Municipality of residence"), required=False, max_length=100
    )
    address = forms.CharField(label=_("Address"), required=False, max_length=300)
    unidentified = forms.BooleanField(label=_("The child cannot be identified yet"), required=False)
    approximate_age = forms.IntegerField(
        label=_("Approximate age (years)"), required=False, min_value=0, max_value=120
    )
    description = forms.CharField(
        label=_("Description of the child"),
        required=False,
        help_text=_('As told, for example "the boy of about eight in stairway B, flat 12".'),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    IDENTITY_FIELDS = ("identity_code", "first_names", "last_name", "birth_date")
    UNIDENTIFIED_FIELDS = ("unidentified", "approximate_age", "description")


class UrgencyForm(MoniaForm):
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=Urgency.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Grounds of the assessment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class IntakeDecisionForm(MoniaForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (IntakeDecision.START_ASSESSMENT.value, IntakeDecision.START_ASSESSMENT.label),
            (IntakeDecision.NO_ACTION.value, IntakeDecision.NO_ACTION.label),
        ],
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())
    family_told_on = forms.DateField(
        label=_("Child or guardian told on"), required=False, widget=DateInput()
    )
    reason = forms.CharField(
        label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # Only for a child who is a client now (``within_client``).
    client_action = forms.CharField(
        label=_("What is done within the client relationship"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the plan is reviewed with the family at a meeting on …"),
    )
    plan_review_by = forms.DateField(
        label=_("Bring the plan review forward to"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty if the review date of the plan in force stays."),
    )
    CLIENT_FIELDS = ("client_action", "plan_review_by")

    def __init__(self, *args: object, within_client: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if within_client:  # the law's third path comes first for a client
            self.fields["decision"].choices = [  # type: ignore[attr-defined]
                (
                    IntakeDecision.CLIENT_RELATIONSHIP.value,
                    IntakeDecision.CLIENT_RELATIONSHIP.label,
                ),
                *self.fields["decision"].choices,  # type: ignore[attr-defined]
            ]
            self.initial.setdefault("decision", IntakeDecision.CLIENT_RELATIONSHIP.value)
        else:
            for name in self.CLIENT_FIELDS:
                del self.fields[name]


class HearingFields(MoniaForm):
    heard = forms.TypedChoiceField(
        label=_("Was the child heard?"),
        widget=forms.RadioSelect,
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
    )
    heard_by = forms.CharField(label=_("Heard by"), required=False, max_length=200)
    heard_on = forms.DateField(label=_("Heard on"), required=False, widget=DateInput())
    method = forms.ChoiceField(
        label=_("How"), required=False, choices=_blank_first(HearingMethod.choices)
    )
    child_view = forms.CharField(
        label=_("The child's own view"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    not_heard_reason = forms.CharField(
        label=_("Why the child was not heard"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        return obj.display_name


def qualified_workers(county_id: int | None) -> forms.ModelChoiceField:
    return WorkerChoiceField(
        label=_("Designated social worker"),
        required=False,
        queryset=User.objects.filter(
            county_id=county_id, is_active=True, role__in=QUALIFIED_SOCIAL_WORK_ROLES
        ).order_by("last_name", "first_name"),
    )


class AssessmentCompleteForm(HearingFields):
    completed_on = forms.DateField(label=_("Completed on"), widget=DateInput())
    conclusion = forms.ChoiceField(
        label=_("Conclusion"), choices=AssessmentConclusion.choices, widget=forms.RadioSelect
    )
    summary = forms.CharField(
        label=_("Summary of the assessment"), widget=forms.Textarea(attrs={"rows": 5})
    )
    delay_reason = forms.CharField(
        label=_("Reason for any delay"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: object, county_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["designated_worker"] = qualified_workers(county_id)

    HEARING_FIELDS = ("heard", "heard_by", "heard_on", "method", "child_view", "not_heard_reason")


class PlanForm(MoniaForm):
    service_needs = forms.CharField(
        label=_("Service and support needs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    circumstances = forms.CharField(
        label=_("Circumstances and issues to be influenced"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    services = forms.CharField(
        label=_("Services and support measures"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    goal_time_estimate = forms.CharField(
        label=_("Estimated time to reach the goals"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    differing_views = forms.CharField(
        label=_("The parties' differing views"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    no_differing_views = forms.BooleanField(
        label=_("The parties have no differing views"), required=False
    )
    child_meetings = forms.CharField(
        label=_("Arrangements for the worker's personal meetings with the child"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    child_meeting_interval_weeks = forms.IntegerField(
        label=_("The worker meets the child every … weeks"),
        required=False,
        min_value=1,
        max_value=52,
    )
    placement_goals = forms.CharField(
        label=_("Purpose and goals of substitute care"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    special_support = forms.CharField(
        label=_("Special support for the child and the parents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    health_and_education = forms.CharField(
        label=_("Arrangements for health care, early education and schooling"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    contact_arrangements = forms.CharField(
        label=_("Contact with parents and other close persons"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    information_sharing = forms.CharField(
        label=_("Who gives information to whom"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    review_due = forms.DateField(
        label=_("Next review (at least once a year)"), required=False, widget=DateInput()
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    PLACED_CHILD_FIELDS = (
        "placement_goals",
        "special_support",
        "health_and_education",
        "contact_arrangements",
        "information_sharing",
    )


class DateOnlyForm(MoniaForm):
    date = forms.DateField(label=_("Date"), widget=DateInput())


class WorkerAssignForm(MoniaForm):
    def __init__(
        self, *args: object, county_id: int, label: object = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = qualified_workers(county_id)
        field.required = True
        if label is not None:  # the responsible worker before the client relationship
            field.label = label
        self.fields["worker"] = field


class FamilyMemberForm(SentOnceForm):
    kind = forms.ChoiceField(label=_("Relationship to the child"), choices=RelationshipKind.choices)
    first_names = forms.CharField(label=_("First names"), max_length=200)
    last_name = forms.CharField(label=_("Last name"), max_length=200)
    identity_code = forms.CharField(
        label=_("Personal identity code"), required=False, max_length=11
    )
    birth_date = forms.DateField(label=_("Date of birth"), required=False, widget=DateInput())
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, initial=Gender.UNKNOWN)
    language = forms.ChoiceField(
        label=_("Language"), choices=Language.choices, initial=Language.FINNISH
    )
    other_language = forms.CharField(label=_("Other language"), required=False, max_length=100)
    interpreter_needed = forms.BooleanField(label=_("Needs an interpreter"), required=False)
    is_guardian = forms.BooleanField(label=_("Guardian (huoltaja)"), required=False)
    lives_with = forms.BooleanField(
        label=_("Lives in the same household as the child"), required=False
    )


class FamilyMemberChoiceForm(MoniaForm):
    """The register's persons a family member being added may be (``SimilarPersons``),
    offered inside the family member form as the intake offers a new child's likely
    duplicates (``ChildChoiceForm``): one chosen, or a different person confirmed. The
    service checks that the person chosen is one found for the details typed."""

    person = forms.IntegerField(
        label=_("Is this the same person?"), required=False, min_value=1, widget=forms.RadioSelect
    )
    create_anyway = forms.BooleanField(
        label=_("None of these: this is a different person, record them as new"),
        required=False,
    )

    def __init__(
        self,
        *args: object,
        persons: Iterable[Person] = (),
        in_family: Iterable[int] = (),
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        theirs = set(in_family)
        already = gettext("already in this child's family")
        self.fields["person"].widget.choices = [
            (p.pk, f"{person_label(p)} – {already}" if p.pk in theirs else person_label(p))
            for p in persons
        ]
