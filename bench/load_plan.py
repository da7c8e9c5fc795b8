"""The load test's pure half (bench/load.py runs it): what each simulated worker asks for,
how an answer is judged, and the figures made of the answers. No Django, no network."""

from __future__ import annotations

import html
import math
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

BUSY_PAGES = ("dashboard", "case", "chronology", "caseboard", "search")
# What proves that the answer is the page asked for (a 200 with the login form, a page of
# another kind or an error page is an error). Ids and links, not words: pages are in Finnish.
MARKERS = {
    "login": 'id="my-h"',  # a login lands on the dashboard's "My cases"
    "dashboard": 'id="my-h"',
    "case": 'id="intakes-h"',
    "chronology": '<ol class="chronology">',
    "caseboard": 'href="/team/meetings/"',
    "search": 'id="results-h"',
}
CASE_LINK = re.compile(r'<a href="/cases/(\d+)/">([^<]+)</a>')
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Sample:
    """One request: which page, when it started (seconds into the run), how long it took."""

    page: str
    started: float
    seconds: float
    status: int
    error: str = ""  # empty: a 2xx/3xx answer that carried its page's marker

    @property
    def ok(self) -> bool:
        return not self.error


def parse_think(raw: str) -> tuple[float, float]:
    """``"2-8"`` → (2.0, 8.0): the least and most seconds a worker reads a page."""
    low, sep, high = raw.partition("-")
    try:
        bounds = (float(low), float(high if sep else low))
    except ValueError:
        raise ValueError(f"--think is MIN-MAX seconds, e.g. 2-8, got {raw!r}") from None
    if not 0 <= bounds[0] <= bounds[1]:
        raise ValueError(f"--think needs 0 <= MIN <= MAX, got {raw!r}")
    return bounds


def judge(page: str, status: int, body: str) -> str:
    """Why the answer is an error, or "" when it is the page asked for."""
    if not 200 <= status < 400:
        return f"HTTP {status}"
    if MARKERS[page] not in body:
        return f"no {MARKERS[page]!r} in the page"
    return ""


def cases_listed(page: str) -> list[tuple[int, str]]:
    """The (case id, child's name) of each case linked from a page (the dashboard's lists)."""
    return [(int(pk), html.unescape(name).strip()) for pk, name in CASE_LINK.findall(page)]


def search_query(name: str) -> str:
    """What a worker types to find a child of her list: the surname (the whole name when
    the surname is shorter than the search's three letters)."""
    surname = name.split()[-1] if name.split() else name
    return surname if len(surname) >= 3 else name


def visit(rng: random.Random, listed: Sequence[tuple[int, str]]) -> list[tuple[str, str]]:
    """The pages a worker opens after her dashboard, as (page, path): a case from her list,
    its chronology, the team's caseboard and a search for a child of her list by name."""
    if not listed:
        return [("caseboard", "/team/")]
    case_id, _name = rng.choice(listed)
    _other, sought = rng.choice(listed)
    return [
        ("case", f"/cases/{case_id}/"),
        ("chronology", f"/cases/{case_id}/chronology/"),
        ("caseboard", "/team/"),
        ("search", "/search/?" + urlencode({"q": search_query(sought)})),
    ]


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile ``q`` (0-100) of ``values`` (0.0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def figures(samples: Iterable[Sample], *, seconds: float) -> dict[str, float | int]:
    """Requests, errors, throughput and the times (ms) of ``samples`` over ``seconds``."""
    chosen = list(samples)
    ms = [s.seconds * 1000 for s in chosen]
    return {
        "requests": len(chosen),
        "errors": sum(not s.ok for s in chosen),
        "per_second": round(len(chosen) / seconds, 2) if seconds > 0 else 0.0,
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "mean_ms": round(sum(ms) / len(ms), 1) if ms else 0.0,
        "max_ms": round(max(ms), 1) if ms else 0.0,
    }


def summarise(samples: Sequence[Sample], *, seconds: float) -> dict[str, dict[str, float | int]]:
    """Figures per page (logins apart) and for all the busy pages together ("all")."""
    pages = {
        page: figures([s for s in samples if s.page == page], seconds=seconds)
        for page in ("login", *BUSY_PAGES)
    }
    pages["all"] = figures([s for s in samples if s.page in BUSY_PAGES], seconds=seconds)
    return pages
