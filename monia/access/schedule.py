"""When the logs' periodic work runs (monia/jobs/registry.py)."""

import datetime

from monia.access.tasks import log_chains_verify, log_partitions_create, log_retention_apply
from monia.jobs.registry import Job, Monthly, Weekly, register

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

# The owner's queue (registry.OWNER_QUEUE: the tasks declare it). The access log's months
# ahead twice a month, however late: a failed or missed run still leaves two months or
# more ahead, and a read whose month has no partition lands in the DEFAULT one.
register(
    Job("log_partitions", log_partitions_create, Monthly(1, datetime.time(1, 0))),
    Job("log_partitions_mid_month", log_partitions_create, Monthly(15, datetime.time(1, 0))),
)

# Retention monthly, at night: dropping a month locks the log for a moment. Missed by more
# than six hours it waits for the next month (the months then wait one more month: the
# period is a minimum, nothing is removed early).
register(
    Job(
        "log_retention",
        log_retention_apply,
        Monthly(2, datetime.time(1, 30)),
        catch_up=datetime.timedelta(hours=6),
    )
)
