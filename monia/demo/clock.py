"""The demo's story clock: what the story tells of weeks ago is written through the normal
services as it would have been then — the services' "now" set to that moment of the story.

The casework services stamp a signature with the real clock, and a signed client note is
never rewritten (the database refuses, casework migration 0015): its times cannot be set
after signing. So the demo writes, signs and amends each note with ``story_time`` at the
note's own moment: "written 3.11., signed 3.11.", not "written 3.11., signed 6.12." (the
day the demo was loaded). The lock stays as it is; nothing is rewritten.

Only what those services write takes the story's time: the note, its amendment and their
chronology lines. Writing, signing or amending a note writes no access-log row (the read
of a note does), so the logs' hash chain never sees a story time. The loader alone uses
it, in its own process before the server and its workers start; a moment ahead of the
real clock is refused.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone


@contextmanager
def story_time(at: datetime.datetime) -> Iterator[None]:
    """Within the block, Django's ``timezone.now()`` (and so ``localdate()``, the
    services' today and every ``auto_now`` field) answers ``at``."""
    if at > timezone.now():
        raise ValueError(f"a story time ahead of the real clock: {at}")
    with mock.patch("django.utils.timezone.now", return_value=at):
        yield
