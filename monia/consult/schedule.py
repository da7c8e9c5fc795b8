"""When the consultations' periodic work runs (monia/jobs/registry.py)."""

import datetime

from monia.consult.tasks import consultations_escalate
from monia.jobs.registry import Daily, Job, register

# Before the working day: a question due yesterday shows as escalated in the morning.
register(Job("escalate_consultations", consultations_escalate, Daily(datetime.time(5, 0))))
