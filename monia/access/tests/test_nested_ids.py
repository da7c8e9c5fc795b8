"""An object of another case put into a case's URL (OWASP ASVS 4.0.3 V4.2.1, insecure direct
object reference): every URL that names a container of client data (a case, a portal
matter, a partner's request or network meeting, a team meeting, an e-notification) and an
object inside it answers exactly as for a missing object when the inner id is another
container's — one the same user may open as well (their own team's other case) and one of
another county — by GET and by POST, changes nothing and logs no read of the other child.

The URL list comes from the resolver: a new URL of that shape without a builder in
``BUILDERS`` fails ``test_every_nested_url_has_a_builder``."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from monia.access.logtables import LOG_TABLES, PERSON_INDEX
from monia.access.models import AccessEvent, LogChainHead
from monia.access.tests import nested_world as nw
from monia.access.url_rules import URL_RULES, Rule
from monia.attachments.testing import PDF_BYTES, upload
from monia.conftest import PASSWORD, PortalWorld, World, case_world_make, portal_client

# The rules under which a URL reaches client data (the development network's have none).
CLIENT_DATA_RULES = {
    Rule.CASE_VIEW,
    Rule.CASE_RECORD,
    Rule.CASE_DECIDE,
    Rule.CASE_PROTECTED,
    Rule.CASE_ARCHIVE,
    Rule.OWN_DRAFT,
    Rule.DECIDER,
    Rule.PORTAL_CASE,
    Rule.PARTNER,
    Rule.TEAM,
    Rule.INTAKE,
}
MISSING = 999_999_999


def _routes(patterns: list[Any], prefix: str = "") -> dict[str, list[str]]:
    """Each named pattern's path parameters, in order."""
    found: dict[str, list[str]] = {}
    for p in patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            if p.namespace is None:
                found |= _routes(p.url_patterns, route)
        elif isinstance(p, URLPattern) and p.name:
            found[p.name] = re.findall(r"<(?:\w+:)?(\w+)>", route)
    return found


NESTED = sorted(
    name
    for name, params in _routes(get_resolver().url_patterns).items()
    if len(params) >= 2 and URL_RULES.get(name) in CLIENT_DATA_RULES
)

Builder = Callable[[str, nw.Side, Any], dict[str, int]]
BUILDERS: dict[Rule, Builder] = {
    Rule.CASE_VIEW: nw.staff_kwargs,
    Rule.CASE_RECORD: nw.staff_kwargs,
    Rule.CASE_DECIDE: nw.staff_kwargs,
    Rule.CASE_PROTECTED: nw.staff_kwargs,
    Rule.CASE_ARCHIVE: nw.staff_kwargs,
    Rule.OWN_DRAFT: nw.staff_kwargs,
    Rule.DECIDER: nw.staff_kwargs,
    Rule.PORTAL_CASE: nw.portal_kwargs,
    Rule.PARTNER: nw.partner_kwargs,
    Rule.TEAM: nw.team_kwargs,
    Rule.INTAKE: nw.intake_kwargs,
}

# A URL that only writes (its GET answers 405) posts the body of its form on this page (of
# the same ids); every other URL posts its own page's form, filled as a user would.
FORM_PAGES = {
    "case_portal_alert_handle": "case_portal",
    "case_portal_document_show": "case_portal",
    "meeting_item_reflection": "meeting_item",
    "meeting_item_hypothesis_add": "meeting_item",
    "meeting_item_hypothesis_revise": "meeting_item",
    "meeting_item_step_add": "meeting_item",
    "note_sign": "note_detail",
}
# What the filled form lacks: a file, or a value its field checks.
FORM_EXTRAS: dict[str, Callable[[], dict[str, Any]]] = {
    "contact_detail_new": lambda: {"kind": "phone", "value": "040 765 4321"},
    "intake_attachments": lambda: {"attachment": upload("liite.pdf", PDF_BYTES)},
    "network_meeting_attachments": lambda: {"attachment": upload("liite.pdf", PDF_BYTES)},
}


def test_every_nested_url_has_a_builder() -> None:
    assert len(NESTED) >= 30
    missing = [name for name in NESTED if URL_RULES[name] not in BUILDERS]
    assert missing == [], f"URLs of an object inside a container without a builder: {missing}"


# --- What the database holds, what the logs say -------------------------------------------

# Written by every request, whoever it is for: the session and the logs (checked apart).
UNTRACKED = {*LOG_TABLES, PERSON_INDEX, LogChainHead._meta.db_table, "django_session"}


def _tables() -> list[str]:
    names = {
        m._meta.db_table
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy and m._meta.db_table not in UNTRACKED
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t FROM unnest(%s::text[]) t WHERE to_regclass(t) IS NOT NULL "
            "AND has_table_privilege(t, 'SELECT') ORDER BY t",
            [sorted(names)],
        )
        return [row[0] for row in cursor.fetchall()]


