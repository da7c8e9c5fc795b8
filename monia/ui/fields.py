"""Input validation every Monia form shares: no NUL or control characters, plausible dates.

The ground floor: imports nothing of Monia. ``MoniaForm`` is the base class of Monia's
forms; it adds the validators to every text and date field it has when it validates, so no
field can forget them.
A NUL byte cannot be stored by PostgreSQL (and must not reach a query); other control
characters are invisible in a record that a court or a client may read later.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Dates before this are typing errors in child welfare (a grandparent's birth date fits).
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)

# Tab, line feed and carriage return are text; every other C0/C1 control character is not.
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def has_control_characters(value: str) -> bool:
    return any((ord(c) < 32 or 127 <= ord(c) < 160) and c not in _ALLOWED_CONTROLS for c in value)


def validate_printable(value: Any) -> None:
    """Refuse NUL and other control characters (tab and line breaks are allowed)."""
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(
            _("Remove the control characters (such as a NUL byte) from the text."),
            code="control_characters",
        )


def validate_date_range(value: Any) -> None:
    """Refuse dates outside 1900–2100: a typing error, and beyond what the calendar computes."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date) and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            _("Give a date between %(earliest)s and %(latest)s."),
            code="date_range",
            params={"earliest": EARLIEST_DATE.year, "latest": LATEST_DATE.year},
        )


# Django's own words ("Ensure this value has at most 2000 characters (it has 5001).") speak
# of a "value"; a child writing in the portal reads this instead, in her language.
TOO_LONG = _("Write at most %(limit_value)d characters. Now there are %(show_value)d.")


def harden(form: forms.BaseForm) -> None:
    """Add the shared validators to every text and date field of a form instance, and the
    plain "too long" message to a text field that has no message of its own."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and validate_printable not in field.validators:
            field.validators.append(validate_printable)
        if isinstance(field, forms.CharField) and field.max_length is not None:
            field.error_messages.setdefault("max_length", TOO_LONG)
        if (
            isinstance(field, (forms.DateField, forms.DateTimeField))
            and validate_date_range not in field.validators
        ):
            field.validators.append(validate_date_range)


def clean_search(value: str | None, *, max_length: int = 200) -> str:
    """A search term from a query string or a POST: stripped, or "" when it is unusable
    (control characters or too long) — the caller's form shows why."""
    term = (value or "").strip()
    if len(term) > max_length or has_control_characters(term):
        return ""
    return term


# Django's blank choice of a model choice field; Monia's blank choice is a dash.
_DJANGO_BLANK = "---------"
BLANK_CHOICE = "—"


def _dash_blank(field: forms.Field | None) -> None:
    if isinstance(field, forms.ModelChoiceField) and field.empty_label == _DJANGO_BLANK:
        field.empty_label = BLANK_CHOICE


class MoniaForm(forms.Form):
    """The base of Monia's forms: every text field refuses control characters, every date
    field dates outside 1900–2100 (also fields a subclass adds in its ``__init__``), and
    a model choice's blank reads "—" as every other blank choice, not "---------"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            _dash_blank(field)

    def __getitem__(self, name: str) -> forms.BoundField:
        # A model choice a subclass adds in its ``__init__`` after this one ran (the
        # designated worker of the assessment's completion showed "---------").
        _dash_blank(self.fields.get(name))
        return super().__getitem__(name)

    def full_clean(self) -> None:
        harden(self)
        super().full_clean()
