"""Where a page's time goes: the scenarios of bench/run.py under cProfile.

    .venv/bin/python bench/profile_page.py --scale national --only dashboard_page [--runs 20]
                                      [--sort tottime|cumulative] [--limit 40]

Uses the benchmark database as bench/run.py does (generated first if missing), warms each
chosen scenario up, then profiles ``--runs`` runs of it and prints the functions that took
the most time. Access-log rows written by the runs are deleted afterwards.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pathlib
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate, run  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["national", "county", "small"], default="national")
    parser.add_argument("--database-url", default=generate.DEFAULT_URL)
    parser.add_argument("--only", nargs="+", required=True)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args(argv)
    generate.generate(args.database_url, scale=args.scale, fresh=False)
    generate.configure(args.database_url)
    from django.conf import settings

    from bench import scenarios
    from monia.access.models import AccessEvent

    pathlib.Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    last_log = AccessEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    try:
        for scenario in scenarios.scenarios(scenarios.choose_subjects()):
            if not scenario.name.startswith(tuple(args.only)):
                continue
            run.vacuum_log_heads()
            for _ in range(3):
                scenario.call()
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.runs):
                scenario.call()
            profiler.disable()
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.strip_dirs().sort_stats(args.sort).print_stats(args.limit)
            print(f"=== {scenario.name}: {args.runs} runs, sorted by {args.sort}")
            print(out.getvalue())
    finally:
        run.forget_runs(last_log)


if __name__ == "__main__":
    main()
