"""Date and time inputs in the browser's own pickers, with ISO values the browser expects;
text inputs written in one language whatever the page's."""

from __future__ import annotations

from typing import Any

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)  # type: ignore[arg-type]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)  # type: ignore[arg-type]


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(format="%H:%M", **kwargs)  # type: ignore[arg-type]


def written_in(
    language: str, widget: type[forms.Widget] = forms.TextInput, **attrs: Any
) -> forms.Widget:
    """The widget of a text written in one language whatever the page's (a Finnish name
    and its Swedish and English variants): the browser checks its spelling and a screen
    reader reads it in that language (WCAG 3.1.2)."""
    return widget(attrs={"lang": language, **attrs})
