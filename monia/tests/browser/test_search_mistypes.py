"""A tired worker's mistypes in the client search, in real Chromium and in Swedish: a
child's identity code typed with the 1900s' "-" instead of "A" (found nobody, without a
word why) is answered with the code meant, a click away; a code with a digit missing is
called an identity code, not searched as a name; a name found nowhere suggests checking
the spelling or typing the name's beginning."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.conftest import CaseWorld
from monia.tests.browser.conftest import assert_accessible, assert_no_sideways_scroll, staff_login


def test_mistyped_codes_and_names_say_what_to_try(
    browser_page: Any, live_server: Any, case_a: CaseWorld
) -> None:
    page, base = browser_page, live_server.url
    child = case_a.case.child
    staff_login(page, base, "worker_a")
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])
    page.set_viewport_size({"width": 320, "height": 640})
    search = base + reverse("client_search")

    code = child.identity_code
    old_habit = f"{code[:6]}-{code[7:]}"
    page.goto(f"{search}?q={old_habit}")
    main = page.locator("main")
    assert main.get_by_text("Menade du").is_visible()
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    page.get_by_role("link", name=f"Sök med {code}").click()
    page.wait_for_load_state()
    assert page.locator("table.data").get_by_role("link", name=child.full_name).is_visible()

    page.goto(f"{search}?q={code[:-1]}")
    assert main.get_by_text("Personbeteckningen är inte giltig.").first.is_visible()
    assert page.input_value("#id_q") == code[:-1]

    page.goto(f"{search}?q=Aino Esmrekki")  # two errors: one is forgiven
    assert main.get_by_text("Kontrollera stavningen.").is_visible()
    assert_no_sideways_scroll(page)
