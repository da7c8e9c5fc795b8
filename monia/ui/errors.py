"""Put a service's ValidationError onto the forms the user filled in."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def apply_errors(exc: ValidationError, *forms_: forms.Form) -> None:
    """Attach each message to the form that has the field, else to the first form."""
    if not hasattr(exc, "error_dict"):
        for message in exc.messages:
            forms_[0].add_error(None, message)
        return
    for field, messages in exc.message_dict.items():
        target = next((f for f in forms_ if field in f.fields), None)
        for message in messages:
            if target is None:
                forms_[0].add_error(None, message)
            else:
                target.add_error(field, message)
