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

    def failures(self) -> list[Visit]:
        return [v for v in self.visits if v.status in (404, 405) or v.status >= 500]

    def pages(self) -> list[Visit]:
        """The HTML pages that answered 200."""
        return [v for v in self.visits if v.status == 200 and "html" in v.content_type]


def walk(
    client: Client,
    start: str,
    *,
    max_requests: int = 120,
    per_name: int = 2,
    skip: Callable[[str], bool] = lambda path: False,
) -> Walk:
    """Follow every same-site link breadth-first from ``start``: at most ``per_name`` URLs
    of each URL pattern (two cases' pages stand for all cases) and ``max_requests`` GETs."""
    result = Walk()
    queue: deque[tuple[str, str]] = deque([(start, "(front page)")])
    seen: set[str] = {start}
    per: dict[str, int] = {}
    while queue and len(result.visits) < max_requests:
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
    return result