def _digest(tables: list[str]) -> dict[str, str]:
    """Every row of every table, as one hash per table (the names are the models' own)."""
    rows = "md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))"
    sql = " UNION ALL ".join(
        f"SELECT '{t}', {rows} FROM {connection.ops.quote_name(t)} x"  # noqa: S608
        for t in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def _last_log_ids() -> tuple[int, int]:
    from monia.network.models import DisclosureLog

    return (
        AccessEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0,
        DisclosureLog.objects.order_by("-id").values_list("id", flat=True).first() or 0,
    )


def _logged_of(other: nw.Side, since: tuple[int, int], other_kwargs: dict[str, int]) -> list[str]:
    """The log rows written since ``since`` that name the other case or its child (or, in
    the intake queue, the other e-notification)."""
    from django.db.models import Q

    from monia.enotify.models import ENotificationAccess
    from monia.network.models import DisclosureLog

    case, child = other.case, other.case.child_id
    events = AccessEvent.objects.filter(id__gt=since[0]).filter(
        Q(case=case) | Q(cases__contains=[case.pk]) | Q(persons__contains=[child])
    )
    found = [f"access {e.purpose}" for e in events]
    disclosures = DisclosureLog.objects.filter(id__gt=since[1]).filter(
        Q(case=case) | Q(person_id=child)
    )
    found += [f"disclosure {d.source}" for d in disclosures]
    en = other_kwargs.get("enotification_id")
    if en is not None:
        reads = ENotificationAccess.objects.filter(enotification_id=en, at__gte=other.made["t"])
        found += [f"e-notification {r.purpose}" for r in reads]
    return found


# --- A form's own body, as the browser would post it --------------------------------------


class _FormReader(HTMLParser):
    """The fields of the page's POST forms: (action, {name: value})."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            if a.get("method", "").lower() == "post":
                self.forms.append((a.get("action", ""), {}))
            return
        if not self.forms:
            return
        fields = self.forms[-1][1]
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a or (kind == "radio" and name not in fields):
                    fields[name] = a.get("value", "on")
            elif kind == "submit":
                fields.setdefault(name, a.get("value", ""))
            elif kind not in ("file", "button", "reset"):
                fields[name] = a.get("value") or _plausible(kind)
        elif tag == "button" and name and a.get("type", "submit") == "submit":
            fields.setdefault(name, a.get("value", ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and a.get("value"):
            if self._select not in self.forms[-1][1] or "selected" in a:
                fields[self._select] = a["value"]
        elif tag == "textarea" and name:
            self._textarea = name
            fields[name] = "Kirjattu testissä."

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea and data.strip():
            self.forms[-1][1][self._textarea] = data.strip()


def _plausible(kind: str) -> str:
    # Today, at a time already past whenever the test runs (a step recorded "in the future"
    # is refused): an hour ago, or midnight in the first hour of the day.
    now = timezone.localtime()
    past = max(now - datetime.timedelta(hours=1), now.replace(hour=0, minute=0))
    return {
        "date": now.date().isoformat(),
        "datetime-local": f"{now.date().isoformat()}T{past:%H:%M}",
        "time": f"{past:%H:%M}",
        "number": "1",
        "email": "testi@example.fi",
        "hidden": "",
    }.get(kind, "Testi")


def _body(name: str, own: dict[str, int], page: Any, client: Client) -> Any:
    """What a user would post to case A's own URL (a fresh copy each call: a file is read
    once), or None for a URL that is only read."""
    url = reverse(name, kwargs=own)
    if page.status_code == 405:
        parent = FORM_PAGES[name]
        params = _routes(get_resolver().url_patterns)[parent]
        page = client.get(reverse(parent, kwargs={k: own[k] for k in params}))
    fields = _form_body(page, url, own_page=page.request["PATH_INFO"] == url)
    if fields is None:
        return None
    extra = FORM_EXTRAS.get(name, dict)
    return lambda: fields | extra()


def _form_body(page: Any, path: str, *, own_page: bool) -> dict[str, str] | None:
    """The body of the page's form that posts to ``path`` (on its own page: or to itself,
    without an action)."""
    if page.streaming or not page["Content-Type"].startswith("text/html"):
        return None
    reader = _FormReader()
    reader.feed(page.content.decode())
    for action, fields in reader.forms:
        if action == path or (own_page and action in ("", ".")):
            return fields
    return None


# --- The test -----------------------------------------------------------------------------


def _client(persona: str) -> Client:
    client = Client()
    assert client.login(username=persona, password=PASSWORD)
    return client


def _sides(name: str, request: pytest.FixtureRequest) -> tuple[Client, Any, list[Any]]:
    """The client, case A's side with its actor, and the other cases' sides with theirs."""
    world: World = request.getfixturevalue("world")
    rule = URL_RULES[name]
    other_county = request.getfixturevalue("other_county")
    b_other = case_world_make(
        world.team_b1, other_county, first="Sisu", number=905, parent_number=952
    )
    if rule == Rule.PORTAL_CASE:
        pw: PortalWorld = request.getfixturevalue("portal_world")
        a = nw.Side(pw.cw.case, pw.cw)
        return (
            portal_client(pw.guardian),  # Maija: the guardian of Aino (A) and of Eetu
            (a, None),
            [(nw.Side(pw.young_case), None), (nw.Side(b_other.case, b_other), None)],
        )
    cw = request.getfixturevalue("case_a")
    worker_a = request.getfixturevalue("worker_a")
    request.getfixturevalue("partner")
    b_same = case_world_make(world.team_a1, worker_a, first="Lumi", number=904, parent_number=951)
    persona = {Rule.CASE_ARCHIVE: "senior_a", Rule.PARTNER: "partner"}.get(rule, "worker_a")
    user = request.getfixturevalue(persona)
    return (
        _client(persona),
        (nw.Side(cw.case, cw), user),
        [(nw.Side(b_same.case, b_same), user), (nw.Side(b_other.case, b_other), other_county)],
    )


def _variants(own: dict[str, int], other: dict[str, int]) -> list[tuple[dict, dict, str]]:
    """Each inner id from the other side alone, and all of them together: (URL kwargs,
    the same with a missing object, what was put in)."""
    inner = [k for k in own if k != next(iter(own))]
    choices = [[k] for k in inner] + ([inner] if len(inner) > 1 else [])
    return [
        (
            own | {k: other[k] for k in keys},
            own | dict.fromkeys(keys, MISSING),
            ",".join(keys),
        )
        for keys in choices
    ]


def _same_answer(got: Any, missing: Any, where: str) -> None:
    assert got.status_code == 404, (where, got.status_code)
    assert got.status_code == missing.status_code, (where, got.status_code, missing.status_code)
    assert got.get("Location") == missing.get("Location"), where
    if missing.status_code == 404:
        assert got.content == missing.content, where


@pytest.mark.parametrize("name", NESTED)
def test_an_object_of_another_case_answers_as_a_missing_one(
    name: str, world: World, request: pytest.FixtureRequest
) -> None:
    client, (a, actor_a), others = _sides(name, request)
    build = BUILDERS[URL_RULES[name]]
    own = build(name, a, actor_a)
    page = client.get(reverse(name, kwargs=own))
    assert page.status_code in (200, 405), (name, page.status_code)  # case A's own object
    body = _body(name, own, page, client)
    missing_own = own | {k: MISSING for k in list(own)[1:]}
    posts = client.post(reverse(name, kwargs=missing_own), {}).status_code != 405
    assert posts == (body is not None), f"{name}: a URL that takes POST needs its form's body"
    methods = ([] if page.status_code == 405 else ["GET"]) + ([] if body is None else ["POST"])
    tables = _tables()
    for side, actor in others:
        side.made["t"] = timezone.now()
        other = build(name, side, actor)
        for kwargs, missing_kwargs, put in _variants(own, other):
            for method in methods:
                where = f"{method} {name} with {put} of case {side.case.pk}"
                send = client.get if method == "GET" else client.post
                posted = lambda m=method: None if m == "GET" else body()  # noqa: E731
                before, since = _digest(tables), _last_log_ids()
                got = send(reverse(name, kwargs=kwargs), posted())
                changed = [t for t, h in _digest(tables).items() if before[t] != h]
                assert changed == [], (where, got.status_code, changed)
                assert _logged_of(side, since, other) == [], where
                _same_answer(got, send(reverse(name, kwargs=missing_kwargs), posted()), where)
    if body is not None:  # the body is plausible: case A's own object takes it
        done = client.post(reverse(name, kwargs=own), body())
        assert done.status_code == 302, (name, done.status_code)


# A form that names an object of the case in its body: (URL, field, another case's object).
BODY_IDS = [
    ("intake_attachments", "remove", nw.intake_file_id),
    ("network_meeting_attachments", "remove", nw.meeting_file_id),
    ("decision_serve", "party", nw.decision_party_id),
]


@pytest.mark.parametrize(("name", "field", "make"), BODY_IDS, ids=[b[0] for b in BODY_IDS])
def test_an_object_of_another_case_in_the_body_is_refused_as_a_missing_one(
    name: str, field: str, make: Any, world: World, request: pytest.FixtureRequest
) -> None:
    client, (a, actor_a), others = _sides(name, request)
    own = nw.staff_kwargs(name, a, actor_a)
    url = reverse(name, kwargs=own)
    body = _body(name, own, client.get(url), client)
    assert body is not None
    tables = _tables()
    for side, actor in others:
        other = make(side, actor)
        before, since = _digest(tables), _last_log_ids()
        got = client.post(url, body() | {field: str(other)})
        where = f"POST {name} with {field} of case {side.case.pk}"
        changed = [t for t, h in _digest(tables).items() if before[t] != h]
        assert changed == [], (where, got.status_code, changed)
        assert _logged_of(side, since, {}) == [], where
        missing = client.post(url, body() | {field: str(MISSING)})
        assert (got.status_code, got.get("Location")) == (
            missing.status_code,
            missing.get("Location"),
        ), where
