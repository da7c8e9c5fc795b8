"""Where each page's time goes: template rendering, SQL on the wire, and the rest.

    .venv/bin/python bench/split.py --scale national --only dashboard_page caseboard_ [--runs 30]

For each page scenario of bench/run.py, times whole requests and, inside them, the
rendering of the outermost template (``django.template.backends.django.Template.render``)
and every SQL statement (``connection.execute_wrapper``: Django's cursor, psycopg and the
database). "Rest" is the remainder: the middleware, the view's Python, Django building and
compiling the queries and turning rows into objects. Medians of ``--runs`` runs after three
warm-ups; access-log rows written by the runs are deleted afterwards.
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate, run  # noqa: E402


class _Clock:
    """Seconds spent in the outermost template render and in SQL during one request."""

    def __init__(self) -> None:
        self.template = 0.0
        self.sql = 0.0
        self._depth = 0

    def render(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def timed(template: Any, *args: Any, **kwargs: Any) -> Any:
            self._depth += 1
            start = time.perf_counter()
            try:
                return original(template, *args, **kwargs)
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.template += time.perf_counter() - start

        return timed

    def execute(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.sql += time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["national", "county", "small"], default="national")
    parser.add_argument("--database-url", default=generate.DEFAULT_URL)
    parser.add_argument("--only", nargs="+", required=True)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    generate.generate(args.database_url, scale=args.scale, fresh=False)
    generate.configure(args.database_url)
    from django.conf import settings
    from django.db import connection
    from django.template.backends import django as django_backend

    from bench import scenarios
    from monia.access.models import AccessEvent

    pathlib.Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    clock = _Clock()
    django_backend.Template.render = clock.render(django_backend.Template.render)  # type: ignore[method-assign]
    last_log = AccessEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    print(f"{'page':34} {'total':>7} {'template':>9} {'SQL':>7} {'rest':>7}   (median ms)")
    try:
        with connection.execute_wrapper(clock.execute):
            for scenario in scenarios.scenarios(scenarios.choose_subjects()):
                if scenario.client is None or not scenario.name.startswith(tuple(args.only)):
                    continue
                run.vacuum_log_heads()
                for _ in range(3):
                    scenario.call()
                totals, templates, sqls = [], [], []
                for _ in range(args.runs):
                    clock.template = clock.sql = 0.0
                    start = time.perf_counter()
                    scenario.call()
                    totals.append(time.perf_counter() - start)
                    templates.append(clock.template)
                    sqls.append(clock.sql)
                total, template, sql = (
                    statistics.median(xs) * 1000 for xs in (totals, templates, sqls)
                )
                rest = total - template - sql
                print(f"{scenario.name:34} {total:7.1f} {template:9.1f} {sql:7.1f} {rest:7.1f}")
    finally:
        run.forget_runs(last_log)


if __name__ == "__main__":
    main()
