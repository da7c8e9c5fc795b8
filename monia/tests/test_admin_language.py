"""The admin speaks the administrator's language: no column, field or search box of
Monia's own admin pages is left in English (found by walking the demo in Finnish and
Swedish: "County", "Group" and the search box's name were English)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from django.urls import reverse
from django.utils.functional import Promise

from monia.accounts.models import User
from monia.conftest import login


def _shown_fields(model: type[Model], model_admin: Any) -> set[str]:
    """The model's fields an admin page names: its list's columns, its form and its
    read-only fields (every editable field when the admin names none)."""
    names = {n for n in model_admin.list_display if isinstance(n, str)}
    names |= set(model_admin.readonly_fields)
    if model_admin.fields:
        names |= set(model_admin.fields)
    else:
        names |= {f.name for f in model._meta.fields if f.editable and not f.auto_created}
    return names - set(model_admin.exclude or ())


def _untranslated(model: type[Model], names: set[str]) -> list[str]:
    found = []
    for name in sorted(names):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # a method of the admin: its description is checked where it is written
        if not isinstance(getattr(field, "verbose_name", None), Promise):
            found.append(f"{model._meta.label}.{name}")
    return found


def test_every_field_monias_admin_shows_is_named_for_translation() -> None:
    untranslated: list[str] = []
    for model, model_admin in admin.site._registry.items():
        if model.__module__.startswith("monia."):
            untranslated += _untranslated(model, _shown_fields(model, model_admin))
    assert untranslated == [], "give these fields a verbose_name=_(…)"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "county", "search"),
    [("fi", "Hyvinvointialue", "Hae"), ("sv", "Välfärdsområde", "Sök")],
)
def test_the_organisation_list_names_its_columns_and_search_box_in_the_admins_language(
    admin: User, language: str, county: str, search: str
) -> None:
    url = reverse("admin:network_organisation_changelist")
    page = login("admin", language).get(url).content.decode()
    assert county in page and ">County<" not in page
    assert f'alt="{search}"' in page and 'alt="Search"' not in page
