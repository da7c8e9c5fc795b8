"""The demo's feedback of the development network (issue 16)."""

from __future__ import annotations

import datetime

from monia.teams.models import County


def build(*, county: County, today: datetime.date) -> None:
    """Something on every page of monia/feedback for the county's demo users."""
