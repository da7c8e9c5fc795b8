"""Small forms shared by the shell pages."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monia.casework.list_selectors import OPEN_STAGES, CaseListOptions
from monia.casework.models import CaseStage
from monia.people import hetu
from monia.people.selectors import (
    LOOKS_LIKE_CODE,
    LOOKS_LIKE_DATE,
    MIN_NAME_PART,
    SearchTerms,
    search_terms,
)
from monia.ui.fields import MoniaForm, validate_date_range
from monia.ui.widgets import DateInput


def _team_field(teams: list[Any]) -> forms.ChoiceField:
    """A senior official's choice of one team of her county, or all of them."""
    return forms.ChoiceField(
        label=_("Team"),
        required=False,
        choices=[("", _("All teams")), *[(str(t.pk), t.display_name) for t in teams]],
    )


class OnDateForm(MoniaForm):
    """The caseload page's date, and for a senior official one team of her county."""

    on = forms.DateField(label=_("On date"), required=False, widget=DateInput())

    def __init__(self, data: Any = None, *, teams: list[Any] | None = None) -> None:
        super().__init__(data)
        if teams:
            self.fields["team"] = _team_field(teams)


class CaseListForm(MoniaForm):
    """The dashboard lists' filters and sorting, shown as chosen (``CaseListOptions`` reads
    the query string through its allow-list; this form only draws the choices)."""

    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        choices=[("", _("All stages")), *[(s, CaseStage(s).label) for s in OPEN_STAGES]],
    )
    due = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[("", _("Any")), ("due_soon", _("Due soon")), ("overdue", _("Overdue"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("name", _("Name")), ("deadline", _("Next deadline")), ("stage", _("Stage"))],
    )

    def __init__(self, *, options: CaseListOptions, teams: list[Any]) -> None:
        initial = {"stage": options.stage, "due": options.due, "sort": options.sort}
        super().__init__(initial={**initial, "team": options.team_id or ""})
        if teams:  # a senior official's lists hold the county's teams
            self.fields["team"] = _team_field(teams)
            self.order_fields(["stage", "team", "due", "sort"])


# More words than a person's names and a date is not a search for one client.
MAX_SEARCH_WORDS = 6
# The birth date and a century sign, and then too few or too many characters: a code with a
# digit missing ("071010A992") was searched for as a name, and nothing was found.
PART_OF_CODE = re.compile(r"[0-9]{6}[-+A-FU-Ya-fu-y][0-9A-Za-z]*", re.ASCII)


class ClientSearchForm(MoniaForm):
    """The header's "Find a client": a name, an identity code or a date of birth. A query
    that cannot be searched gets a message saying how to search, and stays in the box."""

    q = forms.CharField(
        label=_("Find a client"),
        max_length=100,
        help_text=_(
            "A name (at least 3 letters), an identity code, or a date of birth as d.m.yyyy."
        ),
        error_messages={"required": _("Type a name, an identity code or a date of birth.")},
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    terms: SearchTerms | None = None

    def clean_q(self) -> str:
        query: str = self.cleaned_data["q"].strip()
        self.terms = _checked_terms(query)
        return query

    def code_of_2000s(self) -> tuple[str, datetime.date] | None:
        """The code typed with a sign of the 1900s ("-", the old habit), as a child born
        in the 2000s has it ("A"), and that birth date, when the date has come: a code
        found nowhere may be a child's with the wrong century sign."""
        code = self.terms.canonical if self.terms else ""
        if not code or hetu.parse(code).birth_date.year >= 2000:
            return None
        other = f"{code[:6]}A{code[7:]}"
        born = hetu.parse(other).birth_date
        return (other, born) if born <= timezone.localdate() else None


def _checked_terms(query: str) -> SearchTerms:
    terms = search_terms(query)
    if terms.canonical:
        return terms
    words = terms.names
    for word in words:
        if LOOKS_LIKE_CODE.fullmatch(word) or PART_OF_CODE.fullmatch(word):
            raise ValidationError(
                _("This identity code is not valid. Check it, and search with the code alone."),
                code="identity_code",
            )
        if LOOKS_LIKE_DATE.fullmatch(word):
            raise _date_error()
    if terms.birth_date is not None:
        try:
            validate_date_range(terms.birth_date)
        except ValidationError:
            raise _date_error() from None
    if len(words) + (terms.birth_date is not None) > MAX_SEARCH_WORDS:
        raise ValidationError(
            _("Search with at most %(n)s words: the names and the date of birth."),
            code="too_many_words",
            params={"n": MAX_SEARCH_WORDS},
        )
    if not terms.names_a_part and (words or terms.birth_date is None):
        raise ValidationError(
            _("Type at least %(n)s letters of a name, an identity code or a date of birth."),
            code="too_short",
            params={"n": MIN_NAME_PART},
        )
    return terms


def _date_error() -> ValidationError:
    return ValidationError(
        _("Write the date of birth as d.m.yyyy, for example 5.3.2016."), code="date"
    )


class PasswordChangeForm(MoniaForm, auth_forms.PasswordChangeForm):
    """Django's password change (old password, the new one twice, the validators of
    AUTH_PASSWORD_VALIDATORS: at least 12 characters), with Monia's input rules."""
