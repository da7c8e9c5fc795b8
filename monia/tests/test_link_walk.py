"""Every link a role is shown works for that role: log in as every persona (each staff
role, a partner, the administrator, each kind of portal client), start from the persona's
front page and follow every same-site link breadth-first (GET only, bounded); no link may
answer 404, 405 or a server error to the persona it was shown to.

The walk uses Django's test client: Monia's links are server-rendered (no script makes
one), so the HTML is what a browser would follow, and the walk runs with the fast suite.
"""

from __future__ import annotations

import pytest

from monia.tests import walk

LOGOUTS = {"logout", "portal_logout", "saml2_logout", "admin:logout"}


def _skip(path: str) -> bool:
    return walk.url_name(path) in LOGOUTS


@pytest.mark.django_db
def test_every_link_shown_to_each_persona_answers_it() -> None:
    walk.demo_world()
    failures: list[str] = []
    for persona in walk.personas():
        result = walk.walk(walk.client_for(persona), persona.start, skip=_skip)
        assert len(result.pages()) > 1, persona.label
        assert result.unwalked == 0, persona.label  # the whole site the persona can reach
        failures += [
            f"{persona.label}: {v.url} ({v.name}) answered {v.status}; shown on {v.shown_on}"
            for v in result.failures()
        ]
    assert failures == [], "\n".join(failures)


@pytest.mark.django_db
def test_every_link_of_a_search_answers_the_searcher() -> None:
    """The header search's result pages (a misspelt surname, another team's child's identity
    code, a query too short), in Finnish and in Swedish: each answers, and so does every
    link on them (the cases found, the pages of results)."""
    walk.demo_world()
    walk.spread_cases_over_teams()
    everyone = {p.label: p for p in walk.personas()}
    failures: list[str] = []
    searched = 0
    for label in ("designated worker", "Swedish-language worker", "senior official"):
        persona = everyone[label]
        client = walk.client_for(persona)
        for url in walk.search_urls(persona):
            searched += 1
            result = walk.walk(client, url, skip=_skip, max_requests=12, per_name=2)
            failures += [
                f"{label}: {v.url} ({v.name}) answered {v.status}; shown on {v.shown_on}"
                for v in result.failures()
            ]
    assert searched >= 8
    assert failures == [], "\n".join(failures)
