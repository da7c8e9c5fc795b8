"""When the logs' periodic work runs (monia/jobs/registry.py)."""

import datetime

from monia.access.tasks import log_chains_verify
from monia.jobs.registry import Job, Weekly, register

# Weekly, at night: it reads every log row (docs/security.md, "The access and disclosure
# logs cannot be rewritten": run the check on a schedule). Missed by more than four hours,
# it waits for the next Sunday rather than read the whole log in working hours.
register(
    Job(
        "verify_log_chain",
        log_chains_verify,
        Weekly(6, datetime.time(2, 0)),
        catch_up=datetime.timedelta(hours=4),
    )
)
