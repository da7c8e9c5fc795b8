"""The embedded server forgets holders that died without their exit hook."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from monia import embedded_db


def test_dead_holders_are_forgotten_and_live_ones_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embedded_db, "PGDATA", tmp_path)
    holders = tmp_path / ".handle_pids.json"
    dead_pid = 2**22 + 12345  # above Linux's default pid_max: never a live process
    holders.write_text(json.dumps([os.getpid(), dead_pid]))
    embedded_db._forget_dead_holders()
    assert json.loads(holders.read_text()) == [os.getpid()]
