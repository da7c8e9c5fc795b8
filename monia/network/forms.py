"""Forms for sharing a case with partners."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from monia.accounts.models import Role, User
from monia.network.models import LegalBasis, Organisation, SharePart
from monia.ui.fields import MoniaForm
from monia.ui.widgets import DateInput


class PartnerSelect(forms.Select):
    """Each option says its organisation (``data-organisation``), so the page's script
    (``network/_partner_filter.html``) can show only the chosen organisation's people."""

    def __init__(self, *, organisation_field: str = "organisation", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.attrs.setdefault("data-partner-of", organisation_field)

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-organisation"] = str(instance.organisation_id)
        return option


class _ByOrganisation(ModelChoiceIterator):
    """The professionals grouped under their organisation (``<optgroup>``): without
    JavaScript the worker finds the person under the organisation chosen above."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list[Any]] = {}
        for user in self.queryset:
            groups.setdefault(user.organisation.name, []).append(self.choice(user))
        yield from groups.items()


class PartnerChoiceField(forms.ModelChoiceField):
    """A partner professional by name and title, never a username, grouped by organisation.
    ``limit_to`` gives the organisations offered; the service checks that the person
    works for the chosen one (``services.addressee_errors``)."""

    iterator = _ByOrganisation
    widget = PartnerSelect

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=User.objects.none(), **kwargs)

    def limit_to(self, organisations: QuerySet[Organisation]) -> None:
        self.queryset = (
            User.objects.filter(role=Role.PARTNER, is_active=True, organisation__in=organisations)
            .select_related("organisation")
            .order_by("organisation__name", "last_name", "first_name", "pk")
        )

    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name}, {obj.display_title}" if obj.title else obj.display_name


class GrantForm(MoniaForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    partner = PartnerChoiceField(
        label=_("Professional (empty: the whole organisation)"), required=False
    )
    basis = forms.ChoiceField(
        label=_("Legal basis"), choices=LegalBasis.choices, widget=forms.RadioSelect
    )
    consent_given_by = forms.CharField(label=_("Consent given by"), required=False, max_length=200)
    basis_note = forms.CharField(
        label=_("Details of the basis"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    scope = forms.MultipleChoiceField(
        label=_("What the partner may see"),
        choices=SharePart.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    ends_on = forms.DateField(label=_("Until"), widget=DateInput())

    def __init__(self, *args: object, county_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        organisations = Organisation.objects.filter(county_id=county_id, active=True)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["partner"].limit_to(organisations)  # type: ignore[attr-defined]
