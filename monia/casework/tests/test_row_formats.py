"""The long pages' fast per-row filters say exactly what Django's own filters say: a choice's
label (``get_FOO_display``) and the house dates ``j.n.Y`` and ``j.n.Y H:i`` in local time."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from monia.casework.models import Intake

UTC = ZoneInfo("UTC")


def _render(text: str, **context: object) -> str:
    return Template("{% load casework %}" + text).render(Context(context))


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_label_is_the_fields_own_display(language: str) -> None:
    intake = Intake(kind="notification", channel="phone", notifier_type="anonymous")
    intake.notifier_sector = "unknown-value"  # not a choice: shown as it is, as Django does
    with translation.override(language):
        for field in ("kind", "channel", "notifier_type", "notifier_sector", "urgency"):
            ours = _render('{{ i|label:"' + field + '" }}', i=intake)
            django = _render("{{ i.get_" + field + "_display }}", i=intake)
            assert ours == django, field


@pytest.mark.parametrize(
    "value",
    [
        datetime.date(2026, 1, 5),
        datetime.date(2024, 12, 31),
        datetime.datetime(2026, 3, 28, 22, 5, tzinfo=UTC),  # already the 29th in Helsinki
        datetime.datetime(2026, 7, 1, 9, 0, tzinfo=UTC),
        None,
        "",
    ],
)
def test_a_date_is_the_date_filters_own(value: object) -> None:
    assert _render("{{ v|dmy }}", v=value) == _render('{{ v|date:"j.n.Y" }}', v=value)
    if type(value) is not datetime.date:  # a time of day only for a moment
        assert _render("{{ v|dmy_hm }}", v=value) == _render('{{ v|date:"j.n.Y H:i" }}', v=value)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_date_with_its_weekday_is_the_date_filters_own(language: str) -> None:
    with translation.override(language):
        for day in range(7):  # every weekday's abbreviation
            value = datetime.date(2026, 12, 7) + datetime.timedelta(days=day)
            ours = _render("{{ v|wd_dmy }}", v=value)
            assert ours == _render('{{ v|date:"D j.n.Y" }}', v=value)
        assert _render("{{ v|wd_dmy }}", v=None) == _render('{{ v|date:"D j.n.Y" }}', v=None)


def test_a_url_built_once_is_the_url_tags_own() -> None:
    from monia.ui.rows import id_url

    for name in ("case_detail", "case_portal", "case_referrals", "task_done"):
        url = id_url(name)
        for pk in (1, 42, 1234567):
            assert _render("{{ u|with_id:pk }}", u=url, pk=pk) == _render(
                "{% url name pk %}", name=name, pk=pk
            )
