"""The portal's own words, as a young person reads them in Finnish and Swedish: one word
for one thing across the menu and the pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from monia.conftest import PortalWorld, portal_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "word", "not_word"),
    [("fi", "Tapaamiset", "Kokoukset"), ("sv", "Möten", "Sammanträden")],
)
def test_the_menu_calls_the_meetings_what_their_page_calls_them(
    portal_world: PortalWorld, language: str, word: str, not_word: str
) -> None:
    client = portal_client(portal_world.young, language=language)
    page = client.get(reverse("portal_meetings", args=[portal_world.young_case.pk]))
    text = page.content.decode()
    url = reverse("portal_meetings", args=[portal_world.young_case.pk])
    assert f'<a href="{url}" aria-current="page">{word}</a>' in text
    assert f"<title>{word} –" in text
    assert not_word not in text
