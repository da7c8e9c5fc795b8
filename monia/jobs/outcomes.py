"""A run's result or error in the reader's language (the admin's "Scheduled runs").

A job's task returns its result in words: ``outcome(gettext_noop("Consultations
escalated: %(count)d"), count=n)`` — the English message and its values, JSON the queue can
keep. The run keeps both (``ScheduledRun.outcome``) beside the English text, and the page
translates the message when it is shown, in the administrator's language, as Django's admin
log keeps its change messages. A job that fails in words raises ``JobFailure`` (or a
subclass) the same way. A value may be an outcome itself (the duty named inside a sentence):
it is translated too. A plain string (an unexpected exception's text) is shown as written.
"""

from __future__ import annotations

from typing import Any, TypeGuard

from django.utils.translation import gettext

Outcome = dict[str, Any]  # {"message": English msgid, "params": {name: value or Outcome}}


def outcome(message: str, **params: Any) -> Outcome:
    """``message`` marked with ``gettext_noop`` where it is written, so it is extracted."""
    return {"message": message, "params": params}


def is_outcome(value: object) -> TypeGuard[Outcome]:
    return (
        isinstance(value, dict)
        and isinstance(value.get("message"), str)
        and bool(value["message"])
        and isinstance(value.get("params", {}), dict)
    )


def text(value: Outcome, *, translate: bool = True) -> str:
    """The sentence in the active language (``translate``) or in English, as written."""
    params = {
        name: text(param, translate=translate) if is_outcome(param) else param
        for name, param in value.get("params", {}).items()
    }
    message = value["message"]
    if not params:
        return gettext(message) if translate else message
    try:
        return (gettext(message) if translate else message) % params
    except (KeyError, TypeError, ValueError):  # a translation that lost a value: the English
        return message % params


def english(value: Outcome) -> str:
    return text(value, translate=False)


class JobFailure(Exception):
    """A job's failure in words: its text is the English sentence (the queue's traceback,
    the logs), and the run's page shows the sentence translated."""

    def __init__(self, message: str, **params: Any) -> None:
        self.outcome = outcome(message, **params)
        super().__init__(english(self.outcome))
