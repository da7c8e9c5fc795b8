"""Walking Monia as each persona sees it: demo-like data, the personas who use it, and a
breadth-first walk over every same-site link a page shows (GET only).

Used by ``test_link_walk.py`` (every link shown to a role answers it) and
``browser/test_reflow.py`` (every page reflows at 320 px with no axe violation).
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from django.http import Http404
from django.test import Client
from django.urls import Resolver404, resolve

from monia.accounts.models import User


@dataclass(frozen=True)
class Persona:
    """Someone who uses Monia: a staff account of the demo, or a portal client."""

    label: str
    user: User
    start: str  # the front page the persona lands on
    language: str = "fi"
    # Whether the session passed the second factor (a whole login); False: only the password.
    second_factor: bool = True


# Who walks: every staff role of the Finnish county (incl. the coordinator and the senior
# official), the Swedish-language team, both partners' kinds of home page, the administrator.
STAFF_PERSONAS = {
    "designated worker": "sanna",
    "consultant social worker": "katja",
    "family therapist": "leena",
    "family worker": "jari",
    "team coordinator": "tiina",
    "senior official": "heikki",
    "Swedish-language worker": "johan",
    "Swedish-speaking county's senior official": "mats",
    "partner (school nurse)": "terhi",
    "administrator": "admin",
    "development coordinator": "kaarina",
    "expert by experience": "eeva",
}


def demo_world(children: int = 14) -> None:
    """The demo's two counties with a few children each: every stage, meetings, partners."""
    from monia.demo.builder import build_demo

    build_demo(children=children, seed=1, progress=io.StringIO().write)


def personas() -> list[Persona]:
    """The staff personas, then one portal client of each kind (young person, guardian,
    young adult in aftercare) as the demo identification lists them."""
    from monia.portal.demo import demo_clients
    from monia.portal.services import client_user_for_identity_code

    found = [
        Persona(label, User.objects.get(username=username), "/")
        for label, username in STAFF_PERSONAS.items()
    ]
    for i, p in enumerate(found):
        if p.user.language == "sv":
            found[i] = Persona(p.label, p.user, p.start, "sv")
    kinds: dict[str, str] = {}
    for client in demo_clients(per_kind=1):
        if client.kind in kinds:
            continue
        user = client_user_for_identity_code(client.identity_code, method="demo")
        if user is not None:
            kinds[client.kind] = client.identity_code
            found.append(Persona(f"portal client ({client.kind})", user, "/portal/"))
    assert len(kinds) == 3, kinds  # a young person, a guardian, a young adult
    return found


def client_for(persona: Persona) -> Client:
    from monia.accounts import second_factor

    client = Client()
    client.force_login(persona.user)  # a whole login, second factor included (conftest)
    if not persona.second_factor:
        session = client.session
        session.pop(second_factor.SESSION_KEY, None)
        session.save()
    client.cookies["django_language"] = persona.language
    return client


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_of(html: str, page_url: str) -> list[str]:
    """Same-site links of a page, made absolute paths, without fragments."""
    parser = _Links()
    parser.feed(html)
    out = []
    for href in parser.hrefs:
        if href.startswith(("mailto:", "tel:", "javascript:", "#")):
            continue
        url, _ = urldefrag(urljoin("http://testserver" + page_url, href))
        parts = urlsplit(url)
        if parts.netloc != "testserver" or parts.path.startswith("/static/"):
            continue
        out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def url_name(path: str) -> str:
    try:
        match = resolve(urlsplit(path).path)
    except (Resolver404, Http404):
        return "?"
    return f"{match.namespace}:{match.url_name}" if match.namespace else str(match.url_name)


@dataclass
class Visit:
    url: str
    name: str
    status: int
    content_type: str
    shown_on: str  # the page that showed the link


@dataclass
class Walk:
    visits: list[Visit] = field(default_factory=list)
    unwalked: int = 0  # links left in the queue when ``max_requests`` stopped the walk

    def failures(self) -> list[Visit]:
        return [v for v in self.visits if v.status in (404, 405) or v.status >= 500]

    def pages(self) -> list[Visit]:
        """The HTML pages that answered 200."""
        return [v for v in self.visits if v.status == 200 and "html" in v.content_type]


