"""The two floors a page is measured against (issue 15), timed beside the page itself.

- **Database floor**: the page's own SQL, captured once from a real request, replayed
  statement by statement through a raw psycopg cursor on the same connection (``BEGIN``,
  savepoints and ``COMMIT`` included, every row fetched). What the page would cost if
  Python took no time at all: the time it cannot go below without writing less SQL.
- **Framework floor**: an empty logged-in page (``floor_urls.empty_page``) requested
  by the same logged-in client through the whole middleware stack: session, user, second
  factor, headers. What any page costs before its view does anything.
- **Layout floor**: an empty page in Monia's layout (``floor_urls.layout_page``), and its
  own SQL replayed as above. The difference is the Python every page of Monia pays before
  its own content: what is left of a 2× target for the content's Python is the page's
  database floor less that difference (``run.Result.content_budget_ms``).

``run.py --floors`` times each page scenario and its floors in turns (page, database
floor, framework floor, layout page, layout's SQL, page, …) in one process, so that a burst
of load from elsewhere falls on all alike, and reports the page's median over its database
floor's.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

FLOOR_URLCONF = "bench.floor_urls"


@contextmanager
def floor_urls() -> Iterator[None]:
    """Monia's URL map with the empty page added, for as long as the floors are timed."""
    from django.test.utils import override_settings

    with override_settings(ROOT_URLCONF=FLOOR_URLCONF):
        yield


def statements_of(call: Callable[[], Any]) -> list[str]:
    """The SQL one call sends, as sent (Django binds parameters on the client side, so
    each statement is complete), transaction statements included."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return [q["sql"] for q in captured.captured_queries]


def database_floor(statements: list[str]) -> Callable[[], None]:
    """Replays ``statements`` raw: no Django cursor wrapper, no model, no row conversion
    beyond psycopg's own."""
    from django.db import connection

    def replay() -> None:
        connection.ensure_connection()
        raw = connection.connection
        with raw.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement.encode())
                if cursor.description is not None:
                    cursor.fetchall()

    return replay


def framework_floor(client: Any) -> Callable[[], Any]:
    """The empty logged-in page, requested by the page's own client (the same user)."""
    from bench.floor_urls import FLOOR_PATH
    from bench.scenarios import page

    return page(client, FLOOR_PATH)


def layout_floor(client: Any) -> Callable[[], Any]:
    """The empty page in Monia's layout, requested by the page's own client."""
    from bench.floor_urls import LAYOUT_PATH
    from bench.scenarios import page

    return page(client, LAYOUT_PATH)


def timed_in_turns(calls: list[Callable[[], Any]], runs: int) -> list[list[float]]:
    """Milliseconds of each call over ``runs`` rounds, the calls taking turns in a round."""
    times: list[list[float]] = [[] for _ in calls]
    for _ in range(runs):
        for call, spent in zip(calls, times, strict=True):
            started = time.perf_counter()
            call()
            spent.append((time.perf_counter() - started) * 1000)
    return times
