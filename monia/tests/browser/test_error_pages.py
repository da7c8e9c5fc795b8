"""Monia's error pages in Chromium at 320 px: the missing page and the form refused as too
old, in Finnish and Swedish, reflow and pass axe; the refused form's text is there to copy."""

from __future__ import annotations

from typing import Any

import pytest

from monia.tests.browser.conftest import assert_accessible, assert_no_sideways_scroll

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "missing", "refused"),
    [
        ("fi", "Sivua ei löytynyt", "Lomaketta ei lähetetty"),
        ("sv", "Sidan hittades inte", "Formuläret skickades inte"),
    ],
)
def test_the_error_pages_read_in_the_language_reflow_and_keep_the_typed_text(
    browser_page: Any, live_server: Any, language: str, missing: str, refused: str
) -> None:
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 640})
    host = live_server.url.split("//")[1].split(":")[0]
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "domain": host, "path": "/"}]
    )
    response = page.goto(f"{live_server.url}/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == missing
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    # A form whose page grew too old: sent with no valid token.
    text = "Tapasin lapsen koulussa, ja hän kertoi voivansa paremmin kuin viime viikolla."
    # Wait for the form's own navigation: the 404 page is already loaded.
    with page.expect_navigation():
        page.evaluate(
            """text => {
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/cases/999999/notes/new/';
                const area = document.createElement('textarea');
                area.name = 'body';
                area.value = text;
                form.appendChild(area);
                document.body.appendChild(form);
                form.submit();
            }""",
            text,
        )
    assert page.locator("h1").inner_text() == refused
    assert page.locator("textarea").input_value() == text
    assert_no_sideways_scroll(page)
    assert_accessible(page)