def walk(
    client: Client,
    start: str,
    *,
    max_requests: int | None = None,
    per_name: int = 2,
    skip: Callable[[str], bool] = lambda path: False,
) -> Walk:
    """Follow every same-site link breadth-first from ``start``: at most ``per_name`` URLs
    of each URL pattern (two cases' pages stand for all cases). Without ``max_requests``
    the walk ends when every link it met is walked or stands for a pattern walked enough:
    no budget to outgrow as pages are added. With one, it stops there (``unwalked`` says
    how many links were left)."""
    result = Walk()
    queue: deque[tuple[str, str]] = deque([(start, "(front page)")])
    seen: set[str] = {start}
    per: dict[str, int] = {}
    while queue and (max_requests is None or len(result.visits) < max_requests):
        url, shown_on = queue.popleft()
        name = url_name(url)
        if per.get(name, 0) >= per_name:
            continue
        per[name] = per.get(name, 0) + 1
        response: Any = client.get(url, follow=False)
        status = response.status_code
        if status in (301, 302) and response.get("Location", "").startswith("/"):
            target = response["Location"]
            if target not in seen and not skip(target):
                seen.add(target)
                queue.appendleft((target, url))
        content_type = response.get("Content-Type", "")
        result.visits.append(Visit(url, name, status, content_type, shown_on))
        if status != 200 or "html" not in content_type:
            continue
        for link in links_of(response.content.decode(), url):
            if link not in seen and not skip(link):
                seen.add(link)
                queue.append((link, url))
    result.unwalked = len(queue)
    return result


def spread_cases_over_teams() -> None:
    """The small demo keeps each county's cases in one team: every other team gets a new
    child of its own (a notification recorded by a worker of the county), so a search
    meets another team's child and the Swedish-language team has a child to find."""
    import datetime

    from django.db.models import Count
    from django.utils import timezone

    from monia.accounts.models import Role
    from monia.casework import services
    from monia.people import hetu
    from monia.people.services import person_create
    from monia.teams.models import Team

    empty = Team.objects.annotate(n=Count("cases")).filter(n=0).order_by("pk")
    for i, team in enumerate(empty):
        recorder = User.objects.filter(
            county_id=team.county_id, role=Role.DESIGNATED_SOCIAL_WORKER, is_active=True
        ).order_by("pk")[0]
        born = timezone.localdate() - datetime.timedelta(days=3000 + 40 * i)
        child = person_create(
            county=team.county,
            first_names="Elsa" if i % 2 else "Oskar",
            last_name="Söderholm" if i % 2 else "Nyqvist",
            identity_code=hetu.make_synthetic(born, 980 + i),
        )
        services.intake_record(
            user=recorder,
            child=child,
            team=team,
            kind="notification",
            channel="phone",
            received_at=timezone.now() - datetime.timedelta(hours=2),
            notifier_type="anonymous",
            content="Lapsi oli illalla yksin pihalla.",
        )


def search_urls(persona: Persona) -> list[str]:
    """The header search's result pages as the persona gets them (issue 12): a surname
    of a child she may open, misspelt; the identity code of a child of another team of
    her county ("a matter exists; contact team …"); a query too short to search."""
    from urllib.parse import urlencode

    from django.urls import reverse

    from monia.access import policy
    from monia.casework.models import Case

    visible = policy.cases_visible_to(persona.user)
    own = visible.select_related("child").exclude(child__last_name="").order_by("pk").first()
    if own is None:
        return []
    last = own.child.last_name
    queries = [last[:3] + last[2:], "a"]
    other = (
        Case.objects.filter(county_id=persona.user.county_id)
        .exclude(child_id__in=visible.values("child_id"))
        .exclude(child__identity_code="")
        .select_related("child")
        .order_by("pk")
        .first()
    )
    if other is not None:
        queries.insert(1, other.child.identity_code)
    return [f"{reverse('client_search')}?{urlencode({'q': q})}" for q in queries]
