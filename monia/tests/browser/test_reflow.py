"""Nothing scrolls sideways at 320 px (WCAG 1.4.10 reflow) and axe-core finds no violation:
every staff, public and portal page, each opened by a persona who may see it, on demo-like
data (the demo's families at every stage, meetings, partners, portal clients).

The pages are found as a person finds them: ``monia/tests/walk.py`` follows every link each
persona is shown; each URL pattern is opened once, by the first persona who reached it.
Django's own admin site is left out (its styles are Django's, not Monia's).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from monia.tests import walk
from monia.tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH = 320
LOGOUTS = {"logout", "portal_logout", "saml2_logout", "admin:logout"}
# The widest elements, when a page is too wide: what to fix.
TOO_WIDE_JS = """(width) => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1)
  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + (typeof e.className === 'string' && e.className
               ? '.' + e.className.split(' ').join('.') : '')
            + ' ' + Math.round(e.getBoundingClientRect().right))
  .slice(0, 6)"""


def _skip(path: str) -> bool:
    name = walk.url_name(path)
    return name in LOGOUTS or name.startswith("admin:") or name.endswith(("_pdf", "_svg"))


def _pages_to_open() -> list[tuple[walk.Persona | None, str, str]]:
    """(persona or None for the public, URL, URL name): each URL pattern once."""
    from monia.teams.models import County

    county = County.objects.order_by("code").first()
    assert county is not None
    public = [
        reverse("login"),
        reverse("enotify_counties"),
        reverse("enotify_form", args=[county.code]),
        reverse("enotify_received", args=[county.code]),
        reverse("portal_login"),
        reverse("portal_demo_login"),
    ]
    targets: list[tuple[walk.Persona | None, str, str]] = [
        (None, url, walk.url_name(url)) for url in public
    ]
    covered = {name for _, _, name in targets}
    everyone = walk.personas()
    for persona in everyone:
        result = walk.walk(walk.client_for(persona), persona.start, skip=_skip, per_name=4)
        for visit in result.pages():
            if visit.name not in covered:
                covered.add(visit.name)
                targets.append((persona, visit.url, visit.name))
    for persona, url in _pages_no_link_reached(everyone):
        name = walk.url_name(url)
        if name not in covered:
            covered.add(name)
            targets.append((persona, url, name))
    return targets


def _pages_no_link_reached(everyone: list[walk.Persona]) -> list[tuple[walk.Persona, str]]:
    """Pages that the walk may not reach in few steps: opened directly, each by a persona
    who may (the designated worker; a young person in the portal)."""
    from monia.access import policy
    from monia.casework.models import Intake, Measure
    from monia.portal.access import portal_cases

    worker = next(p for p in everyone if p.label == "designated worker")
    young = next(p for p in everyone if p.label.endswith("(young_person)"))
    visible = policy.cases_visible_to(worker.user)
    pages = []
    intake = Intake.objects.filter(case__in=visible, decided_on__isnull=True).first()
    if intake:
        pages.append(reverse("intake_urgency", args=[intake.case_id, intake.pk]))
    placed = Measure.objects.filter(
        case__in=visible, kind="emergency_placement", ended_on__isnull=True
    ).first()
    if placed:
        pages.append(reverse("measure_extend", args=[placed.case_id, placed.pk]))
        pages.append(reverse("measure_end", args=[placed.case_id, placed.pk]))
    case = visible.first()
    assert case is not None
    pages.append(reverse("referral_new", args=[case.pk]))
    own = portal_cases(young.user)[0].case
    return [(worker, url) for url in pages] + [
        (young, reverse("portal_safety_general")),
        (young, reverse("portal_safety", args=[own.pk])),
    ]


def _session_for(page: Any, base: str, persona: walk.Persona | None) -> None:
    """The persona's session cookie, as a login leaves it (the logins have tests of their own)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    page.context.clear_cookies()
    if persona is None:
        return
    session = SessionStore()
    session[SESSION_KEY] = str(persona.user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = persona.user.get_session_auth_hash()
    session.create()
    page.context.add_cookies(
        [
            {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": base},
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": persona.language, "url": base},
        ]
    )


def test_every_page_reflows_at_320_px_with_no_axe_violation(
    browser_page: Any, live_server: Any, settings: Any
) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    walk.demo_world()
    targets = _pages_to_open()
    assert len(targets) > 45, [name for _, _, name in targets]
    page = browser_page
    page.set_viewport_size({"width": WIDTH, "height": 800})
    base = live_server.url
    problems: list[str] = []
    current: object = object()
    for persona, url, name in targets:
        if persona is not current:
            _session_for(page, base, persona)
            current = persona
        who = persona.label if persona else "the public"
        response = page.goto(base + url)
        assert response is not None and response.status == 200, (who, url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            wide = page.evaluate(TOO_WIDE_JS, WIDTH)
            problems.append(f"{name} ({url}, {who}): {width} px wide; {wide}")
        try:
            assert_accessible(page)
        except AssertionError as exc:
            problems.append(f"{name} ({url}, {who}): axe: {str(exc)[:1500]}")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
