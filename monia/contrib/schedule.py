"""When the statements' periodic work runs (monia/jobs/registry.py)."""

import datetime

from monia.contrib.tasks import contribution_reminders
from monia.jobs.registry import Daily, Job, register

# At the start of the working day, when a partner reads her e-mail.
register(Job("remind_partners", contribution_reminders, Daily(datetime.time(7, 30))))
