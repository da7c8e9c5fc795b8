"""The checks every Monia form shares, as the person filling in a form reads them."""

from __future__ import annotations

from django import forms
from django.utils import translation

from monia.ui.fields import MoniaForm


class _Form(MoniaForm):
    text = forms.CharField(max_length=10)
    own = forms.CharField(max_length=10, error_messages={"max_length": "Oma viesti."})


def test_too_long_text_is_told_in_plain_words_with_the_limit_and_the_count() -> None:
    with translation.override("en"):
        form = _Form({"text": "x" * 12, "own": "ok"})
        assert not form.is_valid()
        assert form.errors["text"] == ["Write at most 10 characters. Now there are 12."]


def test_too_long_text_is_told_in_finnish_and_swedish() -> None:
    with translation.override("fi"):
        form = _Form({"text": "x" * 12, "own": "ok"})
        assert form.errors["text"] == ["Kirjoita enintään 10 merkkiä. Nyt merkkejä on 12."]
    with translation.override("sv"):
        form = _Form({"text": "x" * 12, "own": "ok"})
        assert form.errors["text"] == ["Skriv högst 10 tecken. Nu finns det 12."]


def test_a_fields_own_too_long_message_is_kept() -> None:
    form = _Form({"text": "ok", "own": "x" * 12})
    assert form.errors["own"] == ["Oma viesti."]


def test_a_model_choices_blank_reads_as_a_dash() -> None:
    from monia.accounts.models import User

    class _Choose(MoniaForm):
        owner = forms.ModelChoiceField(queryset=User.objects.none(), required=False)

    html = str(_Choose()["owner"])
    assert '<option value="" selected>—</option>' in html
    assert "---------" not in html
