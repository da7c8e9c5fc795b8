"""`manage.py seed_demo`: load the demo counties, staff, families and cases."""

from __future__ import annotations

import datetime
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from monia.demo.builder import DEMO_PASSWORD, build_demo, demo_exists, demo_logins
from monia.mfa.demo import DEMO_TOTP_KEY
from monia.mfa.services import totp_secret_text


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--today must be a date YYYY-MM-DD, got {value!r}") from exc


class Command(BaseCommand):
    help = (
        "Load demo data into an empty database: two wellbeing services counties, their "
        "teams and staff, and families with cases at every step. Prints the logins."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (but print the logins) if a county exists.",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="Random seed: the same seed gives the same data (default 1).",
        )
        parser.add_argument(
            "--children",
            type=int,
            default=300,
            help="About how many children per county (default 300).",
        )
        parser.add_argument(
            "--today",
            type=_date,
            default=None,
            help="The demo's today, YYYY-MM-DD, not in the future (default: today).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if demo_exists():
            if not options["if_empty"]:
                raise CommandError(
                    "The database already has wellbeing services counties: "
                    "seed_demo loads only into an empty database."
                )
            self.stdout.write("The database already has data: no demo data loaded.")
            self._logins_print()
            return
        real_today = timezone.localdate()
        today = options["today"] or real_today
        if isinstance(today, str):  # from call_command(today="…")
            today = _date(today)
        if today > real_today:
            raise CommandError(
                "--today cannot be in the future: the casework services "
                "refuse dates after the real today."
            )
        if options["children"] < 1:
            raise CommandError("--children must be at least 1.")
        started = time.monotonic()
        summaries = build_demo(
            children=options["children"],
            seed=options["seed"],
            today=today,
            progress=self.stdout.write,
        )
        for summary in summaries:
            stages = ", ".join(f"{stage} {n}" for stage, n in summary.stages.items())
            self.stdout.write(
                f"{summary.name}: {summary.children} children, "
                f"{summary.persons} persons; cases: {stages}"
            )
        self._logins_print()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded in {time.monotonic() - started:.1f} s (today {today:%d.%m.%Y})."
            )
        )

    def _logins_print(self) -> None:
        logins = demo_logins()
        if not logins:
            self.stdout.write("No demo logins in this database.")
            return
        rows = [("username", "password", "role", "county", "team")]
        rows += [
            (x.username, DEMO_PASSWORD, x.role.replace("_", " "), x.county or "–", x.team or "–")
            for x in logins
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        self.stdout.write("")
        self.stdout.write(f"Demo logins (every password is “{DEMO_PASSWORD}”):")
        self.stdout.write(
            "Senior officials and the administrators also type a code from the demo's "
            f"authenticator (secret {totp_secret_text(DEMO_TOTP_KEY)}); the second step shows it."
        )
        for n, row in enumerate(rows):
            self.stdout.write(
                "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
            if n == 0:
                self.stdout.write("  ".join("-" * w for w in widths))
        self.stdout.write("")
