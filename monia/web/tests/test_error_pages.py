"""Monia's own error pages: in the reader's language, with the way back, alike for a
forbidden page and a missing one; a form refused as too old shows back what was typed."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation


def _in(language: str) -> Client:
    client = Client()
    client.cookies["django_language"] = language
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"), [("fi", "Sivua ei löytynyt"), ("sv", "Sidan hittades inte")]
)
def test_a_missing_page_says_so_in_the_readers_language_with_the_front_page(
    language: str, heading: str
) -> None:
    response = _in(language).get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert heading in page and f'<html lang="{language}">' in page
    assert 'href="/"' in page
    assert "Not Found" not in page


@pytest.mark.django_db
def test_a_missing_portal_page_leads_back_to_the_portal_and_the_public_form_to_itself() -> None:
    portal = _in("fi").get("/portal/no-such-page/").content.decode()
    assert 'href="/portal/"' in portal
    public = _in("fi").get("/e-notification/no-such-county/x/").content.decode()
    assert 'href="/e-notification/"' in public


def test_the_server_error_page_is_translated_and_asks_to_check_what_was_saved() -> None:
    with translation.override("sv"):
        page = render_to_string("500.html")
    assert "Något gick fel" in page
    assert "kontrollera" in page.lower()


@pytest.mark.django_db
def test_a_form_refused_as_too_old_shows_back_what_was_typed_and_nothing_secret() -> None:
    """Logged in again in another window, the old window's form fails its CSRF check:
    Django's page said only "CSRF verification failed" in English and the text was gone."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = "fi"
    typed = 'Tapasin lapsen koulussa <script>alert("x")</script>\nHän kertoi voivansa hyvin.'
    response = client.post(
        "/cases/1/notes/new/",
        {
            "body": typed,
            "title": "Koulukäynti",  # short: a choice or a title is quickly typed again
            "csrfmiddlewaretoken": "stale-token-stale-token-stale-token",
            "password": "a password that must never come back",
            "submission_key": "0b5a3f0e-0000-4000-8000-000000000000",
        },
    )
    assert response.status_code == 403
    assert response["Cache-Control"] == "no-store, max-age=0"
    page = response.content.decode()
    assert "Lomaketta ei lähetetty" in page and "Mitään ei tallennettu" in page
    assert "Tapasin lapsen koulussa &lt;script&gt;" in page and "<script>" not in page
    assert "Hän kertoi voivansa hyvin." in page
    for secret in ("stale-token", "a password", "0b5a3f0e", "Koulukäynti"):
        assert secret not in page


@pytest.mark.django_db
def test_a_form_refused_with_nothing_typed_says_what_to_do() -> None:
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = "sv"
    page = client.post("/cases/1/notes/new/", {}).content.decode()
    assert "Formuläret skickades inte" in page
    assert "ladda om sidan och skicka formuläret igen" in page
