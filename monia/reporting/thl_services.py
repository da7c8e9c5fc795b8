"""Writes of THL's comparison of counties: asking for one (the row and its background task
in one transaction) and counting it (the task: ``thl_tasks.py``). Only aggregates leave
the county: each count under 5 is suppressed before it is stored."""

from __future__ import annotations

import logging
import uuid
from datetime import date

from django.db import transaction
from django.utils import timezone

from monia.accounts.models import User
from monia.casework.case_services import sent_before
from monia.reporting import access, thl
from monia.reporting.models import RunState, ThlCompareRun
from monia.reporting.thl_selectors import thl_notifications
from monia.teams.models import County

logger = logging.getLogger(__name__)


@transaction.atomic
def thl_compare_request(
    *, user: User, start: date, end: date, submission_key: uuid.UUID | None = None
) -> ThlCompareRun:
    """A new comparison for the county's senior official, queued for the worker. The same
    form sent twice answers with the run already there."""
    from monia.reporting.thl_tasks import thl_compare_run

    scope = access.county_scope_get(user)
    found = sent_before(
        ThlCompareRun.objects.all(), submission_key, owner="requested_by_id", user=user
    )
    if found is not None:
        return found
    run = ThlCompareRun.objects.create(
        requested_by=user,
        county=scope.county,
        period_start=start,
        period_end=end,
        submission_key=submission_key,
    )
    result = thl_compare_run.enqueue(run_id=run.pk)
    ThlCompareRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    run.refresh_from_db()
    return run


def thl_compare_build(*, run_id: int) -> ThlCompareRun:
    """Count every county's half-year (the background task); progress is committed after
    each county, so the page shows it; a failure is recorded on the row."""
    run = _start(run_id)
    if run is None:
        return ThlCompareRun.objects.get(pk=run_id)
    try:
        counties = list(County.objects.order_by("name_fi"))
        _progress(run, 0, total=len(counties))
        records = thl_notifications(start=run.period_start, end=run.period_end)
        rows = []
        for i, county in enumerate(counties, start=1):
            times = thl.processing_times(
                records.get(county.pk, []), start=run.period_start, end=run.period_end
            )
            rows.append(compare_row(county.name_fi, times))
            _progress(run, i)
        run.rows = rows
        run.state = RunState.DONE
        run.finished_at = timezone.now()
        run.save(update_fields=["rows", "state", "finished_at"])
    except Exception as error:  # the row records every failure, whatever it was
        logger.exception("THL comparison %s failed", run_id)
        run.state = RunState.FAILED
        run.error = f"{type(error).__name__}: {error}"[:2000]
        run.finished_at = timezone.now()
        run.save(update_fields=["state", "error", "finished_at"])
    return run


def compare_row(name: str, times: thl.ProcessingTimes) -> list[str | int | None]:
    """A county's row as it may cross the county line: counts under 5 suppressed, and
    not given back by subtraction (``_split``)."""
    return [
        name,
        *_split(times.seven_day),
        *_split(times.three_month),
        access.suppressed(times.open_overdue.count),
    ]


def _split(figure: thl.Figure) -> tuple[int | None, int | None, int | None]:
    """Matters, on time and late. When on time or late is suppressed, the other one is
    too: matters minus the one shown would give it back (for a past period nothing is
    pending, so matters = on time + late)."""
    matters, on_time, late = (
        access.suppressed(n) for n in (figure.matters, figure.on_time, figure.late)
    )
    if on_time is None or late is None:
        return matters, None, None
    return matters, on_time, late


def _start(run_id: int) -> ThlCompareRun | None:
    with transaction.atomic():
        run = ThlCompareRun.objects.select_for_update().get(pk=run_id)
        if run.state != RunState.QUEUED:
            return None
        run.state = RunState.RUNNING
        run.save(update_fields=["state"])
    return run


def _progress(run: ThlCompareRun, done: int, *, total: int | None = None) -> None:
    if total is not None:
        run.progress_total = total
    run.progress_done = done
    ThlCompareRun.objects.filter(pk=run.pk).update(
        progress_done=done, progress_total=run.progress_total
    )
