"""When the events' periodic work runs (monia/jobs/registry.py)."""

import datetime

from monia.events.tasks import event_reminders_send
from monia.jobs.registry import Daily, Job, register

# In the morning of the day before: the reminder arrives with a working day to prepare.
register(Job("event_reminders", event_reminders_send, Daily(datetime.time(8, 0))))
