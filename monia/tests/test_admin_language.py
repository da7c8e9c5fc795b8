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


def _label(model: type[Model], model_admin: Any, name: str) -> Any:
    """What names the column or field: the admin's own description, else the field's."""
    shown = getattr(model_admin, name, None)
    if shown is not None:
        return getattr(shown, "short_description", None)
    try:
        return getattr(model._meta.get_field(name), "verbose_name", None)
    except FieldDoesNotExist:
        return None


def _monias(model: type[Model], model_admin: Any) -> bool:
    modules = (model.__module__, type(model_admin).__module__)
    return any(m.startswith("monia.") for m in modules)


def test_every_field_monias_admin_shows_is_named_for_translation() -> None:
    """Each model Monia's admin shows (Monia's own, and the second-factor packages' that
    Monia's admin classes show): every column and field named by a translated string."""
    untranslated = [
        f"{model._meta.label}.{name}"
        for model, model_admin in admin.site._registry.items()
        if _monias(model, model_admin)
        for name in sorted(_shown_fields(model, model_admin))
        if not isinstance(_label(model, model_admin, name), Promise)
    ]
    assert untranslated == [], "name these with _(…): a field's verbose_name or admin.display"


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


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_app_and_list_the_admin_index_shows_is_named_in_the_admins_language(
    language: str,
) -> None:
    """The packages' own too: the task queue ("Tasks Database Backend") and the second
    factor's devices ("Otp_Totp", "TOTP devices", "WebAuthn credentials") were English."""
    from django.apps import apps
    from django.utils import translation

    def names() -> set[str]:
        shown = set()
        for model in admin.site._registry:
            shown.add(str(apps.get_app_config(model._meta.app_label).verbose_name))
            shown.add(str(model._meta.verbose_name_plural))
        return shown

    with translation.override("en"):
        english = names()
    with translation.override(language):
        assert names().isdisjoint(english)


@pytest.mark.django_db
def test_the_admin_index_names_its_hidden_table_headers_in_finnish(admin: User) -> None:
    """A screen reader reads these; Django's own Finnish catalogue lacks them."""
    page = login("admin", "fi").get(reverse("admin:index")).content.decode()
    assert "Mallin nimi" in page and "Model name" not in page
    # Each model's change link is Django's "Muokkaa", not the language form's button.
    assert ">Muokkaa<" in page and "Vaihda kieli</a>" not in page
    assert "Change or view list link" not in page and "Add link" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "name"), [("fi", "Monian ylläpito"), ("sv", "Monias administration")]
)
def test_the_admin_is_headed_monias_administration_not_djangos(
    admin: User, language: str, name: str
) -> None:
    page = login("admin", language).get(reverse("admin:index")).content.decode()
    assert f">{name}<" in page and "Django" not in page


def test_the_admin_search_form_copy_is_djangos_own_but_for_the_translated_alt_text():
    """Monia's admin/search_form.html overrides Django's only to translate the search
    image's alt text. When an upgrade of Django changes its template, this fails, so the
    copy is made again from the new one instead of silently keeping the old."""
    from pathlib import Path

    import django
    from django.conf import settings

    django_copy = Path(django.__file__).parent / "contrib/admin/templates/admin/search_form.html"
    ours = Path(settings.BASE_DIR) / "monia/templates/admin/search_form.html"
    original = django_copy.read_text().splitlines()
    mine = ours.read_text().splitlines()
    assert mine[0].startswith("{% comment %}") and mine[0].endswith("{% endcomment %}")
    expected = [
        line.replace('alt="Search"', "alt=\"{% translate 'Search' %}\"") for line in original
    ]
    assert expected != original, 'Django\'s search form no longer writes alt="Search"'
    assert mine[1:] == expected
