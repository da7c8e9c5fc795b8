"""A percentage as the reader's language writes it (monia/ui/numbers.py): Finnish and
Swedish with a no-break space before the sign, English without one."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from monia.ui.numbers import percent


@pytest.mark.parametrize(
    ("language", "whole", "part"),
    [
        ("fi", "50\u00a0%", "12,5\u00a0%"),
        ("sv", "50\u00a0%", "12,5\u00a0%"),
        ("en", "50%", "12.5%"),
    ],
)
def test_a_percentage_is_written_as_the_language_writes_it(
    language: str, whole: str, part: str
) -> None:
    with translation.override(language):
        assert percent(50) == whole
        assert percent(Decimal("12.5")) == part


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", "(67\u00a0%)"), ("sv", "(67\u00a0%)"), ("en", "(67%)")],
)
def test_the_template_filter_writes_the_same_even_where_localizing_is_off(
    language: str, expected: str
) -> None:
    page = Template(
        "{% load l10n numbers %}({{ share|percent }}){% localize off %}"
        "({{ share|percent }}){% endlocalize %}({{ missing|percent }})"
    )
    with translation.override(language):
        assert page.render(Context({"share": 67})) == f"{expected}{expected}()"


def test_nothing_to_share_is_written_as_nothing() -> None:
    assert percent(None) == ""
