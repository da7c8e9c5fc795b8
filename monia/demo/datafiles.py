"""The demo's data files: plain UTF-8 JSON in ``monia/demo/data/``, read once.

They are found beside this module, so a clone of the repository runs the demo
without installing anything; lists come back as tuples, as the demo uses them.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


@functools.cache
def load(filename: str) -> Any:
    """The parsed contents of one data file, with every list made a tuple."""
    with (DATA_DIR / filename).open(encoding="utf-8") as file:
        return frozen(json.load(file))


def frozen(value: Any) -> Any:
    """Lists as tuples, all the way down: the data cannot be changed by a caller."""
    if isinstance(value, list):
        return tuple(frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: frozen(v) for k, v in value.items()}
    return value
