"""Put a service's ValidationError onto the forms the user filled in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

M = TypeVar("M")


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


def saved_by(
    request: HttpRequest, form: forms.Form, call: Callable[[dict[str, Any]], object]
) -> bool:
    """On a valid POST, call the service with the form's cleaned data; a refusal
    (``ValidationError``) goes onto the form, so nothing typed is lost. False when nothing
    was saved (a GET, an invalid form or a refusal)."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except ValidationError as exc:
        apply_errors(exc, form)
        return False
    return True


def posted(request: HttpRequest) -> Any:
    """The POST's data for a form, or None on a GET (an unbound form)."""
    return request.POST if request.method == "POST" else None


def stale_save_message(*, saved_last_by: int | None, user_id: int | None, own: M, other: M) -> M:
    """The message of an edit refused because the row was saved after the form was opened
    (its version moved on): ``own`` when the user saved it last themselves — in another
    window, or the form sent twice — else ``other``, someone else saved it. Each service
    keeps its own wording; ``saved_last_by`` is read from the row the service locked."""
    return own if user_id is not None and saved_last_by == user_id else other
