"""Two requests at the same moment: the same submission records once, no update is lost."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from django.db import connection

from monia.casework.models import Intake
from monia.conftest import child_create, days_ago, notification


@pytest.mark.django_db(transaction=True)
def test_simultaneous_repeats_of_one_submission_record_one_intake(
    world: Any, worker_a: Any
) -> None:
    child = child_create(world.county_a)
    key = uuid.uuid4()
    barrier = threading.Barrier(2)
    results: list[int] = []
    errors: list[BaseException] = []

    def submit() -> None:
        try:
            barrier.wait()
            results.append(
                notification(worker_a, child, world.team_a1, at=days_ago(1), submission_key=key).pk
            )
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    assert Intake.objects.filter(submission_key=key).count() == 1
